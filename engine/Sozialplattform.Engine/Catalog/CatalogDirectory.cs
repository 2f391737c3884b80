using System.Text.RegularExpressions;

namespace Sozialplattform.Engine.Catalog;

/// <summary>A file read from a catalog: its path and text.</summary>
public sealed record CatalogFile(string Path, string Text);

/// <summary>
/// Blocks and code lists kept outside the catalog folders, by their path inside a catalog
/// (<c>codelists/&lt;id&gt;/&lt;version&gt;.json</c>, <c>blocks/&lt;id&gt;/&lt;version&gt;.json</c>): the shared home of
/// what the designer adds, which every host reads.
/// </summary>
public interface ICatalogFiles
{
    CatalogFile? Read(string relativePath);
}

/// <summary>
/// A catalog on disk: <c>catalog.json</c> at the root, <c>forms/&lt;id&gt;/&lt;version&gt;/form.json</c>,
/// <c>blocks/&lt;id&gt;/&lt;version&gt;.json</c> and <c>codelists/&lt;id&gt;/&lt;version&gt;.json</c>.
/// Ids and versions never become paths unless they are plain names (no separators, no "..").
/// A block or code list missing here is looked up in <paramref name="underneath"/>, if given (a bundle being
/// checked over the catalog it goes into), then in <paramref name="shared"/> (the platform database's shared home).
/// </summary>
public sealed partial class CatalogDirectory(string root, CatalogDirectory? underneath = null, ICatalogFiles? shared = null)
{
    public const string MarkerFile = "catalog.json";

    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>The nearest ancestor of <paramref name="path"/> (a file or folder) that holds a <c>catalog.json</c>.</summary>
    public static CatalogDirectory? FindFor(string path)
    {
        var directory = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path).Directory;
        for (; directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, MarkerFile))) return new CatalogDirectory(directory.FullName);
        return null;
    }

    public CatalogFile? Block(string id, string version) => Read("blocks", id, version + ".json");

    public CatalogFile? CodeList(string id, string version) => Read("codelists", id, version + ".json");

    public string BlockPath(string id, string version) => Path.Combine(Root, "blocks", id, version + ".json");

    public string CodeListPath(string id, string version) => Path.Combine(Root, "codelists", id, version + ".json");

    public string FormPath(string id, string version) => Path.Combine(Root, "forms", id, version, "form.json");

    /// <summary>Every form file: forms/&lt;id&gt;/&lt;version&gt;/form.json.</summary>
    public IEnumerable<(string Id, string Version, string Path)> Forms()
    {
        var forms = Path.Combine(Root, "forms");
        if (!Directory.Exists(forms)) yield break;
        foreach (var formDirectory in Directory.EnumerateDirectories(forms).Order(StringComparer.Ordinal))
        foreach (var versionDirectory in Directory.EnumerateDirectories(formDirectory).Order(StringComparer.Ordinal))
        {
            var file = Path.Combine(versionDirectory, "form.json");
            if (File.Exists(file)) yield return (Path.GetFileName(formDirectory), Path.GetFileName(versionDirectory), file);
        }
    }

    private CatalogFile? Read(string folder, string id, string fileName)
    {
        if (!SafeName().IsMatch(id) || !SafeName().IsMatch(fileName) || id.Contains("..") || fileName.Contains("..")) return null;
        var path = Path.Combine(Root, folder, id, fileName);
        return File.Exists(path) ? new CatalogFile(path, File.ReadAllText(path))
            : underneath?.Read(folder, id, fileName) ?? shared?.Read($"{folder}/{id}/{fileName}");
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9:._-]*$")]
    private static partial Regex SafeName();
}
