using System.Text.Json.Nodes;
using Sozialplattform.Catalog.Lint;
using Sozialplattform.Cli;

namespace Sozialplattform.Catalog.Tests.Lint;

/// <summary>The six portal languages: a text missing in a declared language fails the lint; the table shows completeness.</summary>
public sealed class TranslationLintTests : IDisposable
{
    private const string NewestPath = "forms/avgs/1.0.2/form.json";
    private readonly TemporaryCatalog _catalog = new TemporaryCatalog().CopyFromServices("blocks").CopyFromServices("codelists").CopyFromServices("forms/avgs");

    public void Dispose() => _catalog.Dispose();

    private JsonObject Newest() => JsonNode.Parse(_catalog.Read(NewestPath))!.AsObject();

    private static JsonObject Item(JsonObject form, string key) =>
        form["pages"]!.AsArray().SelectMany(p => p!["items"]!.AsArray()).First(i => i!["key"]!.GetValue<string>() == key)!.AsObject();

    private (int Exit, string Output) Lint(params string[] options)
    {
        var output = new StringWriter();
        var exit = CliApp.Run(["catalog", "lint", "--catalog", _catalog.Folder, .. options], output, new StringWriter());
        return (exit, output.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Every_application_form_of_the_catalog_has_every_text_in_all_six_portal_languages()
    {
        var newest = Repository.Catalog.Forms().GroupBy(f => f.Id).Select(g => g.MaxBy(f => SemanticVersion.Parse(f.Version))!);

        foreach (var form in newest)
        {
            var completeness = TranslationCompleteness.Of(Repository.Catalog, form, CatalogJson.ReadObject(Repository.Catalog.FullPath(CatalogRoot.FormPath(form))));
            completeness.Declared.ShouldBe(TranslationCompleteness.PortalLanguages, form.ToString());
            completeness.Missing.ShouldBeEmpty(form.ToString());
        }
    }

    [Fact]
    public void A_text_without_a_language_the_form_declares_fails_the_lint_naming_the_form_the_text_and_the_language()
    {
        var form = Newest();
        Item(form, "ziel")["label"]!.AsObject().Remove("ar");
        _catalog.Write(NewestPath, form);

        var (exit, output) = Lint();

        exit.ShouldBe(1);
        output.ShouldContain($"error: {NewestPath} ziel label: no 'ar' text\n");
    }

    [Fact]
    public void A_block_text_without_a_declared_language_fails_in_the_block_and_in_every_form_that_uses_it()
    {
        var block = JsonNode.Parse(_catalog.Read("blocks/person/1.0.1.json"))!.AsObject();
        block["items"]!.AsArray().First(i => i!["key"]!.GetValue<string>() == "familienname")!["label"]!.AsObject().Remove("uk");
        _catalog.Write("blocks/person/1.0.1.json", block);

        var (exit, output) = Lint();

        exit.ShouldBe(1);
        output.ShouldContain("error: blocks/person/1.0.1.json familienname label: no 'uk' text\n");
        output.ShouldContain($"error: {NewestPath} antragsteller.familienname label: no 'uk' text\n");
        output.Contains("forms/avgs/1.0.1/form.json antragsteller.familienname").ShouldBeFalse("1.0.1 uses person@1.0.0 and declares German and English only");
    }

    [Fact]
    public void The_table_counts_per_form_and_language_the_missing_texts_and_marks_languages_the_form_does_not_declare()
    {
        var form = Newest();
        form["languages"] = new JsonArray("de", "en", "tr", "ar", "uk");
        Item(form, "ziel")["label"]!.AsObject().Remove("ru");
        form["title"]!.AsObject().Remove("ru");
        form["description"]!.AsObject().Remove("tr");
        _catalog.Write(NewestPath, form);

        var (exit, output) = Lint("--table");

        exit.ShouldBe(0);
        output.ShouldContain("| form id | version | de | en | tr | ar | uk | ru |\n");
        output.ShouldContain("| `avgs` | 1.0.2 | 0 | 0 | 1 | 0 | 0 | – (2) |\n");
        Lint().Output.ShouldContain($"error: {NewestPath} description: no 'tr' text\n");
        Lint().Output.Contains("no 'ru' text").ShouldBeFalse("Russian is not declared any more");
    }
}
