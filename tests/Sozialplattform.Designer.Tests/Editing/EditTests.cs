using System.Text.Json.Nodes;
using Sozialplattform.Designer.Documents;
using Sozialplattform.Designer.Editing;
using Sozialplattform.Designer.Tests.Support;

namespace Sozialplattform.Designer.Tests.Editing;

public sealed class EditTests
{
    private const string Form = """
        {
          "id": "probe",
          "version": "1.0.0",
          "status": "draft",
          "languages": ["de", "en"],
          "title": {"de": "Probe", "en": "Trial"},
          "pages": [
            {
              "id": "start",
              "title": {"de": "Start", "en": "Start"},
              "items": [
                {
                  "key": "name",
                  "type": "text",
                  "label": {"de": "Name", "en": "Name"},
                  "x-note": "unknown properties stay"
                },
                {"key": "alter", "type": "integer", "label": "Alter"},
                {
                  "key": "kinder",
                  "type": "group",
                  "title": {"de": "Kinder", "en": "Children"},
                  "repeat": {"min": 0, "max": 5},
                  "items": [
                    {
                      "key": "vorname",
                      "type": "text",
                      "label": {"de": "Vorname", "en": "First name"}
                    }
                  ]
                }
              ]
            }
          ]
        }

        """;

    private static DefinitionDocument Document() => DefinitionDocument.Parse(Form.ReplaceLineEndings("\n"), "probe");

    [Fact]
    public void Changing_one_translation_changes_one_line()
    {
        var document = Document();

        document.Apply(new SetText(DocumentPath.Parse("pages[0].items[0]"), "label", "en", "Full name"));

        var text = document.ToText();
        text.ShouldContain("\"label\": {\"de\": \"Name\", \"en\": \"Full name\"},");
        Lines.Changed(Form.ReplaceLineEndings("\n"), text).ShouldBe(1);
    }

    [Fact]
    public void Undo_gives_back_the_same_bytes_and_redo_the_change_again()
    {
        var document = Document();
        var original = document.ToText();
        document.Apply(new SetText(DocumentPath.Parse("pages[0].items[0]"), "label", "en", "Full name"));
        var changed = document.ToText();

        document.History.Undo().ShouldBeTrue();
        document.ToText().ShouldBe(original);
        document.History.Redo().ShouldBeTrue();
        document.ToText().ShouldBe(changed);
    }

    [Fact]
    public void A_new_property_goes_where_the_schema_orders_it_and_unknown_properties_stay()
    {
        var document = Document();

        document.Apply(new SetProperty(DocumentPath.Parse("pages[0].items[0]"), "required", JsonValue.Create(true)));

        var item = (JsonObject)document.Find(DocumentPath.Parse("pages[0].items[0]"))!;
        item.Select(p => p.Key).ShouldBe(["key", "type", "label", "required", "x-note"]);
        document.ToText().ShouldContain("""
                      "label": {"de": "Name", "en": "Name"},
                      "required": true,
                      "x-note": "unknown properties stay"
            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_field_moved_into_a_repeating_group_keeps_its_text_and_is_indented_for_its_new_place()
    {
        var document = Document();

        document.Apply(new MoveItem(DocumentPath.Parse("pages[0].items"), 0, DocumentPath.Parse("pages[0].items[2].items"), 1));

        document.ToText().ShouldContain("""
                        {
                          "key": "name",
                          "type": "text",
                          "label": {"de": "Name", "en": "Name"},
                          "x-note": "unknown properties stay"
                        }
            """.ReplaceLineEndings("\n"));
        document.History.Undo();
        document.ToText().ShouldBe(Form.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Moving_a_field_out_of_a_group_to_an_earlier_place_can_be_undone()
    {
        var document = Document();

        document.Apply(new MoveItem(DocumentPath.Parse("pages[0].items[2].items"), 0, DocumentPath.Parse("pages[0].items"), 0));
        document.Find(DocumentPath.Parse("pages[0].items[0].key"))!.ToString().ShouldBe("vorname");

        document.History.Undo();
        document.Find(DocumentPath.Parse("pages[0].items[2].items[0].key"))!.ToString().ShouldBe("vorname");
        document.ToText().ShouldBe(Form.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_group_cannot_be_moved_into_itself_and_nothing_changes()
    {
        var document = Document();

        Should.Throw<EditException>(() => document.Apply(new MoveItem(DocumentPath.Parse("pages[0].items"), 2, DocumentPath.Parse("pages[0].items[2].items"), 0)));

        document.ToText().ShouldBe(Form.ReplaceLineEndings("\n"));
        document.History.CanUndo.ShouldBeFalse();
    }

    [Fact]
    public void A_removed_field_comes_back_byte_for_byte_on_undo()
    {
        var document = Document();

        document.Apply(new RemoveItem(DocumentPath.Parse("pages[0].items"), 0));
        document.ToText().ShouldNotContain("\"name\"");

        document.History.Undo();
        document.ToText().ShouldBe(Form.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_new_form_is_written_in_the_designer_layout_which_reads_back_unchanged()
    {
        var root = new JsonObject
        {
            ["id"] = "neu",
            ["languages"] = new JsonArray("de", "en"),
            ["title"] = new JsonObject { ["de"] = "Neu", ["en"] = "New" },
            ["pages"] = new JsonArray(new JsonObject
            {
                ["id"] = "start",
                ["items"] = new JsonArray(new JsonObject { ["key"] = "a", ["type"] = "text", ["label"] = new JsonObject { ["de"] = "A" } }),
            }),
        };

        var text = DefinitionDocument.Create(root).ToText();

        text.ShouldBe("""
            {
              "id": "neu",
              "languages": ["de", "en"],
              "title": {"de": "Neu", "en": "New"},
              "pages": [
                {
                  "id": "start",
                  "items": [
                    {
                      "key": "a",
                      "type": "text",
                      "label": {"de": "A"}
                    }
                  ]
                }
              ]
            }

            """.ReplaceLineEndings("\n"));
        DefinitionDocument.Parse(text, "neu").ToText().ShouldBe(text);
    }

    [Fact]
    public void A_long_text_that_no_longer_fits_on_one_line_is_spread_over_lines()
    {
        var document = Document();

        document.Apply(new SetText(DocumentPath.Root, "title", "en", new string('x', 130)));

        document.ToText().ShouldContain("\"title\": {\n    \"de\": \"Probe\",\n    \"en\": \"xxx");
    }

    [Fact]
    public void A_broken_file_is_reported_with_its_line()
    {
        var error = Should.Throw<DefinitionFormatException>(() => DefinitionDocument.Parse("{\n  \"id\": \"x\",\n  \"id\": \"y\"\n}\n", "form.json"));
        error.Message.ShouldContain("form.json");
        error.Message.ShouldContain("'id' appears twice");

        var syntax = Should.Throw<DefinitionFormatException>(() => DefinitionDocument.Parse("{\n  \"id\": \"x\",\n  \"version\": \n}", "form.json"));
        syntax.Line.ShouldBe(4);
    }
}
