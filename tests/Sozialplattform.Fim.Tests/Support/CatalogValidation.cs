using Sozialplattform.Cli;
using Sozialplattform.Fim.Definitions;

namespace Sozialplattform.Fim.Tests.Support;

/// <summary>
/// How imported catalogs are validated in the tests: the JSON Schemas plus reference checks
/// (<see cref="CatalogSchemaValidator"/>), then the engine's own `sozial validate` on every form, in-process.
/// </summary>
public static class CatalogValidation
{
    public static IReadOnlyList<string> Problems(string catalogRoot)
    {
        var problems = CatalogSchemaValidator.Problems(catalogRoot).ToList();
        foreach (var form in Directory.EnumerateFiles(Path.Combine(catalogRoot, "forms"), CatalogLayout.FormFileName, SearchOption.AllDirectories))
        {
            var output = new StringWriter();
            var error = new StringWriter();
            var exit = CliApp.Run(["validate", form], output, error, catalogRoot);
            if (exit != 0) problems.Add($"sozial validate {form} exited {exit}:\n{error}{output}");
        }

        return problems;
    }
}
