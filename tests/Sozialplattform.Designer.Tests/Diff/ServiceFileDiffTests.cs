using System.Text.Json.Nodes;
using Sozialplattform.Designer.Diff;
using Sozialplattform.Designer.Versions;

namespace Sozialplattform.Designer.Tests.Diff;

/// <summary>The service files' differences in the author's words: checklist items by label, letters and templates with a line diff, texts per language.</summary>
public sealed class ServiceFileDiffTests
{
    private const string Letter = "Bewilligung {{ reference_number }}\nSehr geehrte Damen und Herren,\nIhr Antrag ist bewilligt.\nMit freundlichen Grüßen\n";

    private static string Checklist(params (string Id, string De)[] items) =>
        new JsonObject { ["items"] = new JsonArray([.. items.Select(i => (JsonNode)new JsonObject { ["id"] = i.Id, ["label"] = new JsonObject { ["de"] = i.De } })]) }.ToJsonString();

    private static Dictionary<string, string> Set(params (string Path, string Text)[] files) => files.ToDictionary(f => f.Path, f => f.Text);

    private static IReadOnlyList<string> Lines(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        ServiceFileDiffRenderer.Render(ServiceFileDiff.Compare(before, after), "de");

    [Fact]
    public void The_same_files_have_no_differences_and_a_reformatted_checklist_is_none()
    {
        var checklist = Checklist(("identitaet", "Identität geprüft"));
        ServiceFileDiff.Compare(Set(("checklist.json", checklist)), Set(("checklist.json", checklist))).ShouldBeEmpty();
        ServiceFileDiff.Compare(Set(("checklist.json", checklist)), Set(("checklist.json", JsonNode.Parse(checklist)!.ToJsonString(new() { WriteIndented = true })))).ShouldBeEmpty();
    }

    [Fact]
    public void Checklist_items_added_renamed_and_removed_are_named_by_their_label()
    {
        var before = Set(("checklist.json", Checklist(("identitaet", "Identität geprüft"), ("einkommen", "Einkommen geprüft"))));
        var after = Set(("checklist.json", Checklist(("identitaet", "Identität und Wohnsitz geprüft"), ("bank", "Bankverbindung geprüft"))));

        Lines(before, after).ShouldBe([
            "Checkliste: Punkt „Einkommen geprüft“ entfernt",
            "Checkliste: Punkt „Identität geprüft“ umbenannt (Deutsch) von „Identität geprüft“ zu „Identität und Wohnsitz geprüft“",
            "Checkliste: Punkt „Bankverbindung geprüft“ hinzugefügt",
        ]);
    }

    [Fact]
    public void A_moved_checklist_item_is_one_move_and_items_after_an_added_one_are_not_moved()
    {
        var before = Set(("checklist.json", Checklist(("a", "Erster"), ("b", "Zweiter"), ("c", "Dritter"))));
        var moved = Set(("checklist.json", Checklist(("c", "Dritter"), ("a", "Erster"), ("b", "Zweiter"))));
        var inserted = Set(("checklist.json", Checklist(("neu", "Neuer"), ("a", "Erster"), ("b", "Zweiter"), ("c", "Dritter"))));

        Lines(before, moved).ShouldBe(["Checkliste: Punkt „Dritter“ verschoben (Position 3 → 1)"]);
        Lines(before, inserted).ShouldBe(["Checkliste: Punkt „Neuer“ hinzugefügt"]);
    }

    [Fact]
    public void A_new_checklist_lists_its_items_and_a_broken_one_is_compared_as_text()
    {
        Lines(Set(), Set(("checklist.json", Checklist(("a", "Erster"))))).ShouldBe(["Checkliste: Punkt „Erster“ hinzugefügt"]);
        Lines(Set(("checklist.json", "{kaputt")), Set(("checklist.json", Checklist(("a", "Erster"))))).ShouldHaveSingleItem().ShouldStartWith("Checkliste geändert (");
    }

    [Fact]
    public void A_changed_letter_reads_as_lines_added_and_removed_with_context()
    {
        var after = Letter.Replace("Ihr Antrag ist bewilligt.", "Ihr Antrag ist ab dem 1. Januar bewilligt.\nBitte beachten Sie die Hinweise.", StringComparison.Ordinal);
        var change = ServiceFileDiff.Compare(Set(("letters/bewilligung.de.scriban", Letter)), Set(("letters/bewilligung.de.scriban", after))).ShouldHaveSingleItem();

        change.Kind.ShouldBe(ServiceFileKind.Letter);
        ServiceFileDiffRenderer.Line(change, english: false).ShouldBe("Bescheid „bewilligung“ (Deutsch) geändert (2 Zeilen neu, 1 entfernt)");
        var lines = TextLineDiff.Compare(change.Before, change.After, context: 1);
        lines.Select(l => (l.Change, l.Text, l.Skipped)).ShouldBe([
            (LineChange.Same, "", 1),
            (LineChange.Same, "Sehr geehrte Damen und Herren,", 0),
            (LineChange.Removed, "Ihr Antrag ist bewilligt.", 0),
            (LineChange.Added, "Ihr Antrag ist ab dem 1. Januar bewilligt.", 0),
            (LineChange.Added, "Bitte beachten Sie die Hinweise.", 0),
            (LineChange.Same, "Mit freundlichen Grüßen", 0),
        ]);
    }

    [Fact]
    public void Templates_added_and_removed_are_named_by_kind_and_language_including_templates_the_designer_does_not_edit_yet()
    {
        var before = Set(("templates/status-changed.en.scriban", "Status\nText\n"), ("letters/ablehnung.de.scriban", "Ablehnung\n"));
        var after = Set(("templates/status-changed.de.scriban", "Status\nText\n"), ("templates/receipt.de.scriban", "Empfang\n"), ("templates/email-confirmation.tr.scriban", "Onay\n"));

        Lines(before, after).ShouldBe([
            "Bescheid „ablehnung“ (Deutsch) entfernt",
            "E-Mail-Vorlage „Eingangsbestätigung an die Antragstellenden“ (Türkisch) hinzugefügt",
            "Vorlage „Empfangsbestätigung (PDF)“ (Deutsch) hinzugefügt",
            "E-Mail-Vorlage „Statusänderung“ (Deutsch) hinzugefügt",
            "E-Mail-Vorlage „Statusänderung“ (Englisch) entfernt",
        ]);
        ServiceFileDiffRenderer.Render(ServiceFileDiff.Compare(before, after), "en")[0].ShouldBe("Decision letter „ablehnung“ (German) removed");
    }

    [Fact]
    public void A_texts_file_is_compared_text_by_text_and_language_by_language()
    {
        var before = Set(("texts.json", """{"hinweis": {"de": "Bitte Nachweise beilegen.", "en": "Please attach proof."}}"""));
        var after = Set(("texts.json", """{"hinweis": {"de": "Bitte alle Nachweise beilegen.", "en": "Please attach proof."}, "frist": {"de": "Vier Wochen"}}"""));

        Lines(before, after).ShouldBe([
            "Texte texts.json: Text „frist“ (Deutsch) hinzugefügt: „Vier Wochen“",
            "Texte texts.json: Text „hinweis“ (Deutsch) geändert von „Bitte Nachweise beilegen.“ zu „Bitte alle Nachweise beilegen.“",
        ]);
    }

    [Fact]
    public void Service_page_texts_in_the_definition_differ_per_text_and_language()
    {
        var before = JsonNode.Parse("""{"id": "f", "serviceInfo": {"eligibility": {"de": "Alle", "en": "Everyone"}, "costs": {"de": "keine"}}}""")!.AsObject();
        var after = JsonNode.Parse("""{"id": "f", "serviceInfo": {"eligibility": {"de": "Alle mit Wohnsitz", "en": "Everyone"}, "costs": {"de": "keine"}}}""")!.AsObject();

        var entry = DefinitionDiff.Compare(before, after).ShouldHaveSingleItem();

        DiffRenderer.Line(entry, english: false).ShouldBe("Formular: Leistungsseite: Wer bekommt es? (Deutsch) geändert von „Alle“ zu „Alle mit Wohnsitz“");
        ChangeImpact.Of(entry).ShouldBe(Impact.Patch);
    }

    [Fact]
    public void A_checklist_or_template_change_makes_a_patch_version_and_counts_beside_the_definitions_changes()
    {
        var change = ServiceFileDiff.Compare(Set(), Set(("letters/bewilligung.de.scriban", Letter))).ShouldHaveSingleItem().ToEntry();

        ChangeImpact.Of(change).ShouldBe(Impact.Patch);
        var proposal = VersionProposal.For("1.4.2", [change]);
        (proposal.Version, proposal.Unchanged).ShouldBe(("1.4.3", false));
        DiffRenderer.Line(change, english: false).ShouldBe("Bescheid „bewilligung“ (Deutsch) hinzugefügt");
    }

    [Fact]
    public void Texts_too_long_to_align_show_as_removed_and_added_and_stay_exact()
    {
        var before = string.Join("\n", Enumerable.Range(0, 2100).Select(i => $"Zeile {i}"));
        var after = string.Join("\n", Enumerable.Range(0, 2100).Select(i => $"Neu {i}"));

        var (added, removed) = TextLineDiff.Count(TextLineDiff.Compare(before, after));

        (added, removed).ShouldBe((2100, 2100));
    }
}
