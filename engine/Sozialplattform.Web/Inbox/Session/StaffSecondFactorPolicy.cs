using System.Collections.Concurrent;
using Sozialplattform.Delivery;
using Sozialplattform.Delivery.Tenants;

namespace Sozialplattform.Web.Inbox.Session;

/// <summary>
/// Whether a tenant's staff sign in with a second factor: <c>staff.secondFactor</c> in the tenant's <c>tenant.json</c>,
/// required unless it says <c>off</c> — and required when the file cannot be read (fail closed).
/// </summary>
public sealed class StaffSecondFactorPolicy(DeliveryOptions delivery)
{
    private readonly ConcurrentDictionary<string, bool> _required = new(StringComparer.Ordinal);

    public bool Required(string tenantId) => _required.GetOrAdd(tenantId, id =>
        TenantFolderReader.Read(Path.Combine(delivery.TenantsFolder, id)).Configuration?.Settings.StaffSecondFactor ?? true);
}
