using Sozialplattform.Catalog;
using Sozialplattform.Designer.Workspace;
using Sozialplattform.Fim.Definitions;
using Sozialplattform.Fim.Diagnostics;
using Sozialplattform.Fim.Importing;

namespace Sozialplattform.Designer.Fim;

/// <summary>The outcome of a FIM upload: the new draft (null when refused) and every finding of the import.</summary>
public sealed record FimImportOutcome(Draft? Draft, IReadOnlyList<string> Messages)
{
    public bool Success => Draft is not null;
}

/// <summary>
/// A FIM XDatenfelder upload becomes a new draft form: the importer writes a small catalog into a temporary folder;
/// its blocks and code lists join the catalog (new files only; an existing file with other content refuses the import),
/// and its form becomes the draft. Nothing is written when anything is wrong.
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
            if (!Copy(upload, xml)) return new FimImportOutcome(null, [$"{fileName}: die Datei ist größer als {MaxUploadBytes / 1024 / 1024} MB."]);
            var result = _importers.Import(xml, new ImportOptions { CodeListDirectory = folder, WorkingDirectory = workspace.CatalogDirectory });
            var messages = result.Diagnostics.Select(d => DiagnosticFormatter.Format(d).Replace(xml, fileName, StringComparison.Ordinal).Replace("upload.xml", fileName, StringComparison.Ordinal)).ToList();
            if (!result.Succeeded || result.Catalog is null) return new FimImportOutcome(null, messages);
            return Adopt(result.Catalog, Path.Combine(folder, "catalog"), author, messages);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private FimImportOutcome Adopt(ImportedCatalog imported, string folder, string author, List<string> messages)
    {
        var id = imported.Form.Id;
        if (!Names.IsFormId(id)) return new FimImportOutcome(null, [.. messages, $"Die Formular-ID '{id}' ist ungültig."]);
        if (workspace.Forms().Any(f => f.Id == id)) return new FimImportOutcome(null, [.. messages, $"Ein Formular mit der ID '{id}' gibt es schon."]);
        CatalogWriter.Write(imported, folder);
        var shared = Directory.GetFiles(folder, "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Where(f => f.StartsWith("blocks/", StringComparison.Ordinal) || f.StartsWith("codelists/", StringComparison.Ordinal))
            .ToList();
        var conflicts = shared.Where(f => File.Exists(Target(f)) && ContentHash.Of(File.ReadAllBytes(Target(f))) != ContentHash.Of(File.ReadAllBytes(Path.Combine(folder, f)))).ToList();
        if (conflicts.Count > 0)
            return new FimImportOutcome(null, [.. messages, .. conflicts.Select(f => $"{f} gibt es im Katalog schon mit anderem Inhalt; veröffentlichte Dateien werden nie überschrieben.")]);

        var form = File.ReadAllBytes(Path.Combine(folder, "forms", id, imported.Form.Version, "form.json"));
        var draft = workspace.Create(id, form, author);
        foreach (var file in shared.Where(f => !File.Exists(Target(f))))
            AtomicFile.CreateNew(Target(file), File.ReadAllBytes(Path.Combine(folder, file)));
        return new FimImportOutcome(draft, messages);
    }

    private string Target(string relative) => Path.Combine(workspace.CatalogDirectory, relative);

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
