namespace Sozialplattform.Web.Tests.Infrastructure;

/// <summary>One portal host shared by the endpoint tests (starting a host loads the catalog once).</summary>
public sealed class SharedPortal : IDisposable
{
    public PortalFactory Factory { get; } = new();

    public void Dispose() => Factory.Dispose();
}

[CollectionDefinition(nameof(SharedPortal))]
public sealed class SharedPortalCollection : ICollectionFixture<SharedPortal>;
