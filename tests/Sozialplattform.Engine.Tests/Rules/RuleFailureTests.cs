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

    [Fact]
    public void A_failing_rule_names_the_elements_label_and_does_not_promise_that_later_will_work()
    {
        var engine = TestSupport.Form(TestSupport.FormWith("""[ { "key": "a", "type": "text", "label": { "de": "Vorname", "en": "First name" }, "visibleIf": "(() => { throw 'kaputt'; })()" } ]"""));
        var error = engine.Validate(TestSupport.Answers("{}")).Errors.Single();

        error.Text("de").ShouldBe("Die Angaben zu „Vorname“ können wegen eines Fehlers im Formular nicht geprüft werden. Bitte wenden Sie sich an die zuständige Stelle.");
        error.Text("en").ShouldBe("Your answer to “First name” cannot be checked because of an error in the form. Please contact the responsible office.");
    }

    [Fact]
    public void A_failing_form_validation_carries_its_code_as_path_and_in_its_text_in_every_language()
    {
        var engine = TestSupport.Form(TestSupport.FormWith("""[ { "key": "a", "type": "text", "label": "A" } ]""",
            """, "validations": [ { "when": "a.length > (() => { throw 'kaputt'; })()", "code": "kontaktFehlt", "message": { "de": "Bitte Kontakt angeben." } } ]"""));
        var error = engine.Validate(TestSupport.Answers("""{ "a": "x" }""")).Errors.Single();

        error.Code.ShouldBe("ruleFailed");
        error.Path.ShouldBe("kontaktFehlt");
        error.Args["validation"].ShouldBe("kontaktFehlt");
        error.Text("de").ShouldBe("Eine Prüfung Ihrer Angaben (kontaktFehlt) kann wegen eines Fehlers im Formular nicht ausgeführt werden. Bitte wenden Sie sich an die zuständige Stelle.");
        foreach (var language in new[] { "de", "en", "tr", "ar", "uk", "ru" })
        {
            error.Text(language).Replace("\u2068", "").Replace("\u2069", "").ShouldContain("(kontaktFehlt)");
            error.Text(language).ShouldNotContain("„“");
        }
    }

    [Fact]
    public void A_failing_validation_of_a_field_is_reported_on_that_field()
    {
        var engine = TestSupport.Form(TestSupport.FormWith("""
            [ { "key": "a", "type": "text", "label": "Name",
                "validations": [ { "when": "(() => { throw 'kaputt'; })()", "code": "nameKurz", "message": { "de": "Zu kurz." } } ] } ]
            """));
        var error = engine.Validate(TestSupport.Answers("""{ "a": "x" }""")).Errors.Single();

        error.Path.ShouldBe("a");
        error.Text("de").ShouldStartWith("Die Angaben zu „Name“ können");
    }
}
