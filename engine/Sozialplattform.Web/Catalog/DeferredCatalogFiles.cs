using Sozialplattform.Engine.Catalog;

namespace Sozialplattform.Web.Catalog;

/// <summary>
/// The shared home's blocks and code lists, opened at the first read: the catalog is built before the database is needed,
/// and only versions published in the designer ever read from it.
/// </summary>
public sealed class DeferredCatalogFiles(Func<ICatalogFiles> open) : ICatalogFiles
{
    private readonly Lazy<ICatalogFiles> _files = new(open);

    public CatalogFile? Read(string relativePath) => _files.Value.Read(relativePath);
}
