using System.Text.RegularExpressions;

namespace Sozialplattform.Catalog.Bundles;

/// <summary>
/// The only entry names a bundle may contain. Names come from outside and are never used to build a path
/// before they matched one of these patterns (no "..", no absolute paths, no backslashes).
/// </summary>
public static partial class BundlePaths
{
    [GeneratedRegex(@"^forms/(?<id>[a-z0-9][a-z0-9-]{0,63})/(?<version>(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?)/form\.json$")]
    private static partial Regex FormPattern();

    [GeneratedRegex(@"^forms/(?<id>[a-z0-9][a-z0-9-]{0,63})/(?<version>(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?)/answers/[a-z0-9][a-z0-9.-]{0,63}\.json$")]
    private static partial Regex SamplePattern();

    [GeneratedRegex(@"^forms/(?<id>[a-z0-9][a-z0-9-]{0,63})/(?<version>(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?)/letters/[a-z0-9][a-z0-9-]{0,79}\.de\.scriban$")]
    private static partial Regex LetterPattern();

    [GeneratedRegex(@"^forms/(?<id>[a-z0-9][a-z0-9-]{0,63})/(?<version>(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?)/checklist\.json$")]
    private static partial Regex ChecklistPattern();

    [GeneratedRegex(@"^blocks/(?<id>[a-z0-9][a-z0-9-]{0,63})/(?<version>(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*))\.json$")]
    private static partial Regex BlockPattern();

    [GeneratedRegex(@"^codelists/(?<id>[A-Za-z0-9][A-Za-z0-9_-]{0,199})/(?<version>[A-Za-z0-9][A-Za-z0-9_-]{0,63}(\.[A-Za-z0-9_-]+)*)\.json$")]
    private static partial Regex CodeListPattern();

    /// <summary>Kinds that belong to a form and are named by their file, not by id and version (samples, letters, the checklist).</summary>
    public static bool BesideForm(BundleItemKind kind) => kind is BundleItemKind.Sample or BundleItemKind.Letter or BundleItemKind.Checklist;

    /// <summary>The path of a form, block or code list (a sample's path also names its file: see <see cref="Classify"/>).</summary>
    public static string For(BundleItemKind kind, CatalogReference reference) => kind switch
    {
        BundleItemKind.Form => CatalogRoot.FormPath(reference),
        BundleItemKind.Block => CatalogRoot.BlockPath(reference),
        _ => CatalogRoot.CodeListPath(reference),
    };

    /// <summary>The kind and reference of a content entry, or null when the name is not one a bundle may contain.</summary>
    public static (BundleItemKind Kind, CatalogReference Reference)? Classify(string entryName)
    {
        foreach (var (kind, pattern) in new[] { (BundleItemKind.Form, FormPattern()), (BundleItemKind.Sample, SamplePattern()), (BundleItemKind.Letter, LetterPattern()), (BundleItemKind.Checklist, ChecklistPattern()), (BundleItemKind.Block, BlockPattern()), (BundleItemKind.CodeList, CodeListPattern()) })
        {
            var match = pattern.Match(entryName);
            if (match.Success) return (kind, new CatalogReference(match.Groups["id"].Value, match.Groups["version"].Value));
        }
        return null;
    }

    /// <summary>Defence in depth: the full path of an accepted name must still lie inside the catalog folder.</summary>
    public static string InsideCatalog(CatalogRoot catalog, string entryName)
    {
        var root = Path.GetFullPath(catalog.Directory) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(catalog.FullPath(entryName));
        if (!full.StartsWith(root, StringComparison.Ordinal))
            throw new CatalogException($"Bundle entry '{entryName}' would be written outside the catalog.");
        return full;
    }
}
