using BenchmarkDotNet.Attributes;
using NodaTime;
using Sozialplattform.Benchmarks.Delivery;
using Sozialplattform.Centres;
using Sozialplattform.Centres.Geo;
using Sozialplattform.Centres.Records;
using Sozialplattform.Centres.Search;
using Sozialplattform.Centres.Storage;
using Sozialplattform.Storage.Database;

namespace Sozialplattform.Benchmarks.CounsellingCentres;

/// <summary>
/// The finder over 20,000 published centres with 50,000 offers, stored in SQLite or PostgreSQL: one query with place,
/// topic, radius and language (what a results page asks), and the rebuild of the index after a change.
/// </summary>
[MemoryDiagnoser]
public class CentreSearchBenchmarks
{
    private const int CentreCount = 20_000;
    private static readonly string[] Topics = ["schuldnerberatung", "insolvenzberatung", "suchtberatung", "sucht-alkohol", "sucht-gluecksspiel", "wohnungsnotfallhilfe"];
    private static readonly PostalCodePlace Koeln = new("50667", "05315", "Köln, Stadt", "Köln", new GeoPoint(50.9387, 6.9547));

    private CentreFinder _finder = null!;
    private CentreStore _store = null!;
    private Func<Task> _cleanup = null!;
    private readonly CentreQuery _query = new() { Place = "50667", Topic = "suchtberatung", RadiusKm = 50, Language = "tr" };

    /// <summary>What the load harness's results page asks (finder-load.sh): no language filter, so about four times the hits.</summary>
    private readonly CentreQuery _resultsPage = new() { Place = "50667", Topic = "suchtberatung", RadiusKm = 50 };

    [Params(StorageProvider.Sqlite, StorageProvider.Postgres)]
    public StorageProvider Provider { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var (platform, cleanup) = await BenchmarkDatabases.CreateAsync(Provider);
        _cleanup = cleanup;
        var centres = await CentresDatabase.OpenAsync(platform);
        await using (var context = centres.CreateContext())
        {
            var random = new Random(14);
            var now = DateTime.UtcNow;
            for (var i = 0; i < CentreCount; i++)
            {
                var record = Record(i, random);
                var json = CentreJson.Write(record);
                context.Centres.Add(new CentreRow
                {
                    Id = Guid.NewGuid(), Tenant = "bench", ExternalId = record.ExternalId, CarrierKey = record.Carrier.Key, Name = record.Name["de"],
                    Working = json, Published = json, PublishedAt = now, LastConfirmedAt = now, Status = CentreStatus.Published, CreatedAt = now, UpdatedAt = now,
                });
            }

            await context.SaveChangesAsync();
        }

        _store = new CentreStore(centres);
        _finder = new CentreFinder(_store, PostalCodeLocations.Of([Koeln]), new CentresOptions { Tenant = "bench" });
        var warm = await _finder.SearchAsync(_query);
        Console.WriteLine($"// {CentreCount} centres, {warm.Total} results for the benchmark query, {(await _finder.SearchAsync(_resultsPage)).Total} for the results page's");
    }

    [GlobalCleanup]
    public Task CleanupAsync() => _cleanup();

    [Benchmark(Description = "finder query: place + topic + radius + language")]
    public Task<CentreSearchResult> Query() => _finder.SearchAsync(_query);

    [Benchmark(Description = "results page query: place + topic + radius, first 20 of all")]
    public Task<CentreSearchResult> ResultsPage() => _finder.SearchAsync(_resultsPage);

    [Benchmark(Description = "results page query, every hit ranked exactly (the reference)")]
    public async Task<int> ResultsPageRankedExactly()
    {
        var index = await _finder.IndexAsync();
        return CentreRanking.RankAll(index, Koeln, _resultsPage, _finder.Topics.Matching("suchtberatung"), new LocalDate(2026, 12, 6)).Take(20).Count();
    }

    [Benchmark(Description = "index rebuild after a change (read all published, build)")]
    public async Task<int> Rebuild()
    {
        var finder = new CentreFinder(_store, PostalCodeLocations.Of([Koeln]), new CentresOptions { Tenant = "bench" });
        return (await finder.IndexAsync()).Count;
    }

    private static string Region(int region) => $"{region}000-{region}999";

    /// <summary>
    /// Centres spread over Germany; 2–3 offers each (50,000 in all). Catchments as real directories have them: one
    /// postal region (e.g. 50000-50999), one of 400 Kreise, or — one offer in twenty — online for everyone.
    /// </summary>
    private static CentreRecord Record(int i, Random random)
    {
        var latitude = 47.5 + random.NextDouble() * 7.4;
        var longitude = 6.0 + random.NextDouble() * 8.8;
        var offers = Enumerable.Range(0, i % 2 == 0 ? 3 : 2).Select(k => new Offer(Topics[(i + k) % Topics.Length], ((i + k) % 20) switch
        {
            0 => new Catchment { Online = true },
            < 10 => new Catchment { Kreise = [$"{random.Next(1, 17):00}{random.Next(0, 25):000}"] },
            _ => new Catchment { PostalCodes = [Region(random.Next(10, 100))] },
        })).ToList();
        return new CentreRecord
        {
            ExternalId = $"bench-{i}",
            Carrier = new Carrier($"carrier-{i % 300}", $"Träger {i % 300}"),
            Name = Texts.De($"Beratungsstelle {i}"),
            Address = new Address($"Straße {i}", "50667", "Ort") { Latitude = latitude, Longitude = longitude },
            Languages = i % 5 == 0 ? ["de", "tr"] : ["de"],
            Ways = [CounsellingWay.OnSite, CounsellingWay.Phone],
            OpeningHours = new OpeningHours { Weekly = [new WeeklyHours(IsoDayOfWeek.Monday, new LocalTime(9, 0), new LocalTime(12, 0))] },
            Offers = offers,
        };
    }
}
