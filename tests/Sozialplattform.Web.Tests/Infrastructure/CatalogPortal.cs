namespace Sozialplattform.Web.Tests.Infrastructure;

/// <summary>One portal host that offers the service catalog (<c>forms-catalog</c>) besides the samples; the test tenant routes every form.</summary>
public sealed class CatalogPortal : IDisposable
{
    public PortalFactory Factory { get; } = new(null, RepositoryPaths.FormsCatalog);

    public void Dispose() => Factory.Dispose();
}

[CollectionDefinition(nameof(CatalogPortal))]
public sealed class CatalogPortalCollection : ICollectionFixture<CatalogPortal>;
