using Sozialplattform.Fim.Definitions;
using Sozialplattform.Fim.Diagnostics;
using Sozialplattform.Fim.Importing;

namespace Sozialplattform.Cli.Commands;

/// <summary>`sozial import-fim`: a FIM Stammdatenschema (XDatenfelder 1, 2.0, 3.0.0) → a small catalog in our format, plus a report.</summary>
public sealed class ImportFimCommand : ICliCommand
{
    public string Name => "import-fim";

    public string Summary => "Import a FIM XDatenfelder Stammdatenschema as a form definition";

    public string Usage => """
        Usage: sozial import-fim <stammdatenschema.xml> -o <dir> [--codelists <dir>] [--strict] [--xsd <dir>]

        Writes <dir>/catalog.json (kept if present), forms/<id>/<version>/form.json, blocks/ for groups used in
        several places and codelists/ from genericode files, then prints a report (errors, warnings, notes).
        The files are written into a staging folder beside <dir> first and moved into place only when complete.

          -o, --output <dir>   catalog folder to write into
          --codelists <dir>    folder with the genericode files (default: the folder of the XML file)
          --strict             validate against the XDatenfelder XSDs first and fail with their messages
          --xsd <dir>          folder with xdatenfelder.xsd (default: ../shared/standards/xdf2/xsd or xdf3/xsd)

        Exit codes: 0 imported (warnings possible), 1 not imported (errors listed), 2 usage error.
        See docs/FIM-IMPORT.md for the mapping.
        """;

    public int Run(CliContext context, IReadOnlyList<string> args)
    {
        var arguments = new CliArguments(args, new HashSet<string> { "-o", "--output", "--codelists", "--xsd" }, new HashSet<string> { "--strict" });
        arguments.ExpectAtMost(1);
        var input = context.FullPath(arguments.Required(0, "stammdatenschema.xml"));
        var output = arguments.Option("-o") ?? arguments.Option("--output") ?? throw new CliUsageException("missing -o <dir>");
        var options = new ImportOptions
        {
            CodeListDirectory = arguments.Option("--codelists") is { } codeLists ? context.FullPath(codeLists) : null,
            Strict = arguments.Has("--strict"),
            XsdDirectory = arguments.Option("--xsd") is { } xsd ? context.FullPath(xsd) : null,
            WorkingDirectory = context.WorkingDirectory,
        };

        var result = DefinitionImporterRegistry.CreateDefault().Import(input, options);
        if (!result.Succeeded)
        {
            foreach (var diagnostic in result.Diagnostics) context.Error.WriteLine(DiagnosticFormatter.Format(diagnostic));
            context.Error.WriteLine($"sozial import-fim: {Path.GetFileName(input)} was not imported.");
            return 1;
        }

        var catalog = result.Catalog!;
        var root = context.FullPath(output);
        try
        {
            CatalogWriter.Write(catalog, root);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"sozial import-fim: cannot write {root}: {e.Message} (nothing was changed there).");
            return 1;
        }

        PrintReport(context.Out, result, catalog, root);
        return 0;
    }

    private static void PrintReport(TextWriter output, ImportResult result, ImportedCatalog catalog, string root)
    {
        var form = catalog.Form;
        var source = form.Service?.Fim is { } fim ? $"{fim.Id}{(fim.Version is null ? "" : " " + fim.Version)}" : form.Id;
        output.WriteLine($"Imported {source} ({result.Format}) as {form.Id}@{form.Version}");
        output.WriteLine($"  form       {Path.GetRelativePath(root, CatalogLayout.Form(root, form.Id, form.Version))}");
        output.WriteLine($"  blocks     {catalog.Blocks.Count}");
        output.WriteLine($"  code lists {catalog.CodeLists.Count}");
        var counts = result.Diagnostics.GroupBy(d => d.Severity).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine($"Report: {counts.GetValueOrDefault(DiagnosticSeverity.Warning)} warnings, {counts.GetValueOrDefault(DiagnosticSeverity.Info)} notes");
        foreach (var diagnostic in result.Diagnostics.OrderByDescending(d => d.Severity))
            output.WriteLine("  " + DiagnosticFormatter.Format(diagnostic));
    }
}
