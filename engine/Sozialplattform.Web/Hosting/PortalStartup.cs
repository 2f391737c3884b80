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
/// check and load the tenants → import or report the postal-code data → load the catalog → print the address.
/// </summary>
public sealed class PortalStartup(IServiceProvider services, DeliveryOptions delivery, PortalOptions portal, IHostApplicationLifetime lifetime, ILogger<PortalStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var database = services.GetRequiredService<SozialDatabase>();
        Say($"Database: {database.Provider} in {delivery.Storage.DataDirectory}");
        foreach (var message in await DeliveryStartup.InitializeAsync(database, delivery, services.GetRequiredService<ChannelRegistry>(), cancellationToken))
            Say(message);

        var catalog = services.GetRequiredService<FormCatalog>();
        Say($"Catalog: {catalog.Offered.Count()} services from {string.Join(", ", portal.CatalogRoots)}; tenant '{portal.Tenant}'");
        foreach (var problem in catalog.Problems) logger.LogWarning("Form not offered: {Problem}", problem);

        lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses) Say($"Citizen portal: {address}/");
        });
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Say(string message) => logger.LogInformation("{Message}", message);
}
