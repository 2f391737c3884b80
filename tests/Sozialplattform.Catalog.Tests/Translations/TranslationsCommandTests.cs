using System.Text.Json.Nodes;
using Sozialplattform.Cli;

namespace Sozialplattform.Catalog.Tests.Translations;

/// <summary><c>sozial translations export/import</c> on a working copy of a catalog form, as a translation agency would get it.</summary>
public sealed class TranslationsCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sozial-translations-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private (int Exit, string Out, string Error) Run(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exit = CliApp.Run(args, output, error, _folder);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>The avgs form as a new draft version without its Turkish texts.</summary>
    private string DraftWithoutTurkish()
    {
        var form = CatalogJson.ReadObject(Path.Combine(Repository.CatalogFolder, "forms", "avgs", "1.0.2", "form.json"));
        form["version"] = "1.1.0";
        form["status"] = "draft";
        Strip(form, "tr");
        var path = Path.Combine(_folder, "form.json");
        File.WriteAllText(path, form.ToJsonString());
        return path;
    }

    private static void Strip(JsonNode? node, string language)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["de"] is JsonValue) o.Remove(language);
                foreach (var (_, child) in o.ToList()) Strip(child, language);
                break;
            case JsonArray a:
                foreach (var child in a) Strip(child, language);
                break;
        }
    }

    [Fact]
    public void Texts_exported_as_csv_translated_and_imported_back_make_the_form_complete_in_that_language()
    {
        DraftWithoutTurkish();
        var export = Run("translations", "export", "form.json", "--language", "tr", "-o", "tr.csv");
        export.Exit.ShouldBe(0, export.Error);
        export.Out.ShouldContain("without a tr translation");

        var csv = Path.Combine(_folder, "tr.csv");
        File.ReadAllLines(csv)[0].ShouldBe("id@form.json,context,de,tr");
        var exported = Sozialplattform.Catalog.Translations.TranslationFile.Read(csv);
        (exported with { Entries = [.. exported.Entries.Select(e => e with { Target = "TR-Text" })] }).Write(csv); // what the translator hands back

        var import = Run("translations", "import", "tr.csv");

        import.Out.ShouldContain("0 missing, 0 changed, 0 suspicious, 0 unknown", Case.Sensitive, import.Out + import.Error);
        import.Exit.ShouldBe(0);
        import.Out.ShouldContain("0 missing, 0 changed, 0 suspicious, 0 unknown");
        var form = CatalogJson.ReadObject(Path.Combine(_folder, "form.json"));
        form["title"]!["tr"]!.GetValue<string>().ShouldBe("TR-Text");
        form["title"]!["de"]!.GetValue<string>().ShouldNotBe("TR-Text");
    }

    [Fact]
    public void An_import_with_texts_left_open_lists_them_and_exits_1()
    {
        DraftWithoutTurkish();
        Run("translations", "export", "form.json", "--language", "tr", "-o", "tr.xlf").Exit.ShouldBe(0);

        var import = Run("translations", "import", "tr.xlf");

        import.Exit.ShouldBe(1);
        import.Out.ShouldContain("missing: title");
        import.Out.ShouldContain("0 tr texts set");
    }

    [Fact]
    public void A_published_version_is_not_changed_and_nothing_is_written()
    {
        var published = Path.Combine(_folder, "published.json");
        File.Copy(Path.Combine(Repository.CatalogFolder, "forms", "avgs", "1.0.2", "form.json"), published);
        var before = File.ReadAllBytes(published);
        Run("translations", "export", "published.json", "--language", "en", "-o", "en.xlf").Exit.ShouldBe(0);

        var import = Run("translations", "import", "en.xlf");

        import.Exit.ShouldBe(2);
        import.Error.ShouldContain("published.json: a published version never changes");
        File.ReadAllBytes(published).ShouldBe(before);
    }

    [Fact]
    public void Missing_files_and_options_are_named()
    {
        Run("translations", "export", "gibt-es-nicht.json", "--language", "en", "-o", "x.xlf").Error.ShouldContain("gibt-es-nicht.json: definition not found");
        Run("translations", "export", "form.json", "-o", "x.xlf").Error.ShouldContain("--language");
        Run("translations", "import", "fehlt.xlf").ShouldSatisfyAllConditions(r => r.Exit.ShouldBe(2), r => r.Error.ShouldContain("fehlt.xlf: file not found"));
    }
}
