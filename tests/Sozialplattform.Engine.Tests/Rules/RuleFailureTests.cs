namespace Sozialplattform.Engine.Tests.RuleCases;

/// <summary>A rule that fails at run time never hangs or crashes: the element gets a ruleFailed error that blocks submission.</summary>
public class RuleFailureTests
{
    [Theory]
    [InlineData("(() => { throw 'kaputt'; })()", "ruleError")]
    [InlineData("(() => { while (true) {} })()", "ruleLimit")]
    [InlineData("(function f(n) { return f(n + 1); })(0)", "ruleLimit")]
    [InlineData("(() => { let a = []; while (true) a.push(new Array(1000).fill('x')); })()", "ruleLimit")]
    public void A_failing_visibility_rule_shows_the_field_and_blocks_submission_with_rule_failed(string expression, string failure)
    {
        var engine = TestSupport.Form(TestSupport.FormWith($$"""[ { "key": "a", "type": "text", "label": "A", "visibleIf": {{System.Text.Json.JsonSerializer.Serialize(expression)}} } ]"""));
        var result = engine.Validate(TestSupport.Answers("{}"));

        var error = result.Errors.Single();
        error.Code.ShouldBe("ruleFailed");
        error.Path.ShouldBe("a");
        error.Args["failure"].ShouldBe(failure);
        result.State["a"]!.Visible.ShouldBeTrue();
    }

    [Fact]
    public void A_computed_value_of_the_wrong_type_is_a_rule_failure()
    {
        var engine = TestSupport.Form(TestSupport.FormWith("""[ { "key": "d", "type": "date", "label": "D", "value": "'nächste Woche'" } ]"""));
        var result = engine.Validate(TestSupport.Answers("{}"));
        result.Errors.Single().Code.ShouldBe("ruleFailed");
        result.State["d"]!.RuleFailure!.ShouldContain("not a valid date");
    }

    [Fact]
    public void Names_of_host_objects_are_rejected_when_the_definition_is_loaded()
    {
        var result = TestSupport.LoadJson(TestSupport.FormWith("""[ { "key": "a", "type": "text", "label": "A", "value": "typeof System + typeof importNamespace" } ]"""));
        result.Errors.Select(e => e.Code).ShouldBe(["rule-unknown-name", "rule-unknown-name"]);
    }

    [Fact]
    public void The_engine_stays_usable_after_a_rule_hits_a_limit()
    {
        var engine = TestSupport.Form(TestSupport.FormWith("""
            [ { "key": "a", "type": "integer", "label": "A" },
              { "key": "b", "type": "integer", "label": "B", "value": "a > 0 ? a * 2 : (() => { while (true) {} })()" } ]
            """));
        engine.Validate(TestSupport.Answers("""{ "a": 0 }""")).Errors.Single().Code.ShouldBe("ruleFailed");
        engine.Evaluate(TestSupport.Answers("""{ "a": 21 }"""))["b"]!.Value!.ToJsonString().ShouldBe("42");
    }
}
