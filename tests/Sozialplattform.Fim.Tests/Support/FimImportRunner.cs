using Sozialplattform.Fim.Definitions;
using Sozialplattform.Fim.Diagnostics;
using Sozialplattform.Fim.Importing;

namespace Sozialplattform.Fim.Tests.Support;

/// <summary>Imports files and XML text the way the command does, for tests.</summary>
public static class FimImportRunner
{
    public static ImportResult Import(string path, ImportOptions? options = null) =>
        DefinitionImporterRegistry.CreateDefault().Import(path, options ?? new ImportOptions { WorkingDirectory = TestPaths.RepositoryRoot });

    public static ImportResult ImportXml(string xml, TempDirectory directory, string name = "schema.xml") =>
        Import(directory.File(name, xml));

    public static ImportedCatalog Catalog(this ImportResult result)
    {
        result.Succeeded.ShouldBeTrue(string.Join("\n", result.Diagnostics.Select(DiagnosticFormatter.Format)));
        return result.Catalog!;
    }

    public static IEnumerable<ImportDiagnostic> WithCode(this ImportResult result, string code) => result.Diagnostics.Where(d => d.Code == code);
}

public static class ExportResultExtensions
{
    public static IEnumerable<ImportDiagnostic> WithCode(this Sozialplattform.Fim.Exporting.ExportResult result, string code) =>
        result.Diagnostics.Where(d => d.Code == code);
}
