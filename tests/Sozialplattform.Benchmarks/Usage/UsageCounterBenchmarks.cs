using BenchmarkDotNet.Attributes;
using Sozialplattform.Benchmarks.Delivery;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Operations;

namespace Sozialplattform.Benchmarks.Usage;

/// <summary>
/// What the usage figures cost: <see cref="Record"/> is what a page post adds (one in-memory increment, no statement);
/// <see cref="FlushAPagePostsWorth"/> writes the four counters one passed page produces (the background flush's cost per
/// distinct counter, paid every few seconds, not per request).
/// </summary>
[MemoryDiagnoser]
public class UsageCounterBenchmarks
{
    private UsageCounters _counters = null!;
    private Func<Task> _cleanup = null!;
    private int _page;

    [Params(StorageProvider.Sqlite, StorageProvider.Postgres)]
    public StorageProvider Provider { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var (database, cleanup) = await BenchmarkDatabases.CreateAsync(Provider);
        _cleanup = cleanup;
        _counters = new UsageCounters(await OperationsDatabase.OpenAsync(database));
    }

    [GlobalCleanup]
    public Task CleanupAsync() => _cleanup();

    [Benchmark]
    public void Record() => _counters.Record("buergergeld", "1.0.2", "person", UsageKinds.Passed);

    [Benchmark]
    public async Task FlushAPagePostsWorth()
    {
        var page = "seite" + (_page++ % 20);
        _counters.Record("buergergeld", "1.0.2", page, UsageKinds.Passed);
        _counters.Record("buergergeld", "1.0.2", page, UsageKinds.Reached);
        _counters.Record("buergergeld", "1.0.2", page, UsageKinds.Error, "person.vorname|required");
        _counters.RecordTime("buergergeld", "1.0.2", page, TimeSpan.FromSeconds(42));
        await _counters.FlushAsync();
    }
}
