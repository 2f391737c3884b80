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
    public static IReadOnlyList<CentreHit> Rank(CentreIndex index, PostalCodePlace place, CentreQuery query, IReadOnlySet<string>? topics, LocalDate day)
    {
        var hits = new Dictionary<int, (MatchReason Reason, double? Km)>();
        foreach (var (centre, reason) in index.Responsible(place, topics))
            if (query.Accepts(index[centre])) hits[centre] = (reason, KmFrom(place, index[centre]));
        if (place.Position is { } from)
            foreach (var (centre, km) in index.Within(from, Math.Clamp(query.RadiusKm, 1, 500), topics))
                if (!hits.ContainsKey(centre) && query.Accepts(index[centre])) hits[centre] = (MatchReason.Nearby, km);
        return Order(hits.Select(h => (index[h.Key], h.Value.Reason, h.Value.Km)), day);
    }

    /// <summary>Without a place: every centre of the topic that passes the filters, by name (rotation among equal names).</summary>
    public static IReadOnlyList<CentreHit> List(CentreIndex index, CentreQuery query, IReadOnlySet<string>? topics, LocalDate day) =>
        Order(index.All.Select((c, i) => (c, i)).Where(x => index.Offers(x.i, topics) && query.Accepts(x.c)).Select(x => (x.c, MatchReason.Listed, (double?)null)), day);

    internal static IReadOnlyList<CentreHit> Order(IEnumerable<(PublishedCentre Centre, MatchReason Reason, double? Km)> hits, LocalDate day)
    {
        // Names rank only a list without a place; their (culture-aware, slow) comparison is skipped otherwise.
        var keyed = hits.Select(h => (Hit: h, Rank: (h.Reason, Km: h.Km is { } km ? (int)Math.Round(km, MidpointRounding.AwayFromZero) : int.MaxValue,
            Name: h.Reason == MatchReason.Listed ? h.Centre.Record.Name.Resolve("de").Text : ""), Rotation: Rotation(day, h.Centre.Id))).ToList();
        var byName = keyed.Any(k => k.Rank.Name.Length > 0);
        var shared = keyed.GroupBy(k => k.Rank).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        var ordered = keyed.OrderBy(k => k.Rank.Reason).ThenBy(k => k.Rank.Km);
        if (byName) ordered = ordered.ThenBy(k => k.Rank.Name, StringComparer.CurrentCulture);
        return ordered.ThenBy(k => k.Rotation).ThenBy(k => k.Hit.Centre.Id)
            .Select(k => new CentreHit(k.Hit.Centre, k.Hit.Reason, k.Hit.Km, shared.Contains(k.Rank)))
            .ToList();
    }

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

    private static double? KmFrom(PostalCodePlace place, PublishedCentre centre) =>
        place.Position is { } from ? Distance.Kilometres(from, centre.Position) : null;
}
