using System.Text.Json.Nodes;
using System.Xml.Linq;
using Sozialplattform.Catalog.Translations;

namespace Sozialplattform.Catalog.Tests.Translations;

/// <summary>The texts of a definition as translators get them (XLIFF 2.0, CSV) and what an import does with their work.</summary>
public sealed class TranslationFilesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sozial-translations-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static JsonObject Definition() => JsonNode.Parse("""
        {
          "id": "test", "version": "1.1.0", "status": "draft", "languages": ["de", "en"],
          "title": { "de": "Antrag", "en": "Application" },
          "notes": [ { "text": "Nur für Autoren", "source": "fim:regel" } ],
          "pages": [ {
            "id": "person", "title": { "de": "Person", "en": "Person" },
            "items": [
              { "key": "vorname", "type": "text", "label": { "de": "Vorname", "en": "First name" }, "hint": "Wie im Ausweis",
                "visibleIf": "true", "messages": { "required": { "de": "Bitte den Vornamen angeben", "en": "Please give the first name" } } },
              { "key": "stand", "type": "choice", "label": { "de": "Familienstand", "en": "Marital status" },
                "options": [ { "code": "ledig", "label": { "de": "ledig", "en": "single" } }, { "code": "verheiratet", "label": { "de": "verheiratet, auch „eingetragen“" } } ] },
              { "key": "kinder", "type": "group", "title": { "de": "Kinder", "en": "Children" }, "repeat": { "min": 0, "max": 9, "rowLabel": { "de": "Kind {n}", "en": "Child {n}" } },
                "items": [ { "key": "name", "type": "text", "label": { "de": "Name, Vorname", "en": "Name" } } ] }
            ] } ],
          "requiredDocuments": [ { "de": "Personalausweis", "en": "Identity card" } ]
        }
        """)!.AsObject();

    [Fact]
    public void Every_text_has_an_id_by_keys_and_codes_and_rules_notes_and_keys_are_no_texts()
    {
        var units = FormTexts.Units(Definition(), "en");

        units.Select(u => u.Id).ShouldBe([
            "title", "pages[person].title", "pages[person].items[vorname].label", "pages[person].items[vorname].hint",
            "pages[person].items[vorname].messages.required", "pages[person].items[stand].label",
            "pages[person].items[stand].options[ledig].label", "pages[person].items[stand].options[verheiratet].label",
            "pages[person].items[kinder].title", "pages[person].items[kinder].repeat.rowLabel", "pages[person].items[kinder].items[name].label",
            "requiredDocuments[0]"]);
        units.Single(u => u.Id.EndsWith("[vorname].hint", StringComparison.Ordinal)).ShouldBe(new TextUnit("pages[person].items[vorname].hint", "„Vorname“ (vorname) — hint", "Wie im Ausweis", null));
        units.Single(u => u.Id.EndsWith("[verheiratet].label", StringComparison.Ordinal)).Target.ShouldBeNull();
    }

    [Theory]
    [InlineData("texts.xlf")]
    [InlineData("texts.csv")]
    public void A_file_written_reads_back_the_same_with_commas_quotes_and_line_breaks(string name)
    {
        var path = Path.Combine(_folder, name);
        var file = new TranslationFile("forms/test/1.1.0/form.json", "tr",
            [new TranslationEntry("a", "„Name, Vorname“ (name) — label", "Name, Vorname", "Soyadı, adı"), new TranslationEntry("b", "", "Er sagte \"ja\"\nund ging", ""), new TranslationEntry("c", " x ", " y ", "z")]);

        file.Write(path);

        TranslationFile.Read(path).ShouldBe(file with { }, new TranslationFileComparer());
    }

    [Fact]
    public void The_xliff_is_version_2_0_with_german_source_and_the_text_id_as_the_units_name()
    {
        var path = Path.Combine(_folder, "texts.xlf");
        TranslationImport.Export(Definition(), "forms/test/1.1.0/form.json", "en").Write(path);

        var root = XDocument.Load(path).Root!;
        XNamespace ns = "urn:oasis:names:tc:xliff:document:2.0";
        (root.Name, (string?)root.Attribute("version"), (string?)root.Attribute("srcLang"), (string?)root.Attribute("trgLang")).ShouldBe((ns + "xliff", "2.0", "de", "en"));
        var unit = root.Descendants(ns + "unit").Single(u => (string?)u.Attribute("name") == "pages[person].items[vorname].label");
        ((string?)unit.Attribute("id") ?? "").ShouldMatch("^u[0-9]+$");
        unit.Descendants(ns + "source").Single().Value.ShouldBe("Vorname");
        unit.Descendants(ns + "target").Single().Value.ShouldBe("First name");
        root.Descendants(ns + "unit").Single(u => (string?)u.Attribute("name") == "pages[person].items[vorname].hint").Descendants(ns + "target").ShouldBeEmpty();
    }

    [Fact]
    public void An_import_sets_each_translation_whose_source_is_unchanged_and_reports_the_rest()
    {
        var definition = Definition();
        var exported = TranslationImport.Export(definition, "form.json", "tr");
        var translated = exported with
        {
            Entries = [.. exported.Entries.Select(e => e.Id switch
            {
                "title" => e with { Target = "Başvuru" },
                "pages[person].items[vorname].hint" => e with { Target = "Kimlikteki gibi" },
                "pages[person].items[kinder].repeat.rowLabel" => e with { Target = "Çocuk" },
                "pages[person].items[stand].label" => e with { Source = "Familien-Stand", Target = "Medeni hal" },
                "pages[person].items[kinder].title" => e with { Target = new string('x', 80) },
                _ => e,
            }), new TranslationEntry("pages[gibt-es-nicht].title", "", "Weg", "Yol")],
        };

        var report = TranslationImport.Apply(definition, translated);

        report.Applied.ShouldBe(["title", "pages[person].items[vorname].hint", "pages[person].items[kinder].title"]);
        definition["title"]!["tr"]!.GetValue<string>().ShouldBe("Başvuru");
        definition["title"]!["de"]!.GetValue<string>().ShouldBe("Antrag");
        var hint = definition["pages"]![0]!["items"]![0]!["hint"]!;
        (hint["de"]!.GetValue<string>(), hint["tr"]!.GetValue<string>()).ShouldBe(("Wie im Ausweis", "Kimlikteki gibi")); // a plain German string became a language object
        report.Changed.ShouldHaveSingleItem().ShouldSatisfyAllConditions(c => c.Id.ShouldBe("pages[person].items[stand].label"), c => c.Applied.ShouldBeFalse());
        definition["pages"]![0]!["items"]![1]!["label"]!["tr"].ShouldBeNull();
        report.Suspicious.Select(s => (s.Id, s.Applied)).ShouldBe([("pages[person].items[kinder].title", true), ("pages[person].items[kinder].repeat.rowLabel", false)]);
        report.Suspicious[1].Reason.ShouldContain("{n}");
        report.Unknown.ShouldBe(["pages[gibt-es-nicht].title"]);
        report.Missing.ShouldContain("pages[person].items[vorname].label");
        report.Missing.ShouldNotContain("title");
        report.Clean.ShouldBeFalse();
    }

    [Theory]
    [InlineData("de")]
    [InlineData("deutsch")]
    [InlineData("")]
    public void German_or_no_language_code_is_no_target(string language)
    {
        Should.Throw<TranslationFileException>(() => TranslationImport.Export(Definition(), "form.json", language)).Message.ShouldContain("no target language");
        Should.Throw<TranslationFileException>(() => TranslationImport.Apply(Definition(), new TranslationFile("form.json", language, [])));
    }

    [Theory]
    [InlineData("bad.xlf", "<xliff version=\"2.0\"\n srcLang=\"de\"><file>", "bad.xlf(", "not well-formed XML")]
    [InlineData("v12.xlf", "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" version=\"1.2\"/>", "v12.xlf(1)", "not an XLIFF 2.0 document")]
    [InlineData("en.xlf", "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\" trgLang=\"de\"/>", "en.xlf(1)", "srcLang is 'en'")]
    [InlineData("notrg.xlf", "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"de\"/>", "notrg.xlf(1)", "trgLang is missing")]
    [InlineData("dtd.xlf", "<!DOCTYPE x [<!ENTITY a \"b\">]><xliff/>", "dtd.xlf", "DTD is prohibited")]
    [InlineData("quote.csv", "id@f,context,de,en\r\na,\"b,c,d\r\n", "quote.csv(2)", "a quoted cell is not closed")]
    [InlineData("cols.csv", "id@f,context,de,en\r\na,b,c,d\r\ne,f\r\n", "cols.csv(3)", "2 columns")]
    [InlineData("header.csv", "id,context,de,en\r\n", "header.csv(1)", "the header must be")]
    [InlineData("inner.csv", "id@f,context,de,en\r\na,b\"c,d,e\r\n", "inner.csv(2)", "a quote inside an unquoted cell")]
    [InlineData("texts.json", "{}", "texts.json", "unknown format '.json'")]
    public void A_file_that_cannot_be_read_says_which_file_which_line_and_what_is_wrong(string name, string content, string where, string problem)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);

        var error = Should.Throw<TranslationFileException>(() => TranslationFile.Read(path));

        error.Message.ShouldContain(where);
        error.Message.ShouldContain(problem);
    }

    [Fact]
    public void A_csv_saved_in_a_windows_code_page_is_refused_instead_of_setting_garbled_umlauts()
    {
        byte[] latin1 = [.. "id@f,context,de,en\r\na,b,Gr"u8.ToArray(), 0xFC, .. "n,green\r\n"u8.ToArray()]; // "Grün" in Windows-1252

        var error = Should.Throw<TranslationFileException>(() => TranslationFile.Parse(latin1, "texte.csv"));

        error.Message.ShouldBe("texte.csv: not UTF-8: save the file as CSV UTF-8");
    }

    [Fact]
    public void Every_text_of_a_catalog_form_in_six_languages_is_exported_with_its_translation_and_a_unique_id()
    {
        var definition = CatalogJson.ReadObject(Path.Combine(Repository.CatalogFolder, "forms", "asylblg", "1.0.2", "form.json"));

        var file = TranslationImport.Export(definition, "forms/asylblg/1.0.2/form.json", "ar");

        file.Entries.Count.ShouldBeGreaterThan(50);
        file.Entries.Select(e => e.Id).Distinct().Count().ShouldBe(file.Entries.Count);
        file.Entries.ShouldAllBe(e => e.Target.Length > 0);
        TranslationImport.Apply(definition, file).ShouldSatisfyAllConditions(r => r.Clean.ShouldBeTrue(), r => r.Applied.Count.ShouldBe(file.Entries.Count));
    }

    private sealed class TranslationFileComparer : IEqualityComparer<TranslationFile>
    {
        public bool Equals(TranslationFile? x, TranslationFile? y) =>
            x is not null && y is not null && x.Original == y.Original && x.Language == y.Language && x.Entries.SequenceEqual(y.Entries);

        public int GetHashCode(TranslationFile obj) => obj.Original.GetHashCode(StringComparison.Ordinal);
    }
}
