using Sozialplattform.Fim.Definitions;
using Sozialplattform.Fim.Diagnostics;
using Sozialplattform.Fim.Exporting;
using Sozialplattform.Fim.Tests.Support;
using Sozialplattform.Fim.Xml;

namespace Sozialplattform.Fim.Tests.Exporting;

/// <summary>
/// Import → export → import keeps fields, groups, cardinalities, types, constraints and code lists
/// (<see cref="CatalogProjection"/> says exactly what is compared), and every export validates against the XDatenfelder 3 XSDs.
/// </summary>
public sealed class RoundTripTests
{
    [SkippableTheory]
    [MemberData(nameof(StandardsFiles.ImportableSchemas), MemberType = typeof(StandardsFiles))]
    public void Import_export_import_keeps_the_definition_and_the_export_is_valid_xdatenfelder_3(string file)
    {
        var path = TestPaths.RequireStandard(file);
        var xsd = TestPaths.RequireStandard("xdf3/xsd");
        using var work = new TempDirectory();

        var first = FimImportRunner.Import(path).Catalog();
        CatalogWriter.Write(first, work.Sub("first"));
        var exported = Path.Combine(work.Sub("export"), "schema.xml");
        var export = new FimExporter().Export(CatalogLayout.Form(Path.Combine(work.Path, "first"), first.Form.Id, first.Form.Version), exported);
        export.Succeeded.ShouldBeTrue(string.Join("\n", export.Diagnostics.Select(DiagnosticFormatter.Format)));

        var xsdProblems = new DiagnosticBag(exported);
        XsdValidator.Validate(exported, xsd, XmlLimits.Default, xsdProblems);
        // A schema or group without children (flxbe test files) has no valid XDatenfelder 3 form: struktur is 1..n.
        var representable = first.Form.Pages.Any(p => p.Items.Count > 0) && !export.Diagnostics.Any(d => d.Code == DiagnosticCodes.ExportNotRepresentable);
        if (representable) xsdProblems.Items.Select(DiagnosticFormatter.Format).ShouldBeEmpty();
        else xsdProblems.Items.ShouldNotBeEmpty();

        var second = FimImportRunner.Import(exported).Catalog();
        var (expected, actual) = (CatalogProjection.Of(first), CatalogProjection.Of(second));
        if (expected != actual && Environment.GetEnvironmentVariable("ROUNDTRIP_DUMP") is { } dump)
        {
            Directory.CreateDirectory(dump);
            File.WriteAllText(Path.Combine(dump, first.Form.Id + ".first.json"), expected);
            File.WriteAllText(Path.Combine(dump, first.Form.Id + ".second.json"), actual);
        }

        actual.ShouldBe(expected);
    }
}
