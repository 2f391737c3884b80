using System.Text.Json;
using Sozialplattform.Fim.Definitions;
using Sozialplattform.Fim.Diagnostics;
using Sozialplattform.Fim.Model;

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

    public ExportResult Export(string formPath, string outputPath) => Prepare(formPath).Write(outputPath);

    /// <summary>
    /// Reads the definition and builds the FIM model without writing anything, so that a caller can build it while it
    /// checks the definition another way (the command line's engine check) and write only when both succeeded.
    /// </summary>
    public PreparedExport Prepare(string formPath)
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
            return new PreparedExport(null, diagnostics, clock);
        }

        var builder = new FimModelBuilder(definition, diagnostics);
        var schema = builder.Build();
        var profile = new ExportIdAllocator([]).Allocate('D', definition.Form.Id);
        return new PreparedExport((schema, profile, builder.ReferencedCodeLists), diagnostics, clock);
    }
}

/// <summary>An export read and built, not yet written (<see cref="FimExporter.Prepare"/>).</summary>
public sealed class PreparedExport
{
    private readonly (FimSchema Schema, FimIdentity Profile, IReadOnlyList<CodeListDocument> CodeLists)? _built;
    private readonly DiagnosticBag _diagnostics;
    private readonly TimeProvider _clock;

    internal PreparedExport((FimSchema, FimIdentity, IReadOnlyList<CodeListDocument>)? built, DiagnosticBag diagnostics, TimeProvider clock) =>
        (_built, _diagnostics, _clock) = (built, diagnostics, clock);

    /// <summary>Writes the XML to <paramref name="outputPath"/> and a genericode file beside it for every referenced code list.</summary>
    public ExportResult Write(string outputPath)
    {
        if (_built is not { } built) return new ExportResult([], _diagnostics.Items);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outputPath))!);
        new Xdf3Writer(_diagnostics, _clock.GetUtcNow()).Write(built.Schema, built.Profile, outputPath);

        var written = new List<string> { outputPath };
        foreach (var list in built.CodeLists)
        {
            var path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(outputPath))!, GenericodeWriter.FileName(list));
            GenericodeWriter.Write(list, path);
            written.Add(path);
        }

        return new ExportResult(written, _diagnostics.Items);
    }
}

/// <summary>The files an export wrote (the XML first, then genericode files) and what it has to report.</summary>
public sealed record ExportResult(IReadOnlyList<string> Files, IReadOnlyList<ImportDiagnostic> Diagnostics)
{
    public bool Succeeded => Files.Count > 0 && Diagnostics.All(d => d.Severity != DiagnosticSeverity.Error);
}
