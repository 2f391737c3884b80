namespace Sozialplattform.Fim.Definitions;

/// <summary>Where files live in a catalog (docs/DEFINITION-FORMAT.md, "Catalog layout").</summary>
public static class CatalogLayout
{
    public const string CatalogFile = "catalog.json";

    public const string FormFileName = "form.json";

    public static string Form(string root, string id, string version) => Path.Combine(root, "forms", id, version, FormFileName);

    public static string Block(string root, string id, string version) => Path.Combine(root, "blocks", id, version + ".json");

    public static string CodeList(string root, string id, string version) => Path.Combine(root, "codelists", id, version + ".json");

    /// <summary>The nearest folder at or above <paramref name="start"/> that holds a catalog.json.</summary>
    public static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, CatalogFile))) return dir.FullName;
        return null;
    }

    /// <summary>Splits <c>id@version</c>.</summary>
    public static (string Id, string Version) SplitReference(string reference)
    {
        var at = reference.LastIndexOf('@');
        return at < 0 ? (reference, "") : (reference[..at], reference[(at + 1)..]);
    }
}
