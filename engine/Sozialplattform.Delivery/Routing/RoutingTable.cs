using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Routing;

namespace Sozialplattform.Delivery.Routing;

/// <summary>One tenant's authorities, service roles and assignments, held in memory for fast lookups.</summary>
public sealed class RoutingTable
{
    private readonly Dictionary<string, Authority> _authorities;
    private readonly Dictionary<string, string> _serviceRoles;
    private readonly List<RoutingAssignment> _assignments;

    public RoutingTable(string tenantId, TenantRoutingRows rows)
    {
        TenantId = tenantId;
        _authorities = rows.Authorities.ToDictionary(a => a.Id, StringComparer.Ordinal);
        _serviceRoles = rows.ServiceRoles.ToDictionary(s => s.Service, s => s.Role, StringComparer.Ordinal);
        _assignments = [.. rows.Assignments];
    }

    public string TenantId { get; }

    public bool IsEmpty => _authorities.Count == 0;

    public Authority? Authority(string id) => _authorities.GetValueOrDefault(id);

    /// <summary>The role for the first of <paramref name="serviceKeys"/> (form id, then LeiKa keys) that the tenant maps.</summary>
    public string? RoleOf(IEnumerable<string> serviceKeys) => serviceKeys.Select(k => _serviceRoles.GetValueOrDefault(k)).FirstOrDefault(r => r is not null);

    public bool HasPostalCodeRanges => _assignments.Any(a => a.PostalCodeFrom is not null);

    /// <summary>Assignments just for one of the given services (they win over role assignments), then those for the role.</summary>
    public IEnumerable<IReadOnlyList<RoutingAssignment>> CandidateSets(IReadOnlyCollection<string> serviceKeys, string? role)
    {
        var forService = _assignments.Where(a => a.Service is not null && serviceKeys.Contains(a.Service)).ToList();
        if (forService.Count > 0) yield return forService;
        if (role is not null) yield return _assignments.Where(a => a.Role == role).ToList();
    }
}
