using System.Text.Json.Nodes;

namespace Sozialplattform.Catalog;

/// <summary>
/// A catalog folder on disk: <c>catalog.json</c> at the root, <c>forms/&lt;id&gt;/&lt;version&gt;/form.json</c>,
/// <c>blocks/&lt;id&gt;/&lt;version&gt;.json</c>, <c>codelists/&lt;id&gt;/&lt;version&gt;.json</c> and <c>tenants/&lt;tenant&gt;/</c>.
/// </summary>
public sealed class CatalogRoot
{
    public const string MarkerFile = "catalog.json";

    private CatalogRoot(string directory) => Directory = directory;

    public string Directory { get; }

    public static CatalogRoot Open(string directory)
    {
        var full = Path.GetFullPath(directory);
        if (!File.Exists(Path.Combine(full, MarkerFile)))
            throw new CatalogException($"'{directory}' is not a catalog: it has no {MarkerFile}.");
        return new CatalogRoot(full);
    }

    /// <summary>The catalog a path lives in: the nearest folder upwards (including the path itself) with a catalog.json.</summary>
    public static CatalogRoot Find(string path)
    {
        var directory = new DirectoryInfo(Path.GetFullPath(path));
        if (File.Exists(directory.FullName)) directory = directory.Parent;
        for (var d = directory; d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, MarkerFile))) return new CatalogRoot(d.FullName);
        throw new CatalogException($"'{path}' is not inside a catalog: no {MarkerFile} found in it or above it.");
    }

    public static string FormPath(CatalogReference form) => $"forms/{form.Id}/{form.Version}/form.json";
    public static string BlockPath(CatalogReference block) => $"blocks/{block.Id}/{block.Version}.json";
    public static string CodeListPath(CatalogReference list) => $"codelists/{list.Id}/{list.Version}.json";

    public string FullPath(string relativePath) => Path.Combine(Directory, relativePath.Replace('/', Path.DirectorySeparatorChar));

    public JsonObject ReadCatalog() => CatalogJson.ReadObject(FullPath(MarkerFile));

    public IReadOnlyList<CatalogReference> Forms() => Versions("forms", isFolder: true);
    public IReadOnlyList<CatalogReference> Blocks() => Versions("blocks", isFolder: false);
    public IReadOnlyList<CatalogReference> CodeLists() => Versions("codelists", isFolder: false);

    /// <summary>The form with the highest version when <paramref name="version"/> is null.</summary>
    public CatalogReference ResolveForm(string id, string? version)
    {
        var versions = Forms().Where(f => f.Id == id).ToList();
        if (versions.Count == 0) throw new CatalogException($"The catalog has no form '{id}'.");
        if (version is null) return versions.MaxBy(v => SemanticVersion.Parse(v.Version))!;
        return versions.FirstOrDefault(v => v.Version == version)
               ?? throw new CatalogException($"The catalog has no version {version} of form '{id}' (it has {string.Join(", ", versions.Select(v => v.Version))}).");
    }

    private IReadOnlyList<CatalogReference> Versions(string kind, bool isFolder)
    {
        var root = Path.Combine(Directory, kind);
        if (!System.IO.Directory.Exists(root)) return [];
        var result = new List<CatalogReference>();
        foreach (var idFolder in System.IO.Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            var id = Path.GetFileName(idFolder);
            var versions = isFolder
                ? System.IO.Directory.GetDirectories(idFolder).Where(v => File.Exists(Path.Combine(v, "form.json"))).Select(Path.GetFileName)
                : System.IO.Directory.GetFiles(idFolder, "*.json").Select(Path.GetFileNameWithoutExtension);
            result.AddRange(versions.OfType<string>().Order(StringComparer.Ordinal).Select(v => new CatalogReference(id, v)));
        }
        return result;
    }
}

/// <summary>A problem with a catalog, bundle or tenant file that the user can fix; the message says what and where.</summary>
public sealed class CatalogException(string message) : Exception(message);
