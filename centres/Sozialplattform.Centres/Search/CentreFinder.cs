using NodaTime;
using Sozialplattform.Centres.Geo;
using Sozialplattform.Centres.Hours;
using Sozialplattform.Centres.Records;
using Sozialplattform.Centres.Storage;
using Sozialplattform.Centres.Topics;

namespace Sozialplattform.Centres.Search;

/// <summary>
/// The one search of the finder page and the API: resolves the place, ranks (<see cref="CentreRanking"/>), pages, and
/// for an empty result adds the nearest centres anyway and the tenant's hotlines. Reads an in-memory index of the
/// published centres, rebuilt when this process changed a centre, when another host did (a cheap signature of the
/// centres table, read at most every <paramref name="refreshEvery"/>), and each new day (confirmation notes and hiding).
/// </summary>
public sealed class CentreFinder(CentreStore store, PostalCodeLocations places, CentresOptions options, IClock? clock = null, TimeSpan? refreshEvery = null)
{
    private const int NearestAnyway = 3;
    private readonly IClock _clock = clock ?? SystemClock.Instance;
    private readonly SemaphoreSlim _building = new(1, 1);
    private readonly TimeSpan _refreshEvery = refreshEvery ?? TimeSpan.FromSeconds(2);
    private (IndexVersion Version, CentreIndex Index)? _current;
    private (long Signature, Instant CheckedAt)? _database;

    /// <summary>What the index was built from: this process's writes, the database's signature, the day in Berlin.</summary>
    private readonly record struct IndexVersion(long Local, long Database, LocalDate Day);

    public TopicTaxonomy Topics { get; } = options.Taxonomy();

    /// <summary>The tenant whose centres this finder searches.</summary>
    public string Tenant => options.Tenant;

    public async Task<CentreSearchResult> SearchAsync(CentreQuery query, CancellationToken cancellationToken = default)
    {
        var index = await IndexAsync(cancellationToken);
        var topics = query.Topic is { Length: > 0 } topic && Topics.Find(topic) is not null ? Topics.Matching(topic) : null;
        var day = _clock.GetCurrentInstant().InZone(OpeningCalendar.Berlin).Date;
        var (pageSize, page) = (Math.Clamp(query.PageSize, 1, CentreQuery.MaxPageSize), Math.Max(1, query.Page));

        PostalCodePlace? place = null;
        if (query.Place is { Length: > 0 } input)
        {
            place = await ResolveAsync(input);
            if (place is null) return new CentreSearchResult(null, [], 0, page, pageSize) { PlaceUnknown = true, Hotlines = HotlinesFor(query.Topic) };
            if (query.Ars is { Length: 12 } ars && ars.StartsWith(place.Kreis, StringComparison.Ordinal)) place = place with { Municipality = ars };
        }
        else if (query.Position is { } position)
        {
            place = await places.NearestAsync(position);
            if (place is null) return new CentreSearchResult(null, [], 0, page, pageSize) { PlaceUnknown = true, Hotlines = HotlinesFor(query.Topic) };
        }

        var skip = (int)Math.Min((long)(page - 1) * pageSize, int.MaxValue);
        var (hits, total) = place is null ? PageOf(CentreRanking.List(index, query, topics, day), skip, pageSize) : CentreRanking.Rank(index, place, query, topics, day, skip, pageSize);
        var result = new CentreSearchResult(place, hits, total, page, pageSize);
        if (total > 0) return result;
        var nearest = place?.Position is { } from
            ? index.Nearest(from, topics, NearestAnyway).Select(n => new CentreHit(index[n.Centre], MatchReason.NearestAnyway, n.Km, false)).ToList()
            : [];
        return result with { NothingFound = true, Nearest = nearest, Hotlines = HotlinesFor(query.Topic) };
    }

    private static (IReadOnlyList<CentreHit> Page, int Total) PageOf(IReadOnlyList<CentreHit> ranked, int skip, int take) =>
        (ranked.Skip(skip).Take(take).ToList(), ranked.Count);

    public async Task<PublishedCentre?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        (await IndexAsync(cancellationToken)).Find(id);

    /// <summary>A postal code, or the first postal code of a place name.</summary>
    public async Task<PostalCodePlace?> ResolveAsync(string input)
    {
        input = input.Trim();
        if (input.Length == 5 && input.All(char.IsAsciiDigit)) return await places.FindAsync(input);
        return (await places.ByPlaceNameAsync(input, 1)).FirstOrDefault();
    }

    private IReadOnlyList<Hotline> HotlinesFor(string? topic)
    {
        var root = topic is { Length: > 0 } ? Topics.Root(topic) : null;
        return options.Hotlines.Where(h => h.Topic is null || root is null || h.Topic == root).ToList();
    }

    /// <summary>The index for the current version (built by one caller at a time; readers never wait for a rebuild they do not need).</summary>
    public async Task<CentreIndex> IndexAsync(CancellationToken cancellationToken = default)
    {
        var version = new IndexVersion(store.Version, await DatabaseSignatureAsync(cancellationToken), _clock.GetCurrentInstant().InZone(OpeningCalendar.Berlin).Date);
        if (_current is { } current && current.Version == version) return current.Index;
        await _building.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } built && built.Version == version) return built.Index;
            var rows = await store.PublishedAsync(options.Tenant, cancellationToken);
            var now = _clock.GetCurrentInstant().ToDateTimeUtc();
            var centres = new List<PublishedCentre>(rows.Count);
            foreach (var row in rows)
                if (await ToPublishedAsync(row, now) is { } centre) centres.Add(centre);
            var index = new CentreIndex(centres);
            _current = (version, index);
            return index;
        }
        finally
        {
            _building.Release();
        }
    }

    /// <summary>The database's signature, read again when <see cref="_refreshEvery"/> has passed (parallel readers may both read; both get a right value).</summary>
    private async Task<long> DatabaseSignatureAsync(CancellationToken cancellationToken)
    {
        var now = _clock.GetCurrentInstant();
        if (_database is { } known && now - known.CheckedAt < Duration.FromTimeSpan(_refreshEvery)) return known.Signature;
        var signature = await store.SignatureAsync(options.Tenant, cancellationToken);
        _database = (signature, now);
        return signature;
    }

    private async Task<PublishedCentre?> ToPublishedAsync(CentreRow row, DateTime now)
    {
        var record = CentreJson.Read(row.Published!);
        if (record.Address.Latitude is not { } lat || record.Address.Longitude is not { } lon) return null;
        var confirmed = row.LastConfirmedAt ?? row.PublishedAt ?? row.CreatedAt;
        if (!record.Example && confirmed.AddMonths(options.HideAfterMonths) < now) return null;
        var state = (await places.FindAsync(record.Address.PostalCode))?.State;
        return new PublishedCentre(row.Id, record, new GeoPoint(lat, lon), state, row.LastConfirmedAt)
        {
            ConfirmationOverdue = !record.Example && confirmed.AddMonths(options.NoteAfterMonths) < now,
        };
    }
}
