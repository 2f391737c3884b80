using System.Text.Json.Nodes;

namespace Sozialplattform.Engine.Tests.Evaluation;

/// <summary>A session re-runs only what a changed answer affects — and ends in the same state as a full evaluation.</summary>
public class FormSessionTests
{
    private static readonly FormEngine Haushalt = TestSupport.LoadSample("haushalt");

    private static JsonObject Valid() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(TestSupport.Samples, "forms", "haushalt", "1.0.0", "answers", "valid.json")))!.AsObject();

    [Fact]
    public void Changing_a_birth_date_in_one_row_changes_only_that_rows_dependents()
    {
        var session = Haushalt.OpenSession(Valid());
        var changed = session.SetAnswer("mitglieder[0].geburtsdatum", JsonValue.Create("2012-05-05"));

        changed.Select(c => c.Path).ShouldBe(["mitglieder[0].geburtsdatum", "mitglieder[0].alter", "mitglieder[0].schule"], ignoreOrder: true);
        session.State["mitglieder[0].schule"]!.Visible.ShouldBeTrue();
        session.State["mitglieder[1].schule"]!.Visible.ShouldBeTrue();
    }

    [Fact]
    public void Changing_an_income_updates_the_total_outside_the_repeating_group()
    {
        var session = Haushalt.OpenSession(Valid());
        var changed = session.SetAnswer("mitglieder[0].einkommen[0].betrag", JsonValue.Create(2000m));

        changed.ShouldContain(c => c.Path == "gesamteinkommen" && c.Value!.GetValue<decimal>() == 2000.45m);
        changed.ShouldContain(c => c.Path == "hinweisEinkommen" && c.Visible);
    }

    [Fact]
    public void A_change_that_does_not_change_a_result_stops_there()
    {
        var session = Haushalt.OpenSession(Valid());
        session.SetAnswer("mitglieder[0].vorname", JsonValue.Create("Memo")).Select(c => c.Path).ShouldBe(["mitglieder[0].vorname"]);
    }

    [Fact]
    public void After_any_sequence_of_changes_the_session_state_equals_a_full_evaluation()
    {
        var session = Haushalt.OpenSession(Valid());
        session.SetAnswer("familienstand", JsonValue.Create("ledig"));
        session.SetAnswer("mitglieder[1].geburtsdatum", JsonValue.Create("1999-01-01"));
        session.SetAnswer("mitglieder[1].einkommen[0].betrag", JsonValue.Create(3000));
        session.SetAnswer("weiterePersonen", JsonValue.Create(false));
        session.SetAnswer("weiterePersonen", JsonValue.Create(true));
        session.SetAnswer("mitglieder[2].vorname", JsonValue.Create("Neu"));

        var full = Haushalt.Evaluate(session.Answers);
        Describe(session.State).ShouldBe(Describe(full));
    }

    private static List<string> Describe(Engine.Evaluation.FormState state) =>
        state.Elements.Select(e => $"{e.Path} {e.Visible} {e.Required} {e.ReadOnly} {e.Value?.ToJsonString()}").ToList();
}
