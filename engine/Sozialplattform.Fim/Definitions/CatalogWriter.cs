namespace Sozialplattform.Fim.Definitions;

/// <summary>
/// Writes an <see cref="ImportedCatalog"/> into a catalog folder; an existing catalog.json is kept.
/// All or nothing: every file is serialised in memory first, then written into a staging folder beside the target
/// and only then moved into place. A new target folder appears complete or not at all (one rename); in an existing
/// catalog each file is replaced by a rename, so no file is ever half-written. The staging folder is always removed.
/// </summary>
public static class CatalogWriter
{
    public const string StagingMarker = ".import-";

    public static IReadOnlyList<string> Write(ImportedCatalog catalog, string root)
    {
        root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var files = Render(catalog, root);
        var parent = Path.GetDirectoryName(root) ?? root;
        var staging = Path.Combine(parent, $".{Path.GetFileName(root)}{StagingMarker}{Guid.NewGuid():N}");
        try
        {
            foreach (var (relative, bytes) in files)
            {
                var path = Path.Combine(staging, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, bytes);
            }

            MoveIntoPlace(staging, root, files.Select(f => f.Relative));
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }

        return files.Select(f => Path.Combine(root, f.Relative)).ToList();
    }

    /// <summary>Every file of the catalog as (path relative to the root, bytes).</summary>
    private static List<(string Relative, byte[] Bytes)> Render(ImportedCatalog catalog, string root)
    {
        var files = new List<(string, byte[])>();
        if (!File.Exists(Path.Combine(root, CatalogLayout.CatalogFile)))
            files.Add((CatalogLayout.CatalogFile, DefinitionJson.Bytes(new CatalogDocument(LocalizedText.De("FIM-Import")!))));
        files.Add((CatalogLayout.Form("", catalog.Form.Id, catalog.Form.Version), DefinitionJson.Bytes(catalog.Form)));
        files.AddRange(catalog.Blocks.Select(b => (CatalogLayout.Block("", b.Id, b.Version), DefinitionJson.Bytes(b))));
        files.AddRange(catalog.CodeLists.Select(l => (CatalogLayout.CodeList("", l.Id, l.Version), DefinitionJson.Bytes(l))));
        return files;
    }

    private static void MoveIntoPlace(string staging, string root, IEnumerable<string> files)
    {
        if (!Directory.Exists(root))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(root)!);
            Directory.Move(staging, root);
            return;
        }

        foreach (var relative in files)
        {
            var target = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(Path.Combine(staging, relative), target, overwrite: true);
        }
    }
}

/// <summary>catalog.json (schemas/catalog.schema.json).</summary>
public sealed record CatalogDocument(LocalizedText Name);
