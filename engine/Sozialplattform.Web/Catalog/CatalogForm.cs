using Sozialplattform.Engine;
using Sozialplattform.Engine.Definitions;

namespace Sozialplattform.Web.Catalog;

/// <summary>One loaded form version of the catalog: its engine and the catalog folder it came from.</summary>
public sealed record CatalogForm(FormEngine Engine, string CatalogRoot)
{
    public FormDefinition Definition => Engine.Definition;
    public string Id => Definition.Id;
    public string Version => Definition.Version;

    /// <summary>Whether the form has a file field, i.e. whether its drafts can have uploads.</summary>
    public bool HasFileFields { get; } = Engine.Definition.AllFields().Any(f => f.Type is Sozialplattform.Engine.Fields.FileFieldType);

    /// <summary>The folder of this version (<c>forms/&lt;id&gt;/&lt;version&gt;</c>): form.json and the files declared beside it (letters, checklist).</summary>
    public string Folder => Path.Combine(CatalogRoot, "forms", Id, Version);

    /// <summary>
    /// For a version published in the designer: the files stored with it (checklist, letters, e-mail templates by their
    /// path beside form.json), which stand in for the folder; null for a version of a catalog folder.
    /// </summary>
    public IReadOnlyDictionary<string, string>? PublishedFiles { get; init; }

    /// <summary>The text of a file beside this version's form.json (<c>checklist.json</c>, <c>letters/x.de.scriban</c>), or null.</summary>
    public string? ServiceFile(string relativePath)
    {
        if (PublishedFiles is not null) return PublishedFiles.GetValueOrDefault(relativePath);
        var path = Path.Combine(Folder, relativePath);
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }

    /// <summary>The names of the files in <paramref name="subfolder"/> (e.g. <c>letters</c>) ending in <paramref name="suffix"/>, without it.</summary>
    public IReadOnlyList<string> ServiceFileNames(string subfolder, string suffix)
    {
        IEnumerable<string> names = PublishedFiles is not null
            ? PublishedFiles.Keys.Where(k => k.StartsWith(subfolder + "/", StringComparison.Ordinal)).Select(k => k[(subfolder.Length + 1)..]).Where(k => !k.Contains('/'))
            : Directory.Exists(Path.Combine(Folder, subfolder)) ? Directory.EnumerateFiles(Path.Combine(Folder, subfolder), "*" + suffix).Select(f => Path.GetFileName(f)) : [];
        return names.Where(n => n.EndsWith(suffix, StringComparison.Ordinal)).Select(n => n[..^suffix.Length]).Order(StringComparer.Ordinal).ToList();
    }
}
