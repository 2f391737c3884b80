using System.Text.Json.Nodes;

namespace Sozialplattform.Engine.Tests.Evaluation;

/// <summary>The semantics of rules over answers: visibility, per-row rules, computed values, and what is submitted.</summary>
public class EvaluationTests
{
    private static readonly FormEngine Haushalt = TestSupport.LoadSample("haushalt");
    private static readonly FormEngine Kinder = TestSupport.LoadSample("kinder-bildung");

    [Fact]
    public void Hidden_fields_are_neither_required_nor_validated_and_their_answers_are_dropped()
    {
        var result = Haushalt.Validate(TestSupport.Answers("""
            { "antragsteller": { "vorname": "A", "nachname": "B", "geburtsdatum": "1980-01-01", "staatsangehoerigkeit": "000" },
              "familienstand": "ledig", "partner": { "vorname": 42, "geburtsdatum": "kein Datum" },
              "weiterePersonen": false, "mitglieder": [ { "vorname": "" } ], "wahrheit": true }
            """));
        result.Errors.ShouldBeEmpty();
        result.CleanAnswers.ContainsKey("partner").ShouldBeFalse();
        result.CleanAnswers.ContainsKey("mitglieder").ShouldBeFalse();
        result.State["partner.vorname"]!.Visible.ShouldBeFalse();
        result.State["partner.vorname"]!.Required.ShouldBeFalse();
    }

    [Fact]
    public void A_rule_inside_a_repeating_group_sees_its_own_row()
    {
        var state = Haushalt.Evaluate(TestSupport.Answers("""
            { "weiterePersonen": true, "mitglieder": [
                { "vorname": "Opa", "geburtsdatum": "1950-01-01", "beziehung": "elternteil" },
                { "vorname": "Kind", "geburtsdatum": "2016-01-01", "beziehung": "kind" } ] }
            """));
        state["mitglieder[0].schule"]!.Visible.ShouldBeFalse();
        state["mitglieder[1].schule"]!.Visible.ShouldBeTrue();
        state["mitglieder[1].schule"]!.Required.ShouldBeTrue();
        state["mitglieder[0].alter"]!.Value!.ToJsonString().ShouldBe("76");
    }

    [Fact]
    public void A_rule_in_a_nested_repeating_group_reads_its_row_and_the_enclosing_row()
    {
        var result = Kinder.Validate(TestSupport.Answers("""
            { "hatKinder": true, "kinder": [
                { "vorname": "A", "geburtsdatum": "2015-01-01", "leistungen": ["ausfluege"], "fahrten": [ { "ziel": "X", "beginn": "2014-06-01", "ende": "2014-06-02", "kosten": 1 } ] },
                { "vorname": "B", "geburtsdatum": "2012-01-01", "leistungen": ["ausfluege"], "fahrten": [ { "ziel": "Y", "beginn": "2014-06-01", "ende": "2014-06-02", "kosten": 1 } ] } ] }
            """));
        result.Errors.Select(e => $"{e.Path} {e.Code}").ShouldBe(["kinder[0].fahrten[0].beginn beforeBirth"]);
        result.State["kinder[1].fahrten[0].naechte"]!.Value!.ToJsonString().ShouldBe("1");
    }

    [Fact]
    public void Computed_values_are_recomputed_whatever_the_answers_claim()
    {
        var result = Haushalt.Validate(TestSupport.Answers("""
            { "weiterePersonen": true, "gesamteinkommen": 1000000, "personen": 99,
              "mitglieder": [ { "vorname": "A", "geburtsdatum": "1990-01-01", "beziehung": "partner", "einkommen": [ { "art": "lohn", "betrag": 0.1 }, { "art": "rente", "betrag": 0.2 } ] } ] }
            """));
        result.CleanAnswers["gesamteinkommen"]!.GetValue<decimal>().ShouldBe(0.3m);
        result.CleanAnswers["personen"]!.ToJsonString().ShouldBe("2");
        result.State["gesamteinkommen"]!.ReadOnly.ShouldBeTrue();
    }

    [Fact]
    public void A_read_only_field_answers_with_its_default_whatever_the_answers_claim_as_the_portal_does()
    {
        var form = TestSupport.Form(TestSupport.FormWith("""
            [ { "key": "waehrung", "type": "text", "label": { "de": "Währung", "en": "Currency" }, "readOnly": true, "default": "EUR" },
              { "key": "adresssuche", "type": "text", "label": { "de": "Adresssuche", "en": "Address search" }, "readOnly": true } ]
            """));

        var result = form.Validate(TestSupport.Answers("""{ "waehrung": "USD", "adresssuche": "vom Antragsteller" }"""));

        result.CleanAnswers["waehrung"]!.GetValue<string>().ShouldBe("EUR");
        result.CleanAnswers.ContainsKey("adresssuche").ShouldBeFalse("the portal takes no answer for a read-only field, so an answers file cannot give one either");
    }

    [Fact]
    public void A_hidden_page_hides_its_fields()
    {
        var state = Kinder.Evaluate(TestSupport.Answers("""{ "hatKinder": false, "kinder": [ { "vorname": "A" } ] }"""));
        state.Pages.Single(p => p.Page.Id == "kinderSeite").Visible.ShouldBeFalse();
        state["kinder"]!.Visible.ShouldBeFalse();
        state["kinder[0].vorname"]!.Visible.ShouldBeFalse();
        Kinder.Validate(TestSupport.Answers("""{ "hatKinder": false }""")).Errors.ShouldBeEmpty();
    }

    [Fact]
    public void A_read_only_field_with_a_default_keeps_its_default()
    {
        var engine = TestSupport.LoadSample("wohnkosten");
        engine.Evaluate(TestSupport.Answers("""{ "wohnform": "miete", "waehrung": "USD" }"""))["waehrung"]!.Value!.GetValue<string>().ShouldBe("EUR");
    }

    [Fact]
    public void Form_routing_rules_choose_destinations_from_the_answers()
    {
        var engine = TestSupport.Form(TestSupport.FormWith(
            """[ { "key": "erwerbsfaehig", "type": "yesNo", "label": "E" } ]""",
            """, "routing": [ { "when": "erwerbsfaehig === true", "destination": "jobcenter", "mode": "additional" } ]"""));
        engine.RoutingDestinations(TestSupport.Answers("""{ "erwerbsfaehig": true }""")).ShouldBe([("jobcenter", false)]);
        engine.RoutingDestinations(TestSupport.Answers("""{ "erwerbsfaehig": false }""")).ShouldBeEmpty();
    }

    [Fact]
    public void Evaluating_from_many_threads_at_once_gives_the_same_results()
    {
        var answers = File.ReadAllText(Path.Combine(TestSupport.Samples, "forms", "haushalt", "1.0.0", "answers", "invalid.json"));
        var expected = Haushalt.Validate(TestSupport.Answers(answers)).Errors.Select(e => e.ToString()).ToList();
        Parallel.For(0, 200, _ =>
            Haushalt.Validate(TestSupport.Answers(answers)).Errors.Select(e => e.ToString()).ShouldBe(expected));
    }
}
