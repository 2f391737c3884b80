using NodaTime;
using Sozialplattform.Centres.Geo;

namespace Sozialplattform.Centres.Search;

/// <summary>
/// The order of the results, explained: responsible centres first (postal code, then Kreis, then state, then online
/// for everyone), then the others within the radius; inside each group by distance in whole kilometres. Only centres
/// equal in both are rotated — by a hash of the day and the centre, so the order is the same all day and fair over days.
/// </summary>
public static class CentreRanking
{
    [ThreadStatic] private static List<RankedPage.Hit>? t_hits;

    /// <summary>
    /// One page of the ranked hits and their total. Every hit is found and counted, but only those that can reach the
    /// page are measured exactly and sorted: the others' distance is estimated on a sphere (<see cref="SpherePoint"/>) with a
    /// known bound, which is enough to know they rank behind the page (<see cref="RankedPage"/>). Equal to ranking all
    /// hits exactly and taking the page (<see cref="RankAll"/>; a property test compares both).
    /// </summary>
    public static (IReadOnlyList<CentreHit> Page, int Total) Rank(CentreIndex index, PostalCodePlace place, CentreQuery query, IReadOnlySet<string>? topics, LocalDate day, int skip, int take)
    {
        var from = place.Position;
        var measure = new Measure(index, from);
        var responsible = index.Responsible(place, topics);
        // A results page has thousands of hits: a new list per request grew into the large-object heap and cost gen-2
        // collections under load. Each thread reuses its own (the ranking never awaits; the page copies what it keeps).
        var hits = t_hits ??= new List<RankedPage.Hit>(4096);
        hits.Clear();
        foreach (var (centre, reason) in responsible)
            if (query.Accepts(index[centre])) hits.Add(measure.Hit(centre, reason));
        if (from is { } origin)
        {
            var radius = Math.Clamp(query.RadiusKm, 1, 500);
            foreach (var centre in index.InBox(origin, radius, topics))
                if (!responsible.ContainsKey(centre) && measure.Within(centre, radius) is { } hit && query.Accepts(index[centre])) hits.Add(hit);
        }

        return (RankedPage.Of(hits, measure, day, skip, take), hits.Count);
    }

    /// <summary>Every hit ranked with its exact distance: the definition <see cref="Rank"/> keeps to (and the reference of its test).</summary>
    internal static IReadOnlyList<CentreHit> RankAll(CentreIndex index, PostalCodePlace place, CentreQuery query, IReadOnlySet<string>? topics, LocalDate day)
    {
        var hits = new Dictionary<int, (MatchReason Reason, double? Km)>();
        foreach (var (centre, reason) in index.Responsible(place, topics))
            if (query.Accepts(index[centre])) hits[centre] = (reason, place.Position is { } at ? Distance.Kilometres(at, index[centre].Position) : null);
        if (place.Position is { } from)
        {
            var radius = Math.Clamp(query.RadiusKm, 1, 500);
            foreach (var centre in index.InBox(from, radius, topics))
                if (!hits.ContainsKey(centre) && Distance.Kilometres(from, index[centre].Position) is var km && km <= radius && query.Accepts(index[centre]))
                    hits[centre] = (MatchReason.Nearby, km);
        }

        return Order(hits.Select(h => (index[h.Key], h.Value.Reason, h.Value.Km)), day);
    }

    /// <summary>Without a place: every centre of the topic that passes the filters, by name (rotation among equal names).</summary>
    public static IReadOnlyList<CentreHit> List(CentreIndex index, CentreQuery query, IReadOnlySet<string>? topics, LocalDate day) =>
        Order(index.All.Select((c, i) => (c, i)).Where(x => index.Offers(x.i, topics) && query.Accepts(x.c)).Select(x => (x.c, MatchReason.Listed, (double?)null)), day);

    internal static IReadOnlyList<CentreHit> Order(IEnumerable<(PublishedCentre Centre, MatchReason Reason, double? Km)> hits, LocalDate day)
    {
        // Names rank only a list without a place; their (culture-aware, slow) comparison is skipped otherwise.
        var keyed = hits.Select(h => (Hit: h, Rank: (h.Reason, Km: WholeKm(h.Km),
            Name: h.Reason == MatchReason.Listed ? h.Centre.Record.Name.Resolve("de").Text : ""), Rotation: Rotation(day, h.Centre.Id))).ToList();
        var byName = keyed.Any(k => k.Rank.Name.Length > 0);
        var shared = keyed.GroupBy(k => k.Rank).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        var ordered = keyed.OrderBy(k => k.Rank.Reason).ThenBy(k => k.Rank.Km);
        if (byName) ordered = ordered.ThenBy(k => k.Rank.Name, StringComparer.CurrentCulture);
        return ordered.ThenBy(k => k.Rotation).ThenBy(k => k.Hit.Centre.Id)
            .Select(k => new CentreHit(k.Hit.Centre, k.Hit.Reason, k.Hit.Km, shared.Contains(k.Rank)))
            .ToList();
    }

    /// <summary>The distance as it ranks: whole kilometres (no place: behind every distance).</summary>
    internal static int WholeKm(double? km) => km is { } value ? (int)Math.Round(value, MidpointRounding.AwayFromZero) : int.MaxValue;

    /// <summary>A number fixed for one centre on one day (FNV-1a over the day and the id), different the next day.</summary>
    internal static ulong Rotation(LocalDate day, Guid centre)
    {
        Span<byte> bytes = stackalloc byte[20];
        BitConverter.TryWriteBytes(bytes, day.ToDateOnly().DayNumber);
        centre.TryWriteBytes(bytes[4..]);
        var hash = 14695981039346656037UL;
        foreach (var b in bytes) hash = (hash ^ b) * 1099511628211UL;
        return hash;
    }
}
