namespace Sozialplattform.Web.Tests.Infrastructure;

/// <summary>One portal host that offers the service catalog (<c>forms-catalog</c>) besides the samples; the test tenant routes every form; forms that need a login are sent with the development sign-in.</summary>
public sealed class CatalogPortal : IDisposable
{
    public PortalFactory Factory { get; } = new DevelopmentSignInPortal(null, RepositoryPaths.FormsCatalog);

    public void Dispose() => Factory.Dispose();
}

[CollectionDefinition(nameof(CatalogPortal))]
public sealed class CatalogPortalCollection : ICollectionFixture<CatalogPortal>;
