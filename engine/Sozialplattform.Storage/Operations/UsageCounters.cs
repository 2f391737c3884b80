using Microsoft.EntityFrameworkCore;

namespace Sozialplattform.Storage.Operations;

/// <summary>
/// Counts how form versions are used, in memory, and adds the counts to <c>usage_counters</c> when flushed: a page post
/// costs one dictionary increment under a lock and no statement. A flush takes the counts gathered so far and adds each to its row
/// with one atomic upsert (<c>INSERT … ON CONFLICT DO UPDATE SET "Count" = "Count" + excluded</c>), so hosts flushing at the
/// same time add up exactly. Counts that fail to be written go back into memory for the next flush.
/// </summary>
public sealed class UsageCounters(OperationsDatabase database, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly Lock _sync = new();
    private Dictionary<UsageKey, long> _pending = [];

    /// <summary>The bucket limits of the time on a page, in seconds: bucket i holds times below <c>TimeBuckets[i]</c>, the last everything above.</summary>
    public static readonly int[] TimeBuckets = [5, 10, 20, 30, 45, 60, 90, 120, 180, 300, 600, 1200, 1800, 3600];

    public void Record(string formId, string formVersion, string pageId, string kind, string detail = "", long count = 1)
    {
        var key = new UsageKey(_clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), formId, formVersion, pageId, kind, detail);
        lock (_sync) _pending[key] = _pending.GetValueOrDefault(key) + count;
    }

    public void RecordTime(string formId, string formVersion, string pageId, TimeSpan onPage) =>
        Record(formId, formVersion, pageId, UsageKinds.Time, Bucket(onPage).ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static int Bucket(TimeSpan time)
    {
        var index = Array.FindIndex(TimeBuckets, limit => time.TotalSeconds < limit);
        return index < 0 ? TimeBuckets.Length : index;
    }

    /// <summary>The number of counters waiting for the next flush.</summary>
    public int Pending
    {
        get { lock (_sync) return _pending.Count; }
    }

    /// <summary>Writes what was counted since the last flush.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        Dictionary<UsageKey, long> taken;
        lock (_sync) (taken, _pending) = (_pending, []);
        if (taken.Count == 0) return;
        var counts = taken.Select(p => (p.Key, Count: p.Value)).ToList();
        try
        {
            using var gate = await database.Platform.EnterWriteAsync(cancellationToken);
            await using var context = database.CreateContext();
            await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
            foreach (var (key, count) in counts)
                await context.Database.ExecuteSqlRawAsync(
                    """INSERT INTO usage_counters ("Day", "FormId", "FormVersion", "PageId", "Kind", "Detail", "Count") VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}) """ +
                    """ON CONFLICT ("Day", "FormId", "FormVersion", "PageId", "Kind", "Detail") DO UPDATE SET "Count" = usage_counters."Count" + excluded."Count" """,
                    [key.Day, key.FormId, key.FormVersion, key.PageId, key.Kind, key.Detail, count], cancellationToken);
            await transaction.CommitAsync(CancellationToken.None);
        }
        catch
        {
            lock (_sync)
                foreach (var (key, count) in counts) _pending[key] = _pending.GetValueOrDefault(key) + count;
            throw;
        }
    }

    private readonly record struct UsageKey(string Day, string FormId, string FormVersion, string PageId, string Kind, string Detail);
}
