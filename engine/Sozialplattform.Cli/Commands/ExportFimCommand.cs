using Sozialplattform.Engine;
using Sozialplattform.Fim.Diagnostics;
using Sozialplattform.Fim.Exporting;

namespace Sozialplattform.Cli.Commands;

/// <summary>`sozial export-fim`: a form definition → XDatenfelder 3.0.0 for the FIM editorial office.</summary>
public sealed class ExportFimCommand : ICliCommand
{
    public string Name => "export-fim";

    public string Summary => "Export a form definition as a FIM XDatenfelder 3.0.0 Stammdatenschema";

    public string Usage => """
        Usage: sozial export-fim <form.json> -o <file.xml>

        Checks the definition as `sozial validate` does, then writes an XDatenfelder 3.0.0 Stammdatenschema (valid against ../shared/standards/xdf3/xsd) and, beside it,
        a genericode file for each referenced code list. Blocks and code lists are read from the form's catalog
        (the nearest folder above it with a catalog.json). FIM ids are kept; elements without one get stable ids
        in the private range 99 (e.g. F99012345678). See docs/FIM-IMPORT.md.

          -o, --output <file.xml>   file to write

        Exit codes: 0 exported (notes possible), 1 not exported (errors listed), 2 usage error.
        """;

    public int Run(CliContext context, IReadOnlyList<string> args)
    {
        var arguments = new CliArguments(args, new HashSet<string> { "-o", "--output" }, new HashSet<string>());
        arguments.ExpectAtMost(1);
        var input = context.FullPath(arguments.Required(0, "form.json"));
        var output = arguments.Option("-o") ?? arguments.Option("--output") ?? throw new CliUsageException("missing -o <file.xml>");
        if (!File.Exists(input))
        {
            context.Error.WriteLine($"sozial export-fim: {input}: file not found");
            return 1;
        }

        // The definition is checked as `sozial validate` checks it — only a valid definition is handed to the FIM office —
        // while the FIM model is built beside it; nothing is written unless the check passes.
        var preparing = Task.Run(() => new FimExporter().Prepare(input));
        var loaded = FormEngine.Load(input, FormEngineOptions.Default);
        var prepared = preparing.GetAwaiter().GetResult();
        if (!loaded.Success)
        {
            CommandSupport.PrintProblems(context.Error, loaded.Problems);
            context.Error.WriteLine($"sozial export-fim: {input} is not a valid definition; nothing was exported.");
            return 1;
        }

        var result = prepared.Write(context.FullPath(output));
        var report = result.Succeeded ? context.Out : context.Error;
        if (result.Succeeded) foreach (var file in result.Files) context.Out.WriteLine($"wrote {file}");
        foreach (var diagnostic in result.Diagnostics.OrderByDescending(d => d.Severity)) report.WriteLine("  " + DiagnosticFormatter.Format(diagnostic));
        return result.Succeeded ? 0 : 1;
    }
}
