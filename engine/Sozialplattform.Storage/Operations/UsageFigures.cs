using Microsoft.EntityFrameworkCore;

namespace Sozialplattform.Storage.Operations;

/// <summary>The figures of one form version, summed over all days; every number below the minimum group size is withheld (null).</summary>
public sealed record UsageReport(string FormId, string FormVersion, int MinimumGroupSize, long? Started, long? Submitted, IReadOnlyList<PageUsage> Pages)
{
    /// <summary>Too few applications to show anything: fewer started than the minimum group size.</summary>
    public bool Withheld => Started is null;
}

/// <summary>
/// One page: how many arrived, how many went on, how many stopped there (arrived but never went on), the errors met most
/// often (field path and code; only those met at least the minimum group size times) and the median time until going on
/// (as the bucket it lies in: from/to seconds, to null for the last bucket).
/// </summary>
public sealed record PageUsage(string PageId, long? Reached, long? Passed, long? Stopped, IReadOnlyList<ErrorUsage> TopErrors, (int From, int? To)? MedianTime);

public sealed record ErrorUsage(string Field, string Code, long Count);

/// <summary>Reads <c>usage_counters</c> for the designer.</summary>
public sealed class UsageFigures(OperationsDatabase database)
{
    /// <summary>The figures of a form version, pages in <paramref name="pageOrder"/> (pages counted but not listed follow).</summary>
    public async Task<UsageReport> ForVersionAsync(string formId, string formVersion, IReadOnlyList<string> pageOrder, int minimumGroupSize, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var sums = (await context.UsageCounters.AsNoTracking().Where(c => c.FormId == formId && c.FormVersion == formVersion)
                .GroupBy(c => new { c.PageId, c.Kind, c.Detail }).Select(g => new { g.Key.PageId, g.Key.Kind, g.Key.Detail, Count = g.Sum(c => c.Count) })
                .ToListAsync(cancellationToken))
            .Select(s => (s.PageId, s.Kind, s.Detail, s.Count)).ToList();
        long Sum(string page, string kind) => sums.Where(s => s.PageId == page && s.Kind == kind).Sum(s => s.Count);
        long? Shown(long value) => value >= minimumGroupSize ? value : null;

        var started = Sum("", UsageKinds.Started);
        if (started < minimumGroupSize) return new UsageReport(formId, formVersion, minimumGroupSize, null, null, []);
        var counted = sums.Where(s => s.PageId.Length > 0).Select(s => s.PageId).Distinct(StringComparer.Ordinal);
        var pages = pageOrder.Concat(counted.Except(pageOrder, StringComparer.Ordinal).Order(StringComparer.Ordinal)).Select(page =>
        {
            var (reached, passed) = (Sum(page, UsageKinds.Reached), Sum(page, UsageKinds.Passed));
            var errors = sums.Where(s => s.PageId == page && s.Kind == UsageKinds.Error && s.Count >= minimumGroupSize)
                .OrderByDescending(s => s.Count).ThenBy(s => s.Detail, StringComparer.Ordinal).Take(5)
                .Select(s => new ErrorUsage(s.Detail[..Math.Max(0, s.Detail.LastIndexOf('|'))], s.Detail[(s.Detail.LastIndexOf('|') + 1)..], s.Count)).ToList();
            var times = sums.Where(s => s.PageId == page && s.Kind == UsageKinds.Time).Select(s => (Bucket: int.Parse(s.Detail, System.Globalization.CultureInfo.InvariantCulture), s.Count)).ToList();
            return new PageUsage(page, Shown(reached), Shown(passed), Shown(Math.Max(0, reached - passed)), errors,
                times.Sum(t => t.Count) >= minimumGroupSize ? Median(times) : null);
        }).ToList();
        return new UsageReport(formId, formVersion, minimumGroupSize, started, Shown(Sum("", UsageKinds.Submitted)), pages);
    }

    /// <summary>The bucket holding the middle time: read from the histogram alone.</summary>
    public static (int From, int? To) Median(IReadOnlyList<(int Bucket, long Count)> histogram)
    {
        var total = histogram.Sum(t => t.Count);
        long seen = 0;
        foreach (var (bucket, count) in histogram.OrderBy(t => t.Bucket))
        {
            seen += count;
            if (seen * 2 >= total) return Range(bucket);
        }

        return Range(UsageCounters.TimeBuckets.Length);
    }

    private static (int From, int? To) Range(int bucket) =>
        (bucket == 0 ? 0 : UsageCounters.TimeBuckets[bucket - 1], bucket < UsageCounters.TimeBuckets.Length ? UsageCounters.TimeBuckets[bucket] : null);

    /// <summary>The form versions with any counter, newest first by version text.</summary>
    public async Task<IReadOnlyList<string>> VersionsAsync(string formId, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.UsageCounters.AsNoTracking().Where(c => c.FormId == formId).Select(c => c.FormVersion).Distinct().ToListAsync(cancellationToken);
    }
}
