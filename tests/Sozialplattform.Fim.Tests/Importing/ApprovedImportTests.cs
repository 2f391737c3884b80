using Sozialplattform.Fim.Definitions;
using Sozialplattform.Fim.Diagnostics;
using Sozialplattform.Fim.Tests.Support;

namespace Sozialplattform.Fim.Tests.Importing;

/// <summary>
/// The complete import result (catalog files and report) of three real schemas, reviewed against the XML:
/// S00000094 (XDatenfelder 2, genericode lists, a shared block, rules), S05000058 (XDatenfelder 2, a GUID id,
/// lists with plain-word ids) and S00000000371 (XDatenfelder 3, inline values, uploads 0:*, rules).
/// </summary>
public sealed class ApprovedImportTests
{
    [SkippableTheory]
    [InlineData("S00000094", "xdf2/examples/GerPS-Datafield/S00000094V1.0_xdf2/S00000094V1.0_xdf2.xml")]
    [InlineData("S05000058", "xdf2/examples/glykon-bewohnerparken/S05000058V1.0_xdf2.xml")]
    [InlineData("S00000000371", "xdf3/examples/BUND-T-Prototype/S00000000371/schema.xdf.xml")]
    public void The_import_of_a_real_schema_matches_its_reviewed_approved_files(string name, string file)
    {
        var path = TestPaths.RequireStandard(file);
        using var output = new TempDirectory();

        var result = FimImportRunner.Import(path);
        CatalogWriter.Write(result.Catalog(), output.Path);
        File.WriteAllText(Path.Combine(output.Path, "report.txt"), string.Join("\n", result.Diagnostics.Select(DiagnosticFormatter.Format)) + "\n");

        Approvals.VerifyDirectory(name, output.Path);
    }
}
