using System.Collections.Concurrent;
using Sozialplattform.Storage.Operations;

namespace Sozialplattform.Delivery.Routing;

/// <summary>
/// The newest routing edits of each tenant, as the router reads them: read from the shared table at most every
/// <see cref="MaxAge"/> per tenant, so an edit saved on one host routes on every host within that time.
/// </summary>
public sealed class RoutingEditSource(TenantRoutingEdits edits, TimeProvider? clock = null)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(2);

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, (DateTimeOffset ReadAt, IReadOnlyDictionary<string, ServiceRoutingEdit> Edits)> _read = new(StringComparer.Ordinal);

    /// <summary>The edit of the first of <paramref name="serviceKeys"/> (form id, then LeiKa keys) that has one.</summary>
    public async Task<ServiceRoutingEdit?> ForAsync(string tenantId, IEnumerable<string> serviceKeys, CancellationToken cancellationToken = default)
    {
        var now = _clock.GetUtcNow();
        if (!_read.TryGetValue(tenantId, out var known) || now - known.ReadAt > MaxAge)
        {
            var rows = await edits.LatestAsync(tenantId, cancellationToken);
            known = (now, rows.ToDictionary(r => r.Service, r => new ServiceRoutingEdit(r.Service, r.Role, ServiceRoutingEdit.ReadRules(r.AnswerRulesJson), r.Revision, r.SavedBy, r.SavedAt), StringComparer.Ordinal));
            _read[tenantId] = known;
        }

        return serviceKeys.Select(k => known.Edits.GetValueOrDefault(k)).FirstOrDefault(e => e is not null);
    }

    /// <summary>Read again at the next route (after a save on this host).</summary>
    public void Forget(string tenantId) => _read.TryRemove(tenantId, out _);
}
