using System.Text.Json.Nodes;
using Shouldly;
using Sozialplattform.Designer.Documents;
using Sozialplattform.Designer.Editing.Renaming;
using Sozialplattform.Designer.Service;
using Sozialplattform.Engine;
using Xunit;

namespace Sozialplattform.Designer.Tests.Editing;

/// <summary>
/// A renamed key reaches the service's Scriban files: every access on the answers object whose key path is the renamed
/// answer's is rewritten in place (member, string index, row index, loop variable, alias, nested group), another answer
/// with the same key is not, and a reference that is not certain — or a template that does not parse — refuses the
/// rename with file and line and changes no file.
/// </summary>
public sealed class TemplateRenameTests
{
    private const string Letter = "letters/bewilligung.de.scriban";

    private static TemplateRenameResult Plan(string template, string oldPath, string newKey, string path = Letter) =>
        TemplateRename.Plan(new Dictionary<string, string> { [path] = template }, oldPath.Split('.'), newKey);

    private static string Renamed(string template, string oldPath, string newKey)
    {
        var result = Plan(template, oldPath, newKey);
        result.Places.ShouldBeEmpty();
        return result.Changed.GetValueOrDefault(Letter, template);
    }

    [Fact]
    public void A_simple_member_on_the_answers_is_renamed_and_nothing_else_in_the_file_changes()
    {
        Renamed("Betreff\nAlter: {{ answers.alter }} ({{ title }}), alter bleibt im Text.", "alter", "jahre")
            .ShouldBe("Betreff\nAlter: {{ answers.jahre }} ({{ title }}), alter bleibt im Text.");
    }

    [Fact]
    public void An_index_with_the_answers_path_as_a_string_is_renamed_in_either_quote()
    {
        Renamed("""{{ answers["antragsteller.alter"] }} {{ answers['antragsteller.alter'] | string.upcase }}""", "antragsteller.alter", "jahre")
            .ShouldBe("""{{ answers["antragsteller.jahre"] }} {{ answers['antragsteller.jahre'] | string.upcase }}""");
    }

    [Fact]
    public void A_row_of_a_repeating_group_keeps_its_index_and_a_loop_variable_over_the_group_is_followed()
    {
        var template = """
            {{ answers["kinder[0].geburt"] }}
            {{ for kind in answers.kinder }}- {{ kind.geburt }} {{ kind["schule"] }}{{ end }}
            {{ for kind in answers["kinder"] }}{{ kind["geburt"] }}{{ end }}
            """;
        Renamed(template, "kinder.geburt", "jahrgang").ShouldBe("""
            {{ answers["kinder[0].jahrgang"] }}
            {{ for kind in answers.kinder }}- {{ kind.jahrgang }} {{ kind["schule"] }}{{ end }}
            {{ for kind in answers["kinder"] }}{{ kind["jahrgang"] }}{{ end }}
            """);
    }

    [Fact]
    public void A_renamed_group_reaches_every_answer_inside_it_also_through_an_alias_and_a_loop()
    {
        var template = """
            {{ answers["antragsteller.alter"] }} {{ answers.antragsteller.hinweis }}
            {{ a = answers.antragsteller }}{{ a.alter }}
            {{ for kind in answers.kinder }}{{ kind.geburt }}{{ end }}
            """;
        Renamed(template, "antragsteller", "person").ShouldBe("""
            {{ answers["person.alter"] }} {{ answers.person.hinweis }}
            {{ a = answers.person }}{{ a.alter }}
            {{ for kind in answers.kinder }}{{ kind.geburt }}{{ end }}
            """);
        Renamed(template, "kinder", "nachwuchs").ShouldContain("for kind in answers.nachwuchs }}{{ kind.geburt }}");
    }

    [Fact]
    public void A_field_of_a_nested_group_is_renamed_only_under_its_own_group()
    {
        var template = """{{ answers.antragsteller.alter }} {{ answers["antragsteller.alter"] }} {{ answers.alter }} {{ answers["alter"] }} {{ x = answers.antragsteller }}{{ x.alter }} {{ answers["kinder[0].alter"] }} {{ for k in answers.kinder }}{{ k.alter }}{{ end }}""";
        Renamed(template, "antragsteller.alter", "jahre")
            .ShouldBe("""{{ answers.antragsteller.jahre }} {{ answers["antragsteller.jahre"] }} {{ answers.alter }} {{ answers["alter"] }} {{ x = answers.antragsteller }}{{ x.jahre }} {{ answers["kinder[0].alter"] }} {{ for k in answers.kinder }}{{ k.alter }}{{ end }}""");
    }

    [Fact]
    public void Another_field_with_the_same_key_in_another_group_is_neither_rewritten_nor_a_reason_to_refuse()
    {
        var template = """{{ answers["antragsteller.alter"] }} {{ for kind in answers.kinder }}{{ kind.alter }}{{ end }} {{ answers.alter }}""";
        var result = Plan(template, "alter", "jahre");
        result.Places.ShouldBeEmpty();
        result.Changed[Letter].ShouldBe("""{{ answers["antragsteller.alter"] }} {{ for kind in answers.kinder }}{{ kind.alter }}{{ end }} {{ answers.jahre }}""");
    }

    [Fact]
    public void A_template_that_does_not_parse_and_names_the_key_is_listed_and_no_file_is_changed()
    {
        var files = new Dictionary<string, string>
        {
            [Letter] = "Betreff\nGut: {{ answers.alter }}",
            ["templates/case-news.de.scriban"] = "Betreff\nZeile zwei\nKaputt: {{ answers.alter ) }}",
            ["templates/status-changed.de.scriban"] = "Betreff\nAuch kaputt, aber ohne den Schlüssel: {{ end }}",
        };
        var result = TemplateRename.Plan(files, ["alter"], "jahre");
        result.Changed.ShouldBeEmpty();
        var place = result.Places.ShouldHaveSingleItem();
        (place.File, place.Line).ShouldBe(("templates/case-news.de.scriban", 3));
        place.Says.ShouldContain("answers.alter");
    }

    [Fact]
    public void An_index_built_at_run_time_and_a_string_naming_the_key_elsewhere_are_listed_with_file_and_line()
    {
        var template = """
            Betreff
            {{ for i in 0..2 }}{{ answers["kinder[" + i + "].geburt"] }}{{ end }}
            {{ for section in sections }}{{ for field in section.fields }}{{ if field.path | string.ends_with ".geburt" }}{{ field.value }}{{ end }}{{ end }}{{ end }}
            """;
        var result = Plan(template, "kinder.geburt", "jahrgang");
        result.Changed.ShouldBeEmpty();
        result.Places.Select(p => p.Line).Distinct().Order().ShouldBe([2, 3]);
        result.Places.ShouldAllBe(p => p.File == Letter);
        result.Places.ShouldContain(p => p.Says.Contains("\".geburt\""));
    }

    [Fact]
    public void An_index_taken_from_the_data_does_not_name_a_key_and_is_not_listed()
    {
        var template = "{{ for section in sections }}{{ for field in section.fields }}{{ answers[field.path] }}{{ end }}{{ end }}";
        var result = Plan(template, "alter", "jahre");
        result.Places.ShouldBeEmpty();
        result.Changed.ShouldBeEmpty();
    }

    [Fact]
    public void Every_scriban_service_file_is_read_and_the_checklist_is_left_alone()
    {
        var files = new Dictionary<string, string>
        {
            ["templates/cover-letter.de.scriban"] = "{{ answers.alter }}",
            ["templates/receipt.en.scriban"] = "{{ answers['alter'] }}",
            [ServiceFileNames.Checklist] = """{"items": [{"id": "alter", "label": {"de": "alter"}}]}""",
        };
        var result = TemplateRename.Plan(files, ["alter"], "jahre");
        result.Changed.Keys.Order().ShouldBe(["templates/cover-letter.de.scriban", "templates/receipt.en.scriban"]);
        result.Changed["templates/receipt.en.scriban"].ShouldBe("{{ answers['jahre'] }}");
    }

    private const string Form = """
        {
          "id": "probe", "version": "1.0.0", "status": "draft", "languages": ["de"], "title": "Probe",
          "pages": [
            {
              "id": "start", "title": "Start",
              "items": [
                {
                  "key": "antragsteller", "type": "group", "title": "Antragsteller",
                  "items": [
                    {"key": "vorname", "type": "text", "label": "Vorname"},
                    {"key": "nachname", "type": "text", "label": "Nachname"}
                  ]
                },
                {"key": "nachname", "type": "text", "label": "Nachname (Kontakt)"}
              ]
            }
          ]
        }
        """;

    private const string Bewilligung = """
        Bescheid {{ reference_number }}
        Sehr geehrte Frau / sehr geehrter Herr {{ answers["antragsteller.nachname"] }} ({{ answers.nachname }}),
        bewilligt.
        """;

    [Fact]
    public void A_rename_in_the_editor_returns_the_rewritten_set_and_the_letter_renders_the_answer_under_the_new_key()
    {
        var document = DefinitionDocument.Parse(Form, "probe");
        var files = new Dictionary<string, string> { [Letter] = Bewilligung, [ServiceFileNames.Checklist] = """{"items": []}""" };
        var outside = RenameSurroundings.None with { ServiceFiles = files };

        var renamed = KeyRename.Plan(document.Root, DocumentPath.Parse("pages[0].items[0].items[1]"), "familienname", outside).ShouldBeOfType<RenameResult.Renamed>();

        renamed.ChangedServiceFiles.ShouldBe([Letter]);
        renamed.ServiceFiles!.Keys.Order().ShouldBe([ServiceFileNames.Checklist, Letter]);
        renamed.ServiceFiles[Letter].ShouldContain("""answers["antragsteller.familienname"] }} ({{ answers.nachname }})""");
        document.Apply(renamed.Edit);
        var engine = FormEngine.LoadText(document.Root.ToJsonString(), "probe/draft", null).Engine.ShouldNotBeNull();
        var answers = new JsonObject { ["antragsteller"] = new JsonObject { ["vorname"] = "Ada", ["familienname"] = "Lovelace" }, ["nachname"] = "Kontakt" };
        var rendering = new ServiceTemplatePreview().Render("probe", Letter, renamed.ServiceFiles[Letter], engine, answers, withPdf: false);
        rendering.Problems.ShouldBeEmpty();
        rendering.Body!.ShouldContain("Herr Lovelace (Kontakt)");
    }

    [Fact]
    public void A_rename_the_templates_cannot_follow_is_refused_with_the_place()
    {
        var document = DefinitionDocument.Parse(Form, "probe");
        var outside = RenameSurroundings.None with { ServiceFiles = new Dictionary<string, string> { [Letter] = "Betreff\n{{ answers[\"antragsteller.\" + \"nachname\"] }}" } };

        var refused = KeyRename.Plan(document.Root, DocumentPath.Parse("pages[0].items[0].items[1]"), "familienname", outside).ShouldBeOfType<RenameResult.Refused>();

        refused.Reasons.ShouldContain(r => r.StartsWith(Letter + ", Zeile 2:", StringComparison.Ordinal));
    }
}
