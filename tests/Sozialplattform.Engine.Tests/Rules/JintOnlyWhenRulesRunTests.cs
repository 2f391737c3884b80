using System.Text.Json.Nodes;
using Sozialplattform.Engine.Rules;

namespace Sozialplattform.Engine.Tests;

/// <summary>
/// Jint's first engine costs a process about half a second (it builds a time-zone table from every system zone), which
/// made <c>sozial validate</c>, <c>export-fim</c> and <c>check</c> of large FIM imports slower than the import. Loading
/// a definition therefore touches no Jint, and checking answers of a form without rules (most FIM imports) needs no
/// sandbox; a form with rules gets one as before.
/// </summary>
public sealed class JintOnlyWhenRulesRunTests
{
    private static FormEngineOptions FreshOptions() => new() { Clock = TestSupport.Options.Clock, RuleLimits = TestSupport.Options.RuleLimits };

    [Fact]
    public void Loading_a_definition_with_rules_prepares_no_Jint_script_and_makes_no_sandbox()
    {
        var options = FreshOptions();

        TestSupport.LoadJson(TestSupport.FormWith("""[{"key": "a", "type": "integer", "label": "A"}, {"key": "b", "type": "text", "label": "B", "visibleIf": "a > 1"}]"""), options).EngineOrThrow();

        options.RuleEngine.RuntimePrepared.ShouldBeFalse();
        options.RuleEngine.SandboxesCreated.ShouldBe(0);
    }

    [Fact]
    public void Answers_of_a_form_without_rules_are_checked_without_a_sandbox_and_still_get_every_error()
    {
        var options = FreshOptions();
        var engine = TestSupport.LoadJson(TestSupport.FormWith("""[{"key": "a", "type": "integer", "label": "A", "required": true, "max": 5}, {"key": "b", "type": "text", "label": "B", "required": true}]"""), options).EngineOrThrow();

        var result = engine.Validate(new JsonObject { ["a"] = 9 });

        result.Errors.Select(e => $"{e.Path} {e.Code}").Order().ShouldBe(["a max", "b required"]);
        options.RuleEngine.SandboxesCreated.ShouldBe(0);
        options.RuleEngine.RuntimePrepared.ShouldBeFalse();
    }

    [Fact]
    public void A_form_with_rules_runs_them_in_a_sandbox_as_before()
    {
        var options = FreshOptions();
        var engine = TestSupport.LoadJson(TestSupport.FormWith("""[{"key": "a", "type": "integer", "label": "A"}, {"key": "b", "type": "text", "label": "B", "requiredIf": "a > 1"}]"""), options).EngineOrThrow();

        engine.Validate(new JsonObject { ["a"] = 2 }).Errors.ShouldHaveSingleItem().Code.ShouldBe("required");
        engine.Validate(new JsonObject { ["a"] = 0 }).Errors.ShouldBeEmpty();

        options.RuleEngine.SandboxesCreated.ShouldBe(1);
    }
}
