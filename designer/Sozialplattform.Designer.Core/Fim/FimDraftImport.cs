using Sozialplattform.Catalog;
using Sozialplattform.Designer.Workspace;
using Sozialplattform.Fim.Definitions;
using Sozialplattform.Fim.Diagnostics;
using Sozialplattform.Fim.Importing;

namespace Sozialplattform.Designer.Fim;

/// <summary>The outcome of a FIM upload: the new draft (null when refused) and every finding of the import.</summary>
public sealed record FimImportOutcome(Draft? Draft, IReadOnlyList<FimImportMessage> Messages)
{
    public bool Success => Draft is not null;
}

/// <summary>One finding of a FIM upload: whether it stopped the import, the FIM element and line it concerns, the text.</summary>
public sealed record FimImportMessage(bool IsError, string? Element, int? Line, string Text)
{
    public static FimImportMessage Error(string text) => new(true, null, null, text);

    public static FimImportMessage From(ImportDiagnostic diagnostic) => new(
        diagnostic.Severity == DiagnosticSeverity.Error,
        diagnostic.ElementId is null ? null : $"{diagnostic.ElementId}{(diagnostic.ElementVersion is null ? "" : " " + diagnostic.ElementVersion)}",
        diagnostic.Line is > 0 ? diagnostic.Line : null,
        $"{diagnostic.Code}: {DiagnosticFormatter.Message(diagnostic)}");

    public override string ToString() =>
        $"{(IsError ? "Fehler" : "Hinweis")}{(Line is null ? "" : $" in Zeile {Line}")}{(Element is null ? "" : $" bei {Element}")}: {Text}";
}

/// <summary>
/// A FIM XDatenfelder upload becomes a new draft form: the importer writes a small catalog into a temporary folder;
/// its blocks and code lists join the workspace's store — the database's shared home, immutable, read by every host —
/// (new paths only; an existing block or code list with other content refuses the import),
/// and its form becomes the draft. Nothing is written when anything is wrong, and every refusal is a message
/// (with the FIM element and line where the importer names them), never an exception.
/// </summary>
public sealed class FimDraftImport(FormWorkspace workspace, DefinitionImporterRegistry? importers = null)
{
    public const long MaxUploadBytes = 20 * 1024 * 1024;
    private readonly DefinitionImporterRegistry _importers = importers ?? DefinitionImporterRegistry.CreateDefault();

    public FimImportOutcome Import(Stream upload, string fileName, string author)
    {
        var folder = Path.Combine(Path.GetTempPath(), "sozial-fim-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var xml = Path.Combine(folder, "upload.xml");
            if (!Copy(upload, xml)) return Refused([$"{fileName}: die Datei ist größer als {MaxUploadBytes / 1024 / 1024} MB."], []);
            var result = _importers.Import(xml, new ImportOptions { CodeListDirectory = folder, WorkingDirectory = workspace.CatalogDirectory });
            var messages = result.Diagnostics.OrderByDescending(d => d.Severity).Select(d => Named(FimImportMessage.From(d), xml, fileName)).ToList();
            if (!result.Succeeded || result.Catalog is null) return new FimImportOutcome(null, messages);
            return Adopt(result.Catalog, Path.Combine(folder, "catalog"), author, messages);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or WorkspaceException)
        {
            return Refused([$"{fileName} wurde nicht importiert: {e.Message}"], []);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private FimImportOutcome Adopt(ImportedCatalog imported, string folder, string author, List<FimImportMessage> messages)
    {
        var id = imported.Form.Id;
        if (!Names.IsFormId(id)) return Refused([$"Die Formular-ID '{id}' ist ungültig."], messages);
        if (workspace.Forms().Any(f => f.Id == id)) return Refused([$"Ein Formular mit der ID '{id}' gibt es schon."], messages);
        CatalogWriter.Write(imported, folder);
        var shared = Directory.GetFiles(folder, "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Where(f => f.StartsWith("blocks/", StringComparison.Ordinal) || f.StartsWith("codelists/", StringComparison.Ordinal))
            .ToList();
        var existing = shared.ToDictionary(f => f, workspace.CatalogFile);
        var conflicts = shared.Where(f => existing[f] is { } stored && ContentHash.Of(stored) != ContentHash.Of(File.ReadAllBytes(Path.Combine(folder, f)))).ToList();
        if (conflicts.Count > 0)
            return Refused(conflicts.Select(f => $"{f} gibt es im Katalog schon mit anderem Inhalt; veröffentlichte Dateien werden nie überschrieben."), messages);

        var form = File.ReadAllBytes(Path.Combine(folder, "forms", id, imported.Form.Version, "form.json"));
        var draft = workspace.Create(id, form, author);
        // Into the workspace's store: the database's shared home (every host reads them), or the catalog folder without it.
        foreach (var file in shared.Where(f => existing[f] is null))
            workspace.AddCatalogFile(file, File.ReadAllBytes(Path.Combine(folder, file)), author);
        return new FimImportOutcome(draft, messages);
    }

    /// <summary>The reasons first, then what the importer reported.</summary>
    private static FimImportOutcome Refused(IEnumerable<string> reasons, IReadOnlyList<FimImportMessage> reported) =>
        new(null, [.. reasons.Select(FimImportMessage.Error), .. reported]);

    /// <summary>Messages name the uploaded file, not the temporary copy.</summary>
    private static FimImportMessage Named(FimImportMessage message, string copy, string fileName) =>
        message with { Text = message.Text.Replace(copy, fileName, StringComparison.Ordinal).Replace("upload.xml", fileName, StringComparison.Ordinal) };

    private static bool Copy(Stream upload, string path)
    {
        using var file = File.Create(path);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = upload.Read(buffer)) > 0)
        {
            total += read;
            if (total > MaxUploadBytes) return false;
            file.Write(buffer, 0, read);
        }

        return true;
    }
}
