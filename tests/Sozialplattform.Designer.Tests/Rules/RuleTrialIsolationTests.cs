using System.Text.Json.Nodes;
using Sozialplattform.Designer.Documents;
using Sozialplattform.Designer.Rules;
using Sozialplattform.Designer.Tests.Support;
using Sozialplattform.Engine;
using Sozialplattform.Engine.Catalog;
using Sozialplattform.Tests.Isolation;

namespace Sozialplattform.Designer.Tests.Rules;

/// <summary>
/// "Regel ausprobieren" passes the rule checks and runs in the frozen sandbox: no experiment changes what a form
/// decides. Every vector of tests/Conformance/isolation.json is tried; the sample form kontakt and the probe form
/// decide as before (own options, one thread: the trial and the forms share one pooled sandbox).
/// </summary>
public sealed class RuleTrialIsolationTests
{
    private static readonly DocumentPath Schule = DocumentPath.Parse("pages[0].items[1].items[2]");
    private static readonly JsonObject Household = (JsonObject)JsonNode.Parse("""{"hatKinder": true, "kinder": [{"vorname": "Ada", "alter": 4}]}""")!;

    [Theory]
    [MemberData(nameof(IsolationCases.PollutionNames), MemberType = typeof(IsolationCases))]
    public void A_trial_with_a_polluting_text_leaves_every_verdict_unchanged(string name)
    {
        var vector = IsolationCases.Get(name);
        var options = new FormEngineOptions { RuleLimits = IsolationCases.PatientLimits };
        var kontakt = FormEngine.Load(Path.Combine(Repository.Samples, "forms", "kontakt", "1.0.0", "form.json"), options).EngineOrThrow();
        var probe = FormEngine.LoadText(IsolationCases.FormWithValidation("probe", IsolationCases.Probe), "probe.json", new CatalogDirectory(Repository.Samples), options).EngineOrThrow();
        var valid = Kontakt("valid.json");
        kontakt.Validate(valid).Errors.ShouldBeEmpty();

        var trial = RuleTrial.Try(RuleScope.For(Forms.Household(), Schule, "visibleIf"), vector.Expression, Household, options: options);

        if (vector.RefusedAs is not null)
        {
            trial.Result.Refusals.ShouldNotBeEmpty();
            trial.Result.Value.ShouldBeNull();
        }

        kontakt.Validate(valid).Errors.ShouldBeEmpty();
        probe.Validate(new JsonObject { ["x"] = "a" }).Errors.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("(globalThis.isEmpty = function () { return true; }, 'done')", "globalThis")]
    [InlineData("__today", "__today")]
    [InlineData("Math.random() < 0.5", "Math.random")]
    [InlineData("Date.now()", "Date.now")]
    public void A_trial_refuses_what_a_rule_may_not_use_and_says_why(string text, string named)
    {
        var trial = RuleTrial.Try(RuleScope.For(Forms.Household(), Schule, "visibleIf"), text, Household);

        trial.Result.Refusals.ShouldContain(r => r.Contains(named));
        trial.Result.Success.ShouldBeFalse();
    }

    [Fact]
    public void The_live_check_names_non_determinism_and_changes_to_built_ins_in_german()
    {
        var form = Forms.Household();
        var scope = RuleScope.For(form, Schule, "visibleIf");

        RuleCheck.Check(form, Schule.Property("visibleIf"), "Math.random() < alter", scope, null).ShouldContain(m => m.Contains("Math.random liefert bei jedem Aufruf"));
        RuleCheck.Check(form, Schule.Property("visibleIf"), "(Object.assign(Math, { round: x => 1 }), alter > 1)", scope, null).ShouldContain(m => m.Contains("eingebauten Objekte"));
    }

    private static JsonObject Kontakt(string file) =>
        (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.Samples, "forms", "kontakt", "1.0.0", "answers", file)))!;
}
