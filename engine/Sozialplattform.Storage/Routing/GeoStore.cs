using Microsoft.EntityFrameworkCore;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;

namespace Sozialplattform.Storage.Routing;

/// <summary>The imported postal-code → Kreis table.</summary>
public sealed class GeoStore(SozialDatabase database)
{
    /// <summary>The last import, or null when no postal-code data was ever imported.</summary>
    public async Task<GeoDataset?> CurrentAsync(CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.GeoDatasets.AsNoTracking().OrderByDescending(d => d.Id).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Replaces all postal-code areas in one transaction: a failed import leaves the previous data intact.</summary>
    public async Task ReplaceAsync(IReadOnlyList<PostalCodeArea> areas, GeoDataset dataset, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        context.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        await context.PostalCodeAreas.ExecuteDeleteAsync(cancellationToken);
        await context.GeoDatasets.ExecuteDeleteAsync(cancellationToken);
        context.PostalCodeAreas.AddRange(areas);
        context.GeoDatasets.Add(dataset);
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The Kreise a postal code lies in, the usual one (most places) first.</summary>
    public async Task<IReadOnlyList<PostalCodeArea>> FindAsync(string postalCode, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.PostalCodeAreas.AsNoTracking()
            .Where(p => p.PostalCode == postalCode)
            .OrderByDescending(p => p.PlaceCount).ThenBy(p => p.Kreisschluessel)
            .ToListAsync(cancellationToken);
    }

    /// <summary>All areas, for building an in-memory lookup.</summary>
    public async Task<IReadOnlyList<PostalCodeArea>> AllAsync(CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.PostalCodeAreas.AsNoTracking().ToListAsync(cancellationToken);
    }
}
