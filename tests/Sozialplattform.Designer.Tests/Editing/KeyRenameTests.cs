using System.Text.Json.Nodes;
using Shouldly;
using Sozialplattform.Designer.Documents;
using Sozialplattform.Designer.Editing.Renaming;
using Sozialplattform.Engine;
using Xunit;

namespace Sozialplattform.Designer.Tests.Editing;

/// <summary>
/// Renaming a key rewrites the names that mean the element — resolved as the engine binds them — and nothing else:
/// not a string literal, not a key it is a prefix of, not another group's field of the same key; a rename that would
/// change what another name means, or that collides, is refused; places outside the draft are listed; one undo restores
/// the file byte for byte.
/// </summary>
public sealed class KeyRenameTests
{
    private const string Form = """
        {
          "id": "probe",
          "version": "1.0.0",
          "status": "draft",
          "languages": ["de"],
          "title": "Probe",
          "validations": [
            {"when": "alter < 0 && art !== 'alter'", "message": "Nein", "field": "alter"}
          ],
          "pages": [
            {
              "id": "start",
              "title": "Start",
              "items": [
                {"key": "alter", "type": "integer", "label": "Alter"},
                {"key": "alterKind", "type": "integer", "label": "Alter des Kindes", "visibleIf": "alter > 17"},
                {"key": "art", "type": "text", "label": "Art", "visibleIf": "alterKind !== 'alter' && alter >= alterKind"},
                {
                  "key": "antragsteller",
                  "type": "group",
                  "title": "Antragsteller",
                  "items": [
                    {"key": "alter", "type": "integer", "label": "Alter (Antragsteller)"},
                    {"key": "hinweis", "type": "text", "label": "Hinweis", "visibleIf": "alter > 60"}
                  ]
                },
                {"key": "rente", "type": "yesNo", "label": "Rente", "visibleIf": "antragsteller.alter >= 67 && alter >= 0"},
                {
                  "key": "kinder",
                  "type": "group",
                  "title": "Kinder",
                  "repeat": {"min": 0, "max": 5},
                  "items": [
                    {"key": "geburt", "type": "integer", "label": "Geburtsjahr"},
                    {
                      "key": "schule",
                      "type": "text",
                      "label": "Schule",
                      "requiredIf": "row.geburt < 2020 && geburt > 1990 && alter > 0"
                    }
                  ],
                  "validations": [
                    {"when": "count(kinder, k => k.geburt > 2025) > 0", "message": "Zukunft", "field": "geburt"}
                  ]
                }
              ]
            }
          ]
        }
        """;

    private static DefinitionDocument Document() => DefinitionDocument.Parse(Form, "probe");

    private static string Rule(DefinitionDocument document, string path) => DocumentPath.Parse(path).Find(document.Root)!.ToString();

    private static RenameResult.Renamed Renamed(DefinitionDocument document, string element, string key) =>
        KeyRename.Plan(document.Root, DocumentPath.Parse(element), key).ShouldBeOfType<RenameResult.Renamed>();

    [Fact]
    public void A_renamed_field_changes_every_rule_that_means_it_but_not_strings_longer_keys_or_another_groups_field_of_the_same_key()
    {
        var document = Document();

        document.Apply(Renamed(document, "pages[0].items[0]", "lebensalter").Edit);

        Rule(document, "pages[0].items[0].key").ShouldBe("lebensalter");
        Rule(document, "validations[0].when").ShouldBe("lebensalter < 0 && art !== 'alter'");
        Rule(document, "validations[0].field").ShouldBe("lebensalter");
        Rule(document, "pages[0].items[1].visibleIf").ShouldBe("lebensalter > 17");
        Rule(document, "pages[0].items[2].visibleIf").ShouldBe("alterKind !== 'alter' && lebensalter >= alterKind");
        Rule(document, "pages[0].items[3].items[1].visibleIf").ShouldBe("alter > 60"); // the group's own alter
        Rule(document, "pages[0].items[4].visibleIf").ShouldBe("antragsteller.alter >= 67 && lebensalter >= 0");
        Rule(document, "pages[0].items[5].items[1].requiredIf").ShouldBe("row.geburt < 2020 && geburt > 1990 && lebensalter > 0");
        FormEngine.LoadText(document.ToText(), "probe.json", null).Errors.ShouldBeEmpty();
    }

    [Fact]
    public void A_field_inside_a_group_is_renamed_in_member_chains_and_a_row_field_in_per_row_references()
    {
        var document = Document();
        document.Apply(Renamed(document, "pages[0].items[3].items[0]", "jahre").Edit);
        Rule(document, "pages[0].items[3].items[1].visibleIf").ShouldBe("jahre > 60");
        Rule(document, "pages[0].items[4].visibleIf").ShouldBe("antragsteller.jahre >= 67 && alter >= 0");
        Rule(document, "pages[0].items[1].visibleIf").ShouldBe("alter > 17");

        var rows = Document();
        var result = KeyRename.Plan(rows.Root, DocumentPath.Parse("pages[0].items[5].items[0]"), "jahrgang");
        // count(kinder, k => k.geburt …) reads the row field through a name of its own: refused, with the place.
        result.ShouldBeOfType<RenameResult.Refused>().Reasons.ShouldHaveSingleItem().ShouldContain("count(kinder, k => k.geburt > 2025)");

        rows.Apply(new Sozialplattform.Designer.Editing.SetProperty(DocumentPath.Parse("pages[0].items[5]"), "validations", null));
        rows.Apply(Renamed(rows, "pages[0].items[5].items[0]", "jahrgang").Edit);
        Rule(rows, "pages[0].items[5].items[1].requiredIf").ShouldBe("row.jahrgang < 2020 && jahrgang > 1990 && alter > 0");
        FormEngine.LoadText(rows.ToText(), "probe.json", null).Errors.ShouldBeEmpty();
    }

    [Fact]
    public void A_key_taken_by_a_sibling_a_reserved_name_or_an_invalid_key_is_refused_and_nothing_changes()
    {
        var document = Document();
        var before = document.ToText();

        KeyRename.Plan(document.Root, DocumentPath.Parse("pages[0].items[0]"), "art").ShouldBeOfType<RenameResult.Refused>()
            .Reasons.ShouldBe(["Den Schlüssel „art“ gibt es auf dieser Ebene schon; Schlüssel müssen unter Geschwistern eindeutig sein."]);
        KeyRename.Plan(document.Root, DocumentPath.Parse("pages[0].items[0]"), "row").ShouldBeOfType<RenameResult.Refused>();
        KeyRename.Plan(document.Root, DocumentPath.Parse("pages[0].items[0]"), "1alter").ShouldBeOfType<RenameResult.Refused>();
        KeyRename.Plan(document.Root, DocumentPath.Parse("pages[0].items[0]"), "<script>").ShouldBeOfType<RenameResult.Refused>();
        KeyRename.Plan(document.Root, DocumentPath.Parse("pages[0].items[0]"), new string('a', 65)).ShouldBeOfType<RenameResult.Refused>();

        document.ToText().ShouldBe(before);
    }

    [Fact]
    public void A_new_key_that_would_capture_a_name_another_rule_means_otherwise_is_refused()
    {
        var document = Document();
        // Inside antragsteller, "hinweis" renamed to "alter" would be a duplicate; "art" from inside the group would capture the outer art.
        var group = DocumentPath.Parse("pages[0].items[3]");
        document.Apply(new Sozialplattform.Designer.Editing.SetProperty(group.Property("items").Index(1), "visibleIf", JsonValue.Create("alter > 60 && art !== ''")));

        var result = KeyRename.Plan(document.Root, group.Property("items").Index(0), "art");

        result.ShouldBeOfType<RenameResult.Refused>().Reasons.ShouldHaveSingleItem().ShouldContain("würde „art“ etwas anderes bedeuten");
    }

    [Fact]
    public void A_tenants_answer_rule_and_a_sample_the_draft_does_not_keep_that_name_the_field_are_listed_and_the_rename_is_refused()
    {
        var document = Document();
        var outside = new RenameSurroundings(
            [("nrw", "antragsteller.alter"), ("hessen", "rente")],
            new Dictionary<string, JsonObject> { ["valid"] = new() { ["antragsteller"] = new JsonObject { ["alter"] = 70 } }, ["valid-2"] = new() { ["antragsteller"] = new JsonObject { ["alter"] = 71 } }, ["leer"] = new() });

        var result = KeyRename.Plan(document.Root, DocumentPath.Parse("pages[0].items[3].items[0]"), "jahre", outside);

        var reasons = result.ShouldBeOfType<RenameResult.Refused>().Reasons;
        reasons.Count.ShouldBe(2);
        reasons[0].ShouldContain("„nrw“");
        reasons[1].ShouldContain("„valid-2“");
        KeyRename.Plan(document.Root, DocumentPath.Parse("pages[0].items[1]"), "kindesalter", outside).ShouldBeOfType<RenameResult.Renamed>().Samples.ShouldBeEmpty();
    }

    [Fact]
    public void The_drafts_sample_answers_that_name_the_field_come_back_renamed_in_place_through_groups_and_rows()
    {
        var document = Document();
        var valid = (JsonObject)JsonNode.Parse("""{"alter": 30, "antragsteller": {"alter": 70, "hinweis": "x"}, "kinder": [{"geburt": 2010}, {"geburt": 2012, "schule": "A"}]}""")!;
        var outside = new RenameSurroundings([], new Dictionary<string, JsonObject> { ["valid"] = valid, ["invalid"] = new() { ["alter"] = -1 } });

        var group = KeyRename.Plan(document.Root, DocumentPath.Parse("pages[0].items[3].items[0]"), "jahre", outside).ShouldBeOfType<RenameResult.Renamed>();
        var rows = KeyRename.Plan(document.Root, DocumentPath.Parse("pages[0].items[5].items[1]"), "schulname", outside).ShouldBeOfType<RenameResult.Renamed>();

        group.Samples.Keys.ShouldBe(["valid"]);
        group.Samples["valid"].ToJsonString().ShouldBe("""{"alter":30,"antragsteller":{"jahre":70,"hinweis":"x"},"kinder":[{"geburt":2010},{"geburt":2012,"schule":"A"}]}""");
        group.OldKeys.ShouldBe(["antragsteller", "alter"]);
        rows.Samples["valid"].ToJsonString().ShouldBe("""{"alter":30,"antragsteller":{"alter":70,"hinweis":"x"},"kinder":[{"geburt":2010},{"geburt":2012,"schulname":"A"}]}""");
        valid["antragsteller"]!["alter"]!.GetValue<int>().ShouldBe(70);
    }

    [Theory]
    [InlineData("kinder[0].geburt", "kinder[0].jahrgang")]
    [InlineData("kinder[12].geburt", "kinder[12].jahrgang")]
    [InlineData("kinder[0].geburtsort", "kinder[0].geburtsort")]
    [InlineData("geburt", "geburt")]
    [InlineData("kinder", "kinder")]
    public void An_expected_errors_path_follows_the_renamed_key_and_nothing_else(string path, string renamed)
    {
        SampleRename.ErrorPath(path, ["kinder", "geburt"], "jahrgang").ShouldBe(renamed);
    }

    [Fact]
    public void Renaming_a_building_blocks_use_rewrites_the_rules_that_read_its_fields_and_says_where_the_blocks_own_keys_change()
    {
        var form = (JsonObject)JsonNode.Parse("""
            {"id": "b", "version": "1.0.0", "pages": [{"id": "p", "title": "P", "items": [
              {"key": "anschrift", "type": "group", "block": "adresse@1.0.0"},
              {"key": "hinweis", "type": "text", "label": "H", "visibleIf": "anschrift.plz === '12345' && isFilled(anschrift)"}
            ]}]}
            """)!;

        var renamed = KeyRename.Plan(form, DocumentPath.Parse("pages[0].items[0]"), "wohnort").ShouldBeOfType<RenameResult.Renamed>();
        var document = DefinitionDocument.Parse(System.Text.Encoding.UTF8.GetBytes(form.ToJsonString()), "b");
        document.Apply(renamed.Edit);

        Rule(document, "pages[0].items[1].visibleIf").ShouldBe("wohnort.plz === '12345' && isFilled(wohnort)");
    }

    [Fact]
    public void A_page_id_is_renamed_with_the_declarations_that_link_to_it_in_one_undoable_edit()
    {
        var document = DefinitionDocument.Parse(DefinitionDocument.Create((JsonObject)JsonNode.Parse("""
            {"id": "b", "version": "1.0.0", "declarations": [{"key": "wahr", "text": "Ja", "page": "start"}, {"key": "andere", "text": "Ja", "page": "ende"}],
             "pages": [{"id": "start", "title": "S", "items": []}, {"id": "ende", "title": "E", "items": []}]}
            """)!).ToUtf8(), "b");
        var before = document.ToText();

        var renamed = PageRename.Plan(document.Root, DocumentPath.Parse("pages[0]"), "beginn").ShouldBeOfType<RenameResult.Renamed>();
        document.Apply(renamed.Edit);

        Rule(document, "pages[0].id").ShouldBe("beginn");
        Rule(document, "declarations[0].page").ShouldBe("beginn");
        Rule(document, "declarations[1].page").ShouldBe("ende");
        document.History.Undo().ShouldBeTrue();
        document.ToText().ShouldBe(before);
        PageRename.Plan(document.Root, DocumentPath.Parse("pages[0]"), "ende").ShouldBeOfType<RenameResult.Refused>().Reasons.ShouldHaveSingleItem().ShouldContain("gibt es schon");
        PageRename.Plan(document.Root, DocumentPath.Parse("pages[0]"), "<b>x</b>").ShouldBeOfType<RenameResult.Refused>();
        PageRename.Plan(document.Root, DocumentPath.Parse("pages[0].items"), "x").ShouldBeOfType<RenameResult.Refused>();
    }

    [Fact]
    public void One_undo_puts_the_file_back_byte_for_byte()
    {
        var document = Document();
        var before = document.ToText();
        var renamed = Renamed(document, "pages[0].items[0]", "lebensalter");
        renamed.Rewritten.Count.ShouldBe(6);

        document.Apply(renamed.Edit);
        document.History.NextUndo.ShouldBe("alter in lebensalter umbenannt (6 Regeln angepasst)");
        document.History.Undo().ShouldBeTrue();

        document.ToText().ShouldBe(before);
        document.History.CanUndo.ShouldBeFalse();
    }
}
