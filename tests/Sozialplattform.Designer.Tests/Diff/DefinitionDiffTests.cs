using System.Text.Json.Nodes;
using Sozialplattform.Designer.Diff;
using Sozialplattform.Designer.Tests.Support;

namespace Sozialplattform.Designer.Tests.Diff;

public sealed class DefinitionDiffTests
{
    private static JsonObject Items(JsonObject form) => (JsonObject)form["pages"]![0]!;

    private static JsonArray Children(JsonObject form) => (JsonArray)form["pages"]![0]!["items"]![1]!["items"]!;

    [Fact]
    public void The_same_definition_has_no_differences()
    {
        DefinitionDiff.Compare(Forms.Household(), Forms.Household()).ShouldBeEmpty();
    }

    [Fact]
    public void An_added_field_is_named_by_its_data_path_and_marked_required_when_it_is()
    {
        var after = Forms.Household();
        Children(after).Add(JsonNode.Parse("""{"key": "klasse", "type": "integer", "label": {"de": "Klasse"}, "required": true}"""));

        var entry = DefinitionDiff.Compare(Forms.Household(), after).ShouldHaveSingleItem();

        entry.ShouldBe(entry with { Element = "kinder.klasse", Change = ChangeType.Added, Area = ChangeArea.Element, Detail = "required" });
        DiffRenderer.Line(entry, english: false).ShouldBe("Feld kinder.klasse hinzugefügt (Pflichtangabe)");
        DiffRenderer.Line(entry, english: true).ShouldBe("Field kinder.klasse added (required)");
        DiffRenderer.Line(entry, english: false, DiffCaptions.Labels(Forms.Household(), after)).ShouldBe("Feld „Klasse“ (kinder.klasse) hinzugefügt (Pflichtangabe)");
    }

    [Fact]
    public void A_removed_group_is_one_change_not_one_per_field()
    {
        var after = Forms.Household();
        ((JsonArray)Items(after)["items"]!).RemoveAt(1);

        var entry = DefinitionDiff.Compare(Forms.Household(), after).ShouldHaveSingleItem();

        entry.Element.ShouldBe("kinder");
        entry.Change.ShouldBe(ChangeType.Removed);
        DiffRenderer.Line(entry, english: false).ShouldBe("Wiederholgruppe kinder entfernt");
    }

    [Fact]
    public void Texts_are_compared_per_language()
    {
        var after = Forms.Household();
        Children(after)[0]!["label"]!["en"] = "Given name";

        var entry = DefinitionDiff.Compare(Forms.Household(), after).ShouldHaveSingleItem();

        entry.ShouldBe(new DiffEntry("kinder.vorname", "text", ChangeType.Changed, ChangeArea.Text, "label", "en", "First name", "Given name"));
        DiffRenderer.Line(entry, english: true).ShouldBe("Field kinder.vorname: label (English) changed from „First name“ to „Given name“");
        DiffRenderer.Line(entry, english: false, DiffCaptions.Labels(Forms.Household(), after))
            .ShouldBe("Feld „Vorname“ (kinder.vorname): Beschriftung (Englisch) geändert von „First name“ zu „Given name“", "the author's words: the label, not only the data key; the editor's caption, not the property name");
    }

    [Fact]
    public void Rules_constraints_and_options_are_reported_as_what_they_are()
    {
        var after = Forms.Household();
        Children(after)[2]!["visibleIf"] = "alter >= 7";
        Children(after)[1]!["max"] = 25;
        Children(after).Add(JsonNode.Parse("""{"key": "art", "type": "choice", "label": "Art", "options": [{"code": "a", "label": "A"}]}"""));
        var before = Forms.Household();
        Children(before).Add(JsonNode.Parse("""{"key": "art", "type": "choice", "label": "Art", "options": [{"code": "a", "label": "A"}, {"code": "b", "label": "B"}]}"""));

        var entries = DefinitionDiff.Compare(before, after);

        entries.ShouldContain(new DiffEntry("kinder.schule", "text", ChangeType.Changed, ChangeArea.Rule, "visibleIf", null, "alter >= 6", "alter >= 7"));
        entries.ShouldContain(new DiffEntry("kinder.alter", "integer", ChangeType.Changed, ChangeArea.Constraint, "max", null, "30", "25"));
        entries.ShouldContain(new DiffEntry("kinder.art", "choice", ChangeType.Removed, ChangeArea.Option, "options", "b", "B"));
        entries.Count.ShouldBe(3);
    }

    [Fact]
    public void A_field_moved_into_another_group_is_one_move_and_a_reordered_field_is_a_move_of_its_position()
    {
        var after = Forms.Household();
        var children = Children(after);
        var alter = children[1]!;
        children.RemoveAt(1);
        children.Add(alter);

        var entries = DefinitionDiff.Compare(Forms.Household(), after);

        entries.ShouldContain(e => e.Element == "kinder.alter" && e.Change == ChangeType.Moved && e.Property == "position");

        var moved = Forms.Household();
        var vorname = Children(moved)[0]!;
        Children(moved).RemoveAt(0);
        ((JsonArray)Items(moved)["items"]!).Add(vorname);
        var entry = DefinitionDiff.Compare(Forms.Household(), moved).ShouldHaveSingleItem();
        entry.ShouldBe(new DiffEntry("vorname", "text", ChangeType.Moved, ChangeArea.Element, "key", null, "kinder.vorname", "vorname"));
    }

    [Fact]
    public void Declarations_and_form_checks_are_compared_by_key_and_code()
    {
        var before = Forms.Household();
        before["declarations"] = JsonNode.Parse("""[{"key": "wahr", "text": {"de": "Alles wahr"}}]""");
        var after = Forms.Household();
        after["declarations"] = JsonNode.Parse("""[{"key": "wahr", "text": {"de": "Alles ist wahr"}}, {"key": "daten", "text": "Datenschutz"}]""");
        after["validations"] = JsonNode.Parse("""[{"when": "hatKinder === false", "message": "x", "code": "probe"}]""");

        var entries = DefinitionDiff.Compare(before, after);

        entries.ShouldContain(e => e.Area == ChangeArea.Declaration && e.Change == ChangeType.Added && e.Detail == "daten");
        entries.ShouldContain(e => e.Area == ChangeArea.Text && e.Property == "declarations[wahr].text");
        entries.ShouldContain(e => e.Area == ChangeArea.Validation && e.Change == ChangeType.Added && e.Detail == "probe");
    }
}
