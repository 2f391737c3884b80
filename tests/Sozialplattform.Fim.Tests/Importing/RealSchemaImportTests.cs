using Sozialplattform.Fim.Definitions;
using Sozialplattform.Fim.Diagnostics;
using Sozialplattform.Fim.Tests.Support;

namespace Sozialplattform.Fim.Tests.Importing;

/// <summary>Every Stammdatenschema under ../shared/standards imports, and the result is a valid catalog.</summary>
public sealed class RealSchemaImportTests
{
    [SkippableTheory]
    [MemberData(nameof(StandardsFiles.ImportableSchemas), MemberType = typeof(StandardsFiles))]
    public void Every_real_stammdatenschema_imports_into_a_valid_catalog(string file)
    {
        var path = TestPaths.RequireStandard(file);
        using var output = new TempDirectory();

        var result = FimImportRunner.Import(path);
        CatalogWriter.Write(result.Catalog(), output.Path);

        CatalogValidation.Problems(output.Path).ShouldBeEmpty();
    }

    [SkippableTheory]
    [MemberData(nameof(StandardsFiles.ImportableSchemas), MemberType = typeof(StandardsFiles))]
    public void Every_imported_field_group_and_block_can_be_traced_back_to_its_fim_id(string file)
    {
        var path = TestPaths.RequireStandard(file);

        var catalog = FimImportRunner.Import(path).Catalog();

        var items = catalog.Form.AllItems().Concat(catalog.Blocks.SelectMany(b => b.AllItems())).Where(i => i.Block is null).ToList();
        items.ShouldAllBe(i => i.Fim != null && i.Fim.Id.Length > 0);
        catalog.Blocks.ShouldAllBe(b => b.Fim != null);
        catalog.Form.Service!.Fim!.Id.ShouldNotBeNullOrEmpty();
    }

    [SkippableFact]
    public void Importing_the_same_file_twice_writes_identical_files_so_re_imports_diff_cleanly()
    {
        var path = TestPaths.RequireStandard("xdf2/examples/glykon-gewerbeanmeldung/S00000009_xdatenfelder.xml");
        using var first = new TempDirectory();
        using var second = new TempDirectory();

        CatalogWriter.Write(FimImportRunner.Import(path).Catalog(), first.Path);
        CatalogWriter.Write(FimImportRunner.Import(path).Catalog(), second.Path);

        foreach (var file in Directory.EnumerateFiles(first.Path, "*", SearchOption.AllDirectories))
            File.ReadAllBytes(file).ShouldBe(File.ReadAllBytes(Path.Combine(second.Path, Path.GetRelativePath(first.Path, file))));
        File.ReadAllBytes(CatalogLayout.Form(first.Path, "fim-s00000009", "0.0.0"))[..3].ShouldNotBe(new byte[] { 0xEF, 0xBB, 0xBF }, "no BOM");
    }

    [SkippableFact]
    public void The_unknown_namespace_test_file_is_rejected_as_an_unsupported_version()
    {
        var path = TestPaths.RequireStandard("xdf2/examples/flxbe-xdatenfelder-xml-tests/unknown-namespace.xml");

        var result = FimImportRunner.Import(path);

        result.Succeeded.ShouldBeFalse();
        result.Diagnostics.ShouldContain(d => d.Code == DiagnosticCodes.VersionUnsupported && d.Line == 2);
    }
}
