using Microsoft.EntityFrameworkCore;

namespace Sozialplattform.Storage.Operations;

/// <summary>
/// Leases that let one host of many run a sweep job (draft deletion, reminder sweeps): a job runs only on the host that
/// holds its lease; the holder renews it each round, and when it dies the lease runs out and another host takes over.
/// Taking is one conditional UPDATE of the job's row (free or expired or already mine), atomic on SQLite and PostgreSQL,
/// so two hosts asking at the same moment never both get it. Work tables with items (outbox, notifications) need no
/// lease: their rows are claimed one by one (<c>LeaseClaims</c>, FOR UPDATE SKIP LOCKED).
/// </summary>
public sealed class JobLeases(OperationsDatabase database, TimeProvider clock)
{
    /// <summary>This instance's name in the lease table: host, process and a random part (two hosts in one test process differ).</summary>
    public string Holder { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Takes or renews the lease of <paramref name="job"/> for <paramref name="duration"/>; true if this instance holds it now.</summary>
    public async Task<bool> TryTakeAsync(string job, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        using var gate = await database.Platform.EnterWriteAsync(cancellationToken);
        await using var context = database.CreateContext();
        await context.Database.ExecuteSqlRawAsync(
            """INSERT INTO job_leases ("Job", "Holder", "LeasedUntil") VALUES ({0}, '', {1}) ON CONFLICT ("Job") DO NOTHING""",
            [job, DateTime.UnixEpoch], cancellationToken);
        var holder = Holder;
        var until = now + duration;
        var taken = await context.JobLeases
            .Where(l => l.Job == job && (l.LeasedUntil < now || l.Holder == holder))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.LeasedUntil, until), cancellationToken);
        return taken == 1;
    }

    /// <summary>Runs <paramref name="sweep"/> if this instance gets the lease for one <paramref name="interval"/>; null when another host holds it.</summary>
    public async Task<T?> RunLeasedAsync<T>(string job, TimeSpan interval, Func<CancellationToken, Task<T>> sweep, CancellationToken cancellationToken = default)
        where T : struct =>
        await TryTakeAsync(job, interval, cancellationToken) ? await sweep(cancellationToken) : null;
}
