using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Sozialplattform.Designer.TestHost.Testing;

/// <summary>
/// The stand-in web host with the designer mounted, on a temporary copy of the catalog. Authors sign in with the
/// password alone unless <see cref="SecondFactor"/> (the production default) is asked for.
/// </summary>
public sealed class DesignerHost : WebApplicationFactory<Program>
{
    public bool SecondFactor { get; init; }

    public TemporaryCatalog Catalog { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Designer:CatalogDirectory", Catalog.Catalog);
        builder.UseSetting("Designer:DataDirectory", Catalog.Drafts);
        builder.UseSetting("Designer:SeedDevelopmentAuthor", "true");
        builder.UseSetting("Designer:RequireSecondFactor", SecondFactor ? "true" : "false");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Catalog.Dispose();
    }
}
