using Sozialplattform.Delivery.Geo;
using Sozialplattform.Delivery.Outbox;
using Sozialplattform.Storage.Database;

namespace Sozialplattform.Delivery;

/// <summary>Everything a host configures for storage, routing and delivery (section <c>Sozialplattform</c> of its settings).</summary>
public sealed record DeliveryOptions
{
    public StorageOptions Storage { get; init; } = new();

    /// <summary>Folder with one sub-folder per tenant (<c>tenant.json</c>, <c>authorities.json</c>, <c>routing.json</c>).</summary>
    public string TenantsFolder { get; init; } = "forms-catalog/tenants";

    public GeoDataOptions Geo { get; init; } = new();

    public DispatcherOptions Dispatcher { get; init; } = new();
}
