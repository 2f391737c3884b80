using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Sozialplattform.Web.Tests.Infrastructure;

/// <summary>
/// The real portal host (Program) on a real SQLite file in a temporary folder, with the sample catalog, the test
/// forms and the test tenant. Without postal-code data unless a CSV is given. The dispatcher does not run.
/// </summary>
public class PortalFactory(string? postalCodeCsv = null, params string[] extraCatalogs) : WebApplicationFactory<Program>
{
    public PortalFolders Folders { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Sozialplattform:Storage:DataDirectory", Folders.Data);
        builder.UseSetting("Sozialplattform:TenantsFolder", Folders.Tenants);
        builder.UseSetting("Sozialplattform:Geo:CsvPath", postalCodeCsv ?? "");
        builder.UseSetting("Sozialplattform:Portal:Tenant", "test");
        builder.UseSetting("Sozialplattform:Portal:RunDispatcher", "false");
        // Test hosts share the machine with many parallel tests: a request waits for its rule slot rather than being
        // refused as overloaded (and each host gets its own slots, as the section exists).
        builder.UseSetting("Sozialplattform:Rules:SlotWait", "00:01:00");
        // Nor may a busy machine spend a request's rule budget (RuleLimitTests sets the real one).
        builder.UseSetting("Sozialplattform:Rules:RequestBudget", "00:01:00");
        // The tests' clients all come from one address (none, in-process): limits only where a test sets its own.
        builder.UseSetting("Sozialplattform:Portal:RateLimits:Starts", "1000000");
        builder.UseSetting("Sozialplattform:Portal:RateLimits:Saves", "1000000");
        builder.UseSetting("Sozialplattform:Portal:FeedbackPerHour", "1000000");
        TestApiKeys.Configure(builder);
        // The designer edits the test catalog and keeps its files in the host's own data folder, never in the repository.
        builder.UseSetting("Designer:CatalogDirectory", Folders.Catalog);
        builder.UseSetting("Designer:DataDirectory", Path.Combine(Folders.Data, "designer"));
        string[] catalogs = [RepositoryPaths.Samples, Folders.Catalog, .. extraCatalogs];
        for (var i = 0; i < catalogs.Length; i++) builder.UseSetting($"Sozialplattform:Portal:CatalogRoots:{i}", catalogs[i]);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Folders.Dispose();
    }
}
