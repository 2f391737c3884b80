using System.Collections.Concurrent;
using Sozialplattform.Engine.Catalog;

namespace Sozialplattform.Storage.Operations;

/// <summary>
/// Blocks and code lists in the catalog's shared home (table <c>shared_catalog_files</c>) as the engine reads them when
/// no catalog folder has them: a version published from a FIM upload on one host renders its select fields on every
/// host. Rows never change once added, so a row read once is kept in memory; a path not found is asked again next time.
/// </summary>
public sealed class SharedCatalogFiles(SharedCatalog catalog) : ICatalogFiles
{
    private readonly ConcurrentDictionary<string, CatalogFile> _read = new(StringComparer.Ordinal);

    public CatalogFile? Read(string relativePath)
    {
        if (_read.TryGetValue(relativePath, out var known)) return known;
        if (catalog.CatalogFile(relativePath) is not { } row) return null;
        return _read.GetOrAdd(relativePath, new CatalogFile(Location(relativePath), System.Text.Encoding.UTF8.GetString(row.Content)));
    }

    /// <summary>How a shared file is named in problems (it has no path on disk).</summary>
    public static string Location(string relativePath) => "shared:" + relativePath;
}
