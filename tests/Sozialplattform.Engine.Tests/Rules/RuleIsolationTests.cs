using System.Text.Json.Nodes;
using Sozialplattform.Engine.Catalog;
using Sozialplattform.Engine.Rules;
using Sozialplattform.Tests.Isolation;

namespace Sozialplattform.Engine.Tests.RuleCases;

/// <summary>
/// One form's rules cannot change another form's verdict (issue 12, section 1): every vector of
/// tests/Conformance/isolation.json runs as form A, as a raw function past the load checks and as a trial, in one
/// sandbox (own options, one thread, so the pool hands out the same engine every time), and the sample form
/// <c>kontakt</c> and the probe form decide exactly as before.
/// </summary>
public class RuleIsolationTests
{
    private static readonly JsonObject ValidKontakt = Answers("valid.json");
    private static readonly JsonObject InvalidKontakt = Answers("invalid.json");

    [Theory]
    [MemberData(nameof(IsolationCases.PollutionNames), MemberType = typeof(IsolationCases))]
    public void Pollution_in_one_form_leaves_every_other_verdict_unchanged(string name)
    {
        var vector = IsolationCases.Get(name);
        var options = new FormEngineOptions { Clock = TestSupport.Options.Clock, RuleLimits = IsolationCases.PatientLimits };
        var kontakt = FormEngine.Load(Path.Combine(TestSupport.Samples, "forms", "kontakt", "1.0.0", "form.json"), options).EngineOrThrow();
        var probe = Load(IsolationCases.FormWithValidation("probe", IsolationCases.Probe), options).EngineOrThrow();
        var invalidBefore = Codes(kontakt.Validate(InvalidKontakt));
        kontakt.Validate(ValidKontakt).Errors.ShouldBeEmpty();
        probe.Validate(new JsonObject { ["x"] = "a" }).Errors.ShouldBeEmpty();

        RunPastTheLoadChecks(options.RuleEngine, vector.Expression);
        var trial = options.RuleEngine.Evaluate(vector.Expression, new JsonObject(), TestSupport.Today);
        var formA = Load(IsolationCases.FormWithValidation("verschmutzt", vector.Expression), options);
        if (vector.RefusedAs is { } code)
        {
            formA.Problems.ShouldContain(p => p.Code == code && p.Location.JsonPath == "pages[0].validations[0].when", formA.Problems.Count == 0 ? "loaded" : string.Join("\n", formA.Problems));
            trial.Refusals.ShouldNotBeEmpty();
        }
        else
        {
            formA.EngineOrThrow().Validate(new JsonObject { ["x"] = "a" });
        }

        kontakt.Validate(ValidKontakt).Errors.ShouldBeEmpty();
        Codes(kontakt.Validate(InvalidKontakt)).ShouldBe(invalidBefore);
        probe.Validate(new JsonObject { ["x"] = "a" }).Errors.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(IsolationCases.NonDeterministicNames), MemberType = typeof(IsolationCases))]
    public void A_non_deterministic_rule_is_a_load_error_that_points_to_today(string name)
    {
        var vector = IsolationCases.Get(name);
        var problem = Load(IsolationCases.FormWithValidation("zufall", vector.Expression), TestSupport.Options).Problems.Single();

        problem.Code.ShouldBe(vector.RefusedAs);
        problem.Message.ShouldContain("today()");
        problem.Location.JsonPath.ShouldBe("pages[0].validations[0].when");
        problem.Location.Line.ShouldBeGreaterThan(0);
        RunPastTheLoadChecks(TestSupport.Options.RuleEngine, vector.Expression).ShouldNotBeNull().Code.ShouldBe("ruleError");
    }

    [Theory]
    [InlineData("(Math.round = () => 1, false)")]
    [InlineData("(o => (o.polluted = 1, false))(Object.getPrototypeOf({}))")]
    [InlineData("(f => (f.cache = 1, false))(isEmpty)")]
    public void A_write_to_a_frozen_built_in_is_a_rule_error_not_silently_ignored(string expression) =>
        RunPastTheLoadChecks(TestSupport.Options.RuleEngine, expression).ShouldNotBeNull().Code.ShouldBe("ruleError");

    [Fact]
    public void Today_is_still_the_date_of_each_session_after_freezing()
    {
        var engine = TestSupport.Options.RuleEngine;
        engine.Evaluate("today()", new JsonObject(), new DateOnly(2026, 1, 31)).Value!.GetValue<string>().ShouldBe("2026-01-31");
        engine.Evaluate("today()", new JsonObject(), new DateOnly(2027, 2, 1)).Value!.GetValue<string>().ShouldBe("2027-02-01");
    }

    [Fact]
    public void Answer_keys_named_like_built_in_members_reach_the_rule_as_plain_answers()
    {
        var row = new JsonObject { ["toString"] = "t", ["constructor"] = "c", ["__proto__"] = "p", ["valueOf"] = 3 };
        var result = TestSupport.Options.RuleEngine.EvaluateUnchecked("[row.toString, row.constructor, row.__proto__, row.valueOf]", new JsonObject { ["row"] = row }, TestSupport.Today);

        result.Failure.ShouldBeNull();
        result.Value!.ToJsonString().ShouldBe("""["t","c","p",3]""");
    }

    [Theory]
    [InlineData("globalThis")]
    [InlineData("__today")]
    [InlineData("Reflect.ownKeys({})")]
    [InlineData("Date")]
    public void A_trial_refuses_names_a_rule_could_not_use(string expression) =>
        TestSupport.Options.RuleEngine.Evaluate(expression, new JsonObject(), TestSupport.Today).Refusals.ShouldNotBeEmpty();

    /// <summary>Runs the expression as the binder would never let it run: a bare function in the sandbox.</summary>
    private static RuleFailure? RunPastTheLoadChecks(RuleEngine engine, string expression) =>
        engine.EvaluateUnchecked(expression, new JsonObject(), TestSupport.Today).Failure;

    private static LoadResult Load(string json, FormEngineOptions options) =>
        FormEngine.LoadText(json, "form.json", new CatalogDirectory(TestSupport.Samples), options);

    private static string Codes(Validation.ValidationResult result) => string.Join(", ", result.Errors.Select(e => $"{e.Path}:{e.Code}"));

    private static JsonObject Answers(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(TestSupport.Samples, "forms", "kontakt", "1.0.0", "answers", file)))!.AsObject();
}
