using System.Xml.Linq;
using Sozialplattform.Fim.Definitions;
using Sozialplattform.Fim.Diagnostics;
using Sozialplattform.Fim.Exporting;
using Sozialplattform.Fim.Tests.Support;
using Sozialplattform.Fim.Xml;

namespace Sozialplattform.Fim.Tests.Exporting;

public sealed class ExportTests
{
    private static readonly DateTimeOffset FixedTime = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    /// <summary>A form authored here, without any FIM ids: the export must invent stable ids and still be valid.</summary>
    private const string AuthoredForm = """
        {
          "id": "wohngeld-light",
          "version": "1.2.0",
          "status": "draft",
          "languages": ["de", "en"],
          "title": { "de": "Antrag auf „Wohngeld“ – light", "en": "Housing benefit" },
          "pages": [{
            "id": "haushalt",
            "title": { "de": "Haushalt" },
            "items": [
              { "key": "lebtAllein", "type": "yesNo", "label": { "de": "Leben Sie allein?" }, "required": true },
              { "key": "mitglieder", "type": "group", "title": { "de": "Weitere Personen" }, "visibleIf": "lebtAllein === false",
                "repeat": { "min": 1, "max": 12 },
                "items": [
                  { "key": "vorname", "type": "text", "label": { "de": "Vorname" }, "required": true, "maxLength": 60 },
                  { "key": "einkommen", "type": "money", "label": { "de": "Einkommen" }, "min": 0,
                    "validations": [{ "when": "einkommen > 100000", "message": { "de": "Bitte prüfen Sie den Betrag." } }] },
                  { "key": "familienstand", "type": "choice", "label": { "de": "Familienstand" },
                    "options": [{ "code": "ledig", "label": { "de": "ledig" } }, { "code": "verheiratet", "label": { "de": "verheiratet" } }] },
                  { "key": "nachweise", "type": "file", "label": { "de": "Nachweise" }, "accept": ["application/pdf", "image/*"], "maxFiles": 5 }
                ] }
            ]
          }]
        }
        """;

    private static (string Xml, ExportResult Result) Export(string formJson, TempDirectory dir)
    {
        var form = dir.File("catalog/forms/f/1.0.0/form.json", formJson);
        dir.File("catalog/catalog.json", """{ "name": "Test" }""");
        var output = Path.Combine(dir.Path, "out", "schema.xml");
        var result = new FimExporter(new FixedClock(FixedTime)).Export(form, output);
        return (output, result);
    }

    [SkippableFact]
    public void A_form_authored_here_exports_to_valid_xdatenfelder_3_with_generated_ids_in_the_private_range()
    {
        var xsd = TestPaths.RequireStandard("xdf3/xsd");
        using var dir = new TempDirectory();

        var (xml, result) = Export(AuthoredForm, dir);

        result.Succeeded.ShouldBeTrue();
        var problems = new DiagnosticBag(xml);
        XsdValidator.Validate(xml, xsd, XmlLimits.Default, problems);
        problems.Items.Select(DiagnosticFormatter.Format).ShouldBeEmpty();
        var ids = XDocument.Load(xml).Descendants().Where(e => e.Name.LocalName == "id").Select(e => e.Value).ToList();
        ids.Where(id => id[0] is 'F' or 'G' or 'S' or 'R').ShouldAllBe(id => id.Length == 12 && id.Substring(1, 2) == "99");
        result.WithCode("export-id-generated").ShouldNotBeEmpty();
    }

    [Fact]
    public void Exporting_twice_gives_the_same_ids()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();

        File.ReadAllText(Export(AuthoredForm, first).Xml).ShouldBe(File.ReadAllText(Export(AuthoredForm, second).Xml));
    }

    [Fact]
    public void Cardinalities_come_from_required_repeat_max_files_and_selected_counts()
    {
        using var dir = new TempDirectory();

        var doc = XDocument.Load(Export(AuthoredForm, dir).Xml);

        Anzahl(doc, "Leben Sie allein?").ShouldBe("1:1");
        Anzahl(doc, "Weitere Personen").ShouldBe("1:12");
        Anzahl(doc, "Einkommen").ShouldBe("0:1");
        Anzahl(doc, "Nachweise").ShouldBe("0:5");
    }

    [Fact]
    public void Texts_outside_string_latin_are_replaced_and_reported()
    {
        using var dir = new TempDirectory();

        var (xml, result) = Export(AuthoredForm, dir);

        XDocument.Load(xml).Descendants().Single(e => e.Name.LocalName == "bezeichnung").Value.ShouldBe("Antrag auf \"Wohngeld\" - light");
        result.WithCode("export-text-adjusted").ShouldNotBeEmpty();
    }

    [Fact]
    public void Our_rules_are_exported_as_regel_with_the_expression_as_skript_and_a_media_type_wildcard_is_reported()
    {
        using var dir = new TempDirectory();

        var (xml, result) = Export(AuthoredForm, dir);

        var scripts = XDocument.Load(xml).Descendants().Where(e => e.Name.LocalName == "skript").Select(e => e.Value).ToList();
        scripts.ShouldBe(["lebtAllein === false", "!(einkommen > 100000)"], ignoreOrder: true);
        result.WithCode("export-not-representable").ShouldContain(d => d.Arg("detail")!.Contains("image/*"));
    }

    [SkippableFact]
    public void The_export_of_an_imported_real_schema_matches_its_approved_xml()
    {
        var path = TestPaths.RequireStandard("xdf3/examples/BUND-T-Prototype/S00000000371/schema.xdf.xml");
        using var dir = new TempDirectory();
        var catalog = FimImportRunner.Import(path).Catalog();
        CatalogWriter.Write(catalog, dir.Path);
        var output = Path.Combine(dir.Path, "export", "schema.xml");

        new FimExporter(new FixedClock(FixedTime)).Export(CatalogLayout.Form(dir.Path, catalog.Form.Id, catalog.Form.Version), output).Succeeded.ShouldBeTrue();

        Approvals.VerifyText("S00000000371.export.xml", File.ReadAllText(output));
    }

    [Fact]
    public void A_definition_that_is_not_json_fails_with_a_clear_error()
    {
        using var dir = new TempDirectory();

        var (_, result) = Export("{ not json", dir);

        result.Succeeded.ShouldBeFalse();
        result.WithCode("definition-unreadable").ShouldHaveSingleItem();
    }

    [Fact]
    public void A_read_only_field_imported_optional_because_it_had_no_content_is_exported_with_its_anzahl_1_1_again()
    {
        using var dir = new TempDirectory();
        var imported = FimImportRunner.ImportXml(Xdf.Schema3(Xdf.Use("1:1", Xdf.Field("F05000017636", feldart: "locked", label: "Adresssuche"))), dir).Catalog();
        CatalogWriter.Write(imported, dir.Sub("first"));
        var exported = Path.Combine(dir.Sub("export"), "schema.xml");

        new FimExporter(new FixedClock(FixedTime)).Export(CatalogLayout.Form(Path.Combine(dir.Path, "first"), imported.Form.Id, imported.Form.Version), exported).Succeeded.ShouldBeTrue();

        Anzahl(XDocument.Load(exported), "Adresssuche").ShouldBe("1:1");
        var again = FimImportRunner.Import(exported).Catalog().Form.Pages[0].Items[0];
        (again.ReadOnly, again.Required).ShouldBe((true, (bool?)null));
    }

    private static string Anzahl(XDocument doc, string label) =>
        doc.Descendants().First(e => e.Name.LocalName == "bezeichnungEingabe" && e.Value == label)
            .Ancestors().First(a => a.Name.LocalName == "struktur").Elements().First(e => e.Name.LocalName == "anzahl").Value;

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
