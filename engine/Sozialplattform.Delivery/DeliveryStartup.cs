using Sozialplattform.Delivery.Channels;
using Sozialplattform.Delivery.Geo;
using Sozialplattform.Delivery.Tenants;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Routing;

namespace Sozialplattform.Delivery;

/// <summary>
/// What a host does once on start, in this order: check and load the tenant configuration (stop on any
/// problem), then bring the postal-code data up to date — or say plainly that there is none.
/// </summary>
public static class DeliveryStartup
{
    public static async Task<IReadOnlyList<string>> InitializeAsync(SozialDatabase database, DeliveryOptions options, ChannelRegistry channels, CancellationToken cancellationToken = default)
    {
        var messages = new List<string>();
        var tenants = await new TenantLoader(new RoutingTableStore(database), channels).LoadAllAsync(options.TenantsFolder, cancellationToken);
        messages.Add($"Tenants loaded from {options.TenantsFolder}: {string.Join(", ", tenants.Select(t => $"{t.Settings.Id} ({t.Authorities.Count} authorities)"))}");

        var geo = new GeoStore(database);
        if (string.IsNullOrWhiteSpace(options.Geo.CsvPath) || !File.Exists(options.Geo.CsvPath))
        {
            var current = await geo.CurrentAsync(cancellationToken);
            messages.Add(current is null
                ? $"No postal-code data configured ({(string.IsNullOrWhiteSpace(options.Geo.CsvPath) ? "Geo:CsvPath is empty" : $"{options.Geo.CsvPath} not found")}): postal codes resolve only through postal-code ranges in the tenant configuration. Load a file with 'sozial geo import <csv>'."
                : $"Postal-code file {options.Geo.CsvPath} not found; using the data imported earlier from {current.SourcePath} ({current.PostalCodes} postal codes).");
            return messages;
        }

        var result = await new GeoImporter(geo).ImportAsync(options.Geo.CsvPath, cancellationToken: cancellationToken);
        if (!result.Success) throw new InvalidOperationException($"Postal-code data {options.Geo.CsvPath} cannot be imported:{Environment.NewLine}{string.Join(Environment.NewLine, result.Errors)}");
        messages.Add($"Postal-code data {options.Geo.CsvPath}: {result.Summary} ({result.PostalCodes} postal codes; GeoNames, CC BY 4.0)");
        return messages;
    }
}
