using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Sozialplattform.Storage.Crypto;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Operations;
using Sozialplattform.Web.Catalog;

namespace Sozialplattform.Web.Operations;

// The descriptions are fixed texts: they reach whoever can call the probe. The exception goes to the host's log.

internal sealed class DatabaseCheck(SozialDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = database.CreateContext();
            await db.Database.ExecuteSqlRawAsync("SELECT 1", cancellationToken);
            return HealthCheckResult.Healthy($"{database.Provider} reachable");
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"{database.Provider} cannot be reached", error);
        }
    }
}

internal sealed class MigrationsCheck(SozialDatabase database, OperationsDatabase operations) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = database.CreateContext();
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count() + (await operations.PendingMigrationsAsync(cancellationToken)).Count;
            return pending == 0
                ? HealthCheckResult.Healthy("all migrations applied")
                : HealthCheckResult.Unhealthy($"{pending} migrations not applied (a host of an older version migrated the database, or the schema was changed by hand)");
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("the applied migrations cannot be read", error);
        }
    }
}

/// <summary>The key ring is readable: a key active now exists, and every stored key decrypts with this host's data key.</summary>
internal sealed class KeyRingCheck(IKeyManager keys, OperationsDatabase operations, SozialDatabase database, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var now = clock.GetUtcNow();
            if (!keys.GetAllKeys().Any(k => !k.IsRevoked && k.ActivationDate <= now && now < k.ExpirationDate))
                return HealthCheckResult.Unhealthy("no active key in the key ring");
            await using var db = operations.CreateContext();
            var stored = await db.DataProtectionKeys.Select(k => k.Xml ?? "").ToListAsync(cancellationToken);
            var unprotected = stored.Count(xml => KeyRingDecryptor.DecryptAll(xml, database.Protector) == 0);
            return unprotected == 0
                ? HealthCheckResult.Healthy($"{stored.Count} keys readable")
                : HealthCheckResult.Unhealthy($"{unprotected} keys are stored without the data key's protection");
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("the key ring cannot be read (database unreachable, or a data key other than the one the keys were encrypted with)", error);
        }
    }
}

internal sealed class CatalogCheck(FormCatalog catalog) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var offered = catalog.Offered.Count();
        return Task.FromResult(offered > 0
            ? HealthCheckResult.Healthy($"{offered} services offered")
            : HealthCheckResult.Unhealthy("the catalog offers no service (see Sozialplattform:Portal:CatalogRoots and the start-up log)"));
    }
}
