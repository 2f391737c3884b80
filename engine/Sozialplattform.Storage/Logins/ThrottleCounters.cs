using Microsoft.EntityFrameworkCore;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;

namespace Sozialplattform.Storage.Logins;

/// <summary>A counter of <see cref="LoginProtection"/>: its key, the login it belongs to (for an unlock), its limit and its name in the audit log.</summary>
internal sealed record ThrottleCounter(string Key, string? LoginKey, ThrottleLimit Limit, string Name);

/// <summary>One attempt counted on a counter: the count it made, and the wait it started (if it reached the limit).</summary>
internal sealed record Reservation(ThrottleCounter Counter, int Failures, DateTime? WaitUntil, DateTime? TrustedUntil);

/// <summary>
/// The counters in the database. Every change is a compare-and-set on the row's version (one <c>UPDATE … WHERE Key = …
/// AND Version = …</c>), retried when another request changed the row first; so parallel attempts never lose a count on
/// SQLite or PostgreSQL, and no attempt is checked past the limit.
/// </summary>
internal sealed class ThrottleCounters(SozialDatabase database)
{
    private const string Insert = """INSERT INTO login_throttles ("Key", "LoginKey", "Failures", "Version") VALUES ({0}, {1}, 0, 0) ON CONFLICT ("Key") DO NOTHING""";

    /// <summary>
    /// Counts one attempt as failed before its password is checked (a success takes it back), or, while the counter
    /// waits, counts nothing and returns the end of the wait. Failures older than <paramref name="forgetAfter"/> are forgotten.
    /// </summary>
    public async Task<(Reservation? Reserved, DateTime? WaitUntil)> ReserveAsync(ThrottleCounter counter, DateTime now, TimeSpan forgetAfter, CancellationToken cancellationToken)
    {
        while (true)
        {
            var entry = await ReadAsync(counter, cancellationToken);
            if (entry.WaitUntil > now) return (null, entry.WaitUntil);
            var failures = (entry.LastFailureAt is { } last && last > now - forgetAfter ? entry.Failures : 0) + 1;
            var waitUntil = now + counter.Limit.WaitAfter(failures);
            if (await SetAsync(entry, failures, now, waitUntil, entry.TrustedUntil, cancellationToken))
                return (new Reservation(counter, failures, waitUntil, entry.TrustedUntil), null);
        }
    }

    /// <summary>Takes back <paramref name="count"/> counted failures (an attempt not checked, or a success); below the limit the wait ends.</summary>
    public async Task ForgiveAsync(ThrottleCounter counter, int count, DateTime? trustedUntil, CancellationToken cancellationToken)
    {
        while (true)
        {
            var entry = await ReadAsync(counter, cancellationToken);
            var failures = Math.Max(0, entry.Failures - count);
            var waitUntil = failures >= counter.Limit.FreeFailures ? entry.WaitUntil : null;
            if (await SetAsync(entry, failures, entry.LastFailureAt, waitUntil, trustedUntil ?? entry.TrustedUntil, cancellationToken)) return;
        }
    }

    /// <summary>Ends every wait of a login (per address and overall) and forgets its failures; its trusted addresses stay trusted.</summary>
    public async Task ReleaseAsync(string loginKey, CancellationToken cancellationToken)
    {
        using var gate = await database.EnterWriteAsync(cancellationToken);
        await using var context = database.CreateContext();
        await context.LoginThrottles.Where(e => e.LoginKey == loginKey).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.Failures, 0)
            .SetProperty(e => e.WaitUntil, (DateTime?)null)
            .SetProperty(e => e.Version, e => e.Version + 1), cancellationToken);
    }

    /// <summary>Deletes counters without a failure since <paramref name="before"/> that neither wait nor trust an address any more; returns how many.</summary>
    public async Task<int> ForgetAsync(DateTime before, DateTime now, CancellationToken cancellationToken)
    {
        using var gate = await database.EnterWriteAsync(cancellationToken);
        await using var context = database.CreateContext();
        return await context.LoginThrottles
            .Where(e => e.LastFailureAt < before && (e.WaitUntil == null || e.WaitUntil < now) && (e.TrustedUntil == null || e.TrustedUntil < now))
            .ExecuteDeleteAsync(cancellationToken);
    }

    private async Task<LoginThrottleEntry> ReadAsync(ThrottleCounter counter, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        if (await context.LoginThrottles.AsNoTracking().SingleOrDefaultAsync(e => e.Key == counter.Key, cancellationToken) is { } entry) return entry;
        using (await database.EnterWriteAsync(cancellationToken))
            await context.Database.ExecuteSqlRawAsync(Insert, [counter.Key, counter.LoginKey!], cancellationToken);
        return await context.LoginThrottles.AsNoTracking().SingleAsync(e => e.Key == counter.Key, cancellationToken);
    }

    private async Task<bool> SetAsync(LoginThrottleEntry entry, int failures, DateTime? lastFailureAt, DateTime? waitUntil, DateTime? trustedUntil, CancellationToken cancellationToken)
    {
        using var gate = await database.EnterWriteAsync(cancellationToken);
        await using var context = database.CreateContext();
        return await context.LoginThrottles.Where(e => e.Key == entry.Key && e.Version == entry.Version).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.Failures, failures)
            .SetProperty(e => e.LastFailureAt, lastFailureAt)
            .SetProperty(e => e.WaitUntil, waitUntil)
            .SetProperty(e => e.TrustedUntil, trustedUntil)
            .SetProperty(e => e.Version, entry.Version + 1), cancellationToken) == 1;
    }
}
