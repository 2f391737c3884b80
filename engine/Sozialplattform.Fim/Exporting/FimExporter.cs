using System.Text.Json;
using Sozialplattform.Fim.Diagnostics;

namespace Sozialplattform.Fim.Exporting;

/// <summary>
/// `sozial export-fim`: a form definition (with the blocks and code lists of its catalog) → an XDatenfelder 3.0.0
/// Stammdatenschema, plus a genericode file beside it for every code list it references.
/// </summary>
public sealed class FimExporter(TimeProvider clock)
{
    public FimExporter() : this(TimeProvider.System)
    {
    }

    public ExportResult Export(string formPath, string outputPath)
    {
        var diagnostics = new DiagnosticBag(formPath);
        LoadedDefinition definition;
        try
        {
            definition = LoadedDefinition.Load(formPath);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(DiagnosticCodes.DefinitionUnreadable, null, (e as JsonException)?.LineNumber is { } line ? (int)line + 1 : null, ("detail", e.Message));
            return new ExportResult([], diagnostics.Items);
        }

        var builder = new FimModelBuilder(definition, diagnostics);
        var schema = builder.Build();
        var profile = new ExportIdAllocator([]).Allocate('D', definition.Form.Id);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outputPath))!);
        new Xdf3Writer(diagnostics, clock.GetUtcNow()).Write(schema, profile, outputPath);

        var written = new List<string> { outputPath };
        foreach (var list in builder.ReferencedCodeLists)
        {
            var path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(outputPath))!, GenericodeWriter.FileName(list));
            GenericodeWriter.Write(list, path);
            written.Add(path);
        }

        return new ExportResult(written, diagnostics.Items);
    }
}

/// <summary>The files an export wrote (the XML first, then genericode files) and what it has to report.</summary>
public sealed record ExportResult(IReadOnlyList<string> Files, IReadOnlyList<ImportDiagnostic> Diagnostics)
{
    public bool Succeeded => Files.Count > 0 && Diagnostics.All(d => d.Severity != DiagnosticSeverity.Error);
}
