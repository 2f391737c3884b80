using Microsoft.EntityFrameworkCore;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;

namespace Sozialplattform.Storage.Routing;

/// <summary>Keeps a tenant's authorities and routing in the database, replaced as a whole from the checked configuration.</summary>
public sealed class RoutingTableStore(SozialDatabase database)
{
    /// <summary>Replaces the tenant's authorities, service roles and assignments in one transaction.</summary>
    public async Task ReplaceTenantAsync(string tenantId, IReadOnlyList<Authority> authorities, IReadOnlyList<ServiceRole> serviceRoles, IReadOnlyList<RoutingAssignment> assignments, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        await context.RoutingAssignments.Where(r => r.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);
        await context.ServiceRoles.Where(r => r.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);
        await context.Authorities.Where(a => a.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);
        context.Authorities.AddRange(authorities);
        context.ServiceRoles.AddRange(serviceRoles);
        context.RoutingAssignments.AddRange(assignments);
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<TenantRoutingRows> LoadTenantAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return new TenantRoutingRows(
            await context.Authorities.AsNoTracking().Where(a => a.TenantId == tenantId).ToListAsync(cancellationToken),
            await context.ServiceRoles.AsNoTracking().Where(a => a.TenantId == tenantId).ToListAsync(cancellationToken),
            await context.RoutingAssignments.AsNoTracking().Where(a => a.TenantId == tenantId).OrderBy(a => a.Id).ToListAsync(cancellationToken));
    }
}

public sealed record TenantRoutingRows(IReadOnlyList<Authority> Authorities, IReadOnlyList<ServiceRole> ServiceRoles, IReadOnlyList<RoutingAssignment> Assignments);
