using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sozialplattform.Delivery;
using Sozialplattform.Delivery.Channels;
using Sozialplattform.Storage.Database;
using Sozialplattform.Web.Catalog;

namespace Sozialplattform.Web.Hosting;

/// <summary>
/// What happens once before the portal answers requests, in this order: open (create, migrate) the database →
/// check and load the tenants → import or report the postal-code data → load the catalog → say where the tenant's
/// branding, texts and topics came from (a file, or "default" and why) → print the address. A missing tenant folder or a
/// broken tenant file stops the start with its name and what is wrong.
/// </summary>
public sealed class PortalStartup(IServiceProvider services, DeliveryOptions delivery, PortalOptions portal, IHostApplicationLifetime lifetime, ILogger<PortalStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var tenantFolder = Path.GetFullPath(Path.Combine(delivery.TenantsFolder, portal.Tenant));
        if (!Directory.Exists(tenantFolder))
            throw new InvalidOperationException($"The portal's tenant '{portal.Tenant}' (Sozialplattform:Portal:Tenant) has no folder: {tenantFolder} does not exist.");
        var database = services.GetRequiredService<SozialDatabase>();
        Say($"Database: {database.Provider} in {delivery.Storage.DataDirectory}");
        foreach (var message in await DeliveryStartup.InitializeAsync(database, delivery, services.GetRequiredService<ChannelRegistry>(), cancellationToken))
            Say(message);

        var catalog = services.GetRequiredService<FormCatalog>();
        Say($"Catalog: {catalog.Offered.Count()} services from {string.Join(", ", portal.CatalogRoots)}; tenant '{portal.Tenant}'");
        foreach (var problem in catalog.Problems) logger.LogWarning("Form not offered: {Problem}", problem);
        Say($"Branding: {services.GetRequiredService<PortalBranding>().Source}");
        foreach (var source in catalog.Sources) Say(source);
        Say(InformationPages(services.GetRequiredService<Site.SitePages>(), tenantFolder));

        lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses) Say($"Citizen portal: {address}/");
        });
    }

    private static string InformationPages(Site.SitePages pages, string tenantFolder)
    {
        var slugs = pages.Information().Select(p => p.Slug).ToList();
        var folder = Path.Combine(tenantFolder, "pages");
        return slugs.Count == 0 ? $"Topic pages: none (no information pages in {folder})" : $"Topic pages: {string.Join(", ", slugs)} from {folder}";
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Say(string message) => logger.LogInformation("{Message}", message);
}
