using System.Text.Json;
using Sozialplattform.Fim.Definitions;

namespace Sozialplattform.Fim.Exporting;

/// <summary>
/// A form with the catalog it lives in (the nearest folder above it with a catalog.json), so that its blocks
/// and code lists can be looked up by <c>id@version</c>. Files that cannot be read are reported, not thrown.
/// </summary>
public sealed class LoadedDefinition
{
    private readonly Dictionary<string, BlockDocument?> _blocks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CodeListDocument?> _codeLists = new(StringComparer.Ordinal);

    private LoadedDefinition(string path, FormDocument form, string? catalogRoot)
    {
        Path = path;
        Form = form;
        CatalogRoot = catalogRoot;
        foreach (var list in form.CodeLists ?? []) _codeLists[list.Reference] = list;
    }

    public string Path { get; }
    public FormDocument Form { get; }
    public string? CatalogRoot { get; }

    public static LoadedDefinition Load(string formPath, string? catalogRoot = null)
    {
        var form = DocumentReader.ReadForm(formPath);
        return new LoadedDefinition(formPath, form, catalogRoot ?? CatalogLayout.FindRoot(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(formPath))!));
    }

    public BlockDocument? Block(string reference) => Lookup(_blocks, reference, CatalogLayout.Block, DocumentReader.ReadBlock);

    public CodeListDocument? CodeList(string reference) => Lookup(_codeLists, reference, CatalogLayout.CodeList, DocumentReader.ReadCodeList);

    private T? Lookup<T>(Dictionary<string, T?> cache, string reference, Func<string, string, string, string> layout, Func<string, T> read) where T : class
    {
        if (cache.TryGetValue(reference, out var known)) return known;
        var (id, version) = CatalogLayout.SplitReference(reference);
        T? loaded = null;
        if (CatalogRoot is not null && layout(CatalogRoot, id, version) is var file && File.Exists(file))
        {
            try { loaded = read(file); }
            catch (JsonException) { loaded = null; }
        }

        cache[reference] = loaded;
        return loaded;
    }
}
