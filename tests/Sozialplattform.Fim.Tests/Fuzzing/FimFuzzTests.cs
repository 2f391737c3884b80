using System.Text;
using System.Xml.Linq;
using CsCheck;
using Sozialplattform.Engine;
using Sozialplattform.Fim.Definitions;
using Sozialplattform.Fim.Diagnostics;
using Sozialplattform.Fim.Importing;
using Sozialplattform.Fim.Tests.Support;
using Sozialplattform.Tests.Fuzzing;
using Xunit.Abstractions;

namespace Sozialplattform.Fim.Tests.Fuzzing;

/// <summary>
/// Property-based fuzzing of FIM XML with CsCheck, fixed seed, bounded time: real Stammdatenschemata from
/// ../shared/standards, mutated (see <see cref="XmlFuzz"/>) and sometimes cut or broken as text, are imported or
/// refused with specific diagnostics, never with an exception; what is imported is written and loaded by the engine
/// without a problem.
/// </summary>
public sealed class FimFuzzTests(ITestOutputHelper output)
{
    private static readonly string[] Files =
    [
        "xdf2/examples/glykon-bewohnerparken/S05000058V1.0_xdf2.xml",
        "xdf2/examples/GerPS-Datafield/S00000094V1.0_xdf2/S00000094V1.0_xdf2.xml",
        "xdf3/examples/BUND-T-Prototype/S00000000371/schema.xdf.xml",
        "xdf1/WaBeKa.xml",
    ];

    public sealed record Case(string File, string Xml);

    private static Gen<Case> Cases(Dictionary<string, string> originals) =>
        Gen.Select(
            Gen.OneOf(Files),
            XmlFuzz.Mutations.Array[1, 4],
            Gen.Int[0, 11],
            Gen.Int[0, int.MaxValue],
            (file, mutations, textual, cut) =>
            {
                var document = XDocument.Parse(originals[file]);
                foreach (var mutation in mutations) mutation.Apply(document.Root!);
                var xml = XmlFuzz.Write(document);
                return new Case(file, textual switch
                {
                    0 => xml[..(cut % xml.Length)],
                    1 => xml.Insert(cut % xml.Length, "<&"),
                    2 => xml.Replace("urn:xoev-de:fim:standard:xdatenfelder_", "urn:xoev-de:fim:standard:xdatenfelder_9", StringComparison.Ordinal),
                    _ => xml,
                });
            });

    [SkippableFact]
    public void Mutated_real_files_are_imported_or_refused_with_specific_diagnostics_never_with_an_exception()
    {
        TestPaths.RequireStandard();
        var originals = Files.ToDictionary(f => f, f => File.ReadAllText(TestPaths.Standard(f)));
        using var work = new TempDirectory();
        var imported = 0;

        var ran = Fuzz.Check(Cases(originals), c =>
        {
            var path = Path.Combine(work.Path, "schema.xml");
            File.WriteAllText(path, c.Xml, new UTF8Encoding(false));

            var result = FimImportRunner.Import(path, new ImportOptions { CodeListDirectory = Path.GetDirectoryName(TestPaths.Standard(c.File)), WorkingDirectory = TestPaths.RepositoryRoot });

            foreach (var diagnostic in result.Diagnostics)
            {
                DiagnosticCodes.Messages.ShouldContainKey(diagnostic.Code);
                DiagnosticFormatter.Message(diagnostic).ShouldNotBeNullOrWhiteSpace();
                diagnostic.File.ShouldBe(path);
            }

            if (!result.Succeeded)
            {
                result.Diagnostics.ShouldContain(d => d.Severity == DiagnosticSeverity.Error, "a refused file names at least one error");
                return;
            }

            imported++;
            ImportedCatalogShouldLoad(result.Catalog!, Path.Combine(work.Path, $"out{imported}"));
        }, c => $"{c.File} mutated:\n{c.Xml}", cases: 300);

        output.WriteLine($"{ran} cases, {imported} imported");
        ran.ShouldBeGreaterThanOrEqualTo(20);
        imported.ShouldBeGreaterThan(0, "some mutations keep the file importable, so the writing and loading path is exercised");
    }

    private static void ImportedCatalogShouldLoad(ImportedCatalog catalog, string root)
    {
        var written = CatalogWriter.Write(catalog, root);
        var form = CatalogLayout.Form(root, catalog.Form.Id, catalog.Form.Version);
        written.ShouldContain(form);
        var loaded = FormEngine.Load(form, catalogRoot: root);
        loaded.Errors.ShouldBeEmpty(string.Join("\n", loaded.Errors.Take(10)));
        Directory.Delete(root, recursive: true);
    }
}
