extern alias platform;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Sozialplattform.Designer.Accounts;
using Sozialplattform.Designer.Hosting;
using Sozialplattform.Designer.TestHost.Testing;

namespace Sozialplattform.Designer.Browser.Tests;

/// <summary>
/// The real platform host (engine/Sozialplattform.Web: the citizen portal with the designer mounted, the preview
/// rendered by the portal's own field components) on a temporary copy of the catalog and a temporary data folder,
/// in the Production environment, with one author account created as an operator would.
/// </summary>
public sealed class PlatformHost : WebApplicationFactory<platform::Program>
{
    public TemporaryCatalog Catalog { get; } = new();

    private string Data => Path.Combine(Catalog.Root, "data");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        new AuthorAccounts(Path.Combine(Catalog.Drafts, "authors.json"))
            .Create(DesignerAuthentication.DevelopmentLogin, "Autorin (Test)", DesignerAuthentication.DevelopmentPassword);
        builder.UseEnvironment("Production");
        builder.UseSetting("Designer:CatalogDirectory", Catalog.Catalog);
        builder.UseSetting("Designer:DataDirectory", Catalog.Drafts);
        // The journeys are about editing; the second factor has its own tests (DesignerSecondFactorTests).
        builder.UseSetting("Designer:RequireSecondFactor", "false");
        builder.UseSetting("Sozialplattform:Storage:DataDirectory", Data);
        builder.UseSetting("Sozialplattform:TenantsFolder", Path.Combine(Catalog.Catalog, "tenants"));
        builder.UseSetting("Sozialplattform:Geo:CsvPath", "");
        builder.UseSetting("Sozialplattform:Portal:RunDispatcher", "false");
        builder.UseSetting("Sozialplattform:Portal:RateLimits:Starts", "1000000");
        builder.UseSetting("Sozialplattform:Portal:RateLimits:Saves", "1000000");
        // A busy machine must neither spend a request's rule budget nor wait long for a rule slot.
        builder.UseSetting("Sozialplattform:Rules:RequestBudget", "00:01:00");
        builder.UseSetting("Sozialplattform:Rules:SlotWait", "00:01:00");
        builder.UseSetting("Sozialplattform:Portal:CatalogRoots:0", Catalog.Catalog);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Catalog.Dispose();
    }
}
