namespace Sozialplattform.Engine.Tests.Evaluation;

/// <summary>The browser's copy of the rules: the same helper runtime and the same compiled functions as the server.</summary>
public class ClientScriptTests
{
    [Fact]
    public void The_client_script_contains_the_server_runtime_and_every_compiled_rule()
    {
        var engine = TestSupport.LoadSample("haushalt");
        var script = engine.ClientScript();
        script.ShouldContain(engine.Options.RuleEngine.RuntimeScript);
        script.ShouldContain(engine.Model.Program.Script);
        script.ShouldContain("\"form\":\"haushalt@1.0.0\"");
    }

    [Fact]
    public void The_client_model_lists_elements_rules_and_an_order_that_puts_inputs_first()
    {
        var model = TestSupport.LoadSample("haushalt").ClientModel();
        var elements = model["elements"]!.AsArray();
        var schule = elements.Single(e => e!["key"]!.GetValue<string>() == "schule")!;
        var alter = elements.Single(e => e!["key"]!.GetValue<string>() == "alter")!;
        var rule = model["rules"]![schule["visible"]!.GetValue<int>()]!;
        rule["params"]![0]!["path"]![0]!.GetValue<string>().ShouldBe("alter");

        var order = model["order"]!.AsArray().Select(n => $"{n![0]}:{n[1]}").ToList();
        order.IndexOf($"element:{alter["ordinal"]}").ShouldBeLessThan(order.IndexOf($"element:{schule["ordinal"]}"));
    }
}
