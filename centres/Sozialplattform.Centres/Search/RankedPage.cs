using System.Buffers;
using NodaTime;
using Sozialplattform.Centres.Geo;

namespace Sozialplattform.Centres.Search;

/// <summary>
/// The page of a ranking from hits whose whole kilometres are known only as a range (estimated distance ± its bound).
/// Let T be the <c>skip + take</c>-th smallest upper end of the hits' ranks: that many hits rank no later than T, so every
/// hit of the page ranks no later than T, and a hit whose lower end lies beyond T can neither be on the page nor share a
/// rank with one on it. Only the hits up to T are measured exactly and sorted — on a first page a few dozen of thousands.
/// </summary>
internal static class RankedPage
{
    /// <summary>A hit with its rank's range in whole kilometres; <see cref="Km"/> once the exact distance is known.</summary>
    internal readonly record struct Hit(int Centre, MatchReason Reason, double? Km, int LowKm, int HighKm);

    public static IReadOnlyList<CentreHit> Of(List<Hit> hits, Measure measure, LocalDate day, int skip, int take)
    {
        if (skip >= hits.Count || take <= 0) return [];
        var wanted = (int)Math.Min((long)skip + take, hits.Count);
        var uppers = ArrayPool<long>.Shared.Rent(hits.Count);
        long last;
        try
        {
            for (var i = 0; i < hits.Count; i++) uppers[i] = Key(hits[i].Reason, hits[i].HighKm);
            Array.Sort(uppers, 0, hits.Count);
            last = uppers[wanted - 1];
        }
        finally
        {
            ArrayPool<long>.Shared.Return(uppers);
        }

        var near = new List<(Hit Hit, int Km, ulong Rotation, Guid Id)>();
        foreach (var hit in hits)
        {
            if (Key(hit.Reason, hit.LowKm) > last) continue;
            var exact = measure.Exactly(hit);
            var centre = measure.Index[hit.Centre];
            near.Add((exact, exact.LowKm, CentreRanking.Rotation(day, centre.Id), centre.Id));
        }

        near.Sort((a, b) => a.Hit.Reason != b.Hit.Reason ? a.Hit.Reason.CompareTo(b.Hit.Reason)
            : a.Km != b.Km ? a.Km.CompareTo(b.Km)
            : a.Rotation != b.Rotation ? a.Rotation.CompareTo(b.Rotation)
            : a.Id.CompareTo(b.Id));
        var page = new List<CentreHit>(Math.Min(take, near.Count - skip));
        for (var i = skip; i < near.Count && i < skip + take; i++)
        {
            var (hit, km, _, _) = near[i];
            var shares = (i > 0 && SameRank(near[i - 1], near[i])) || (i + 1 < near.Count && SameRank(near[i + 1], near[i]));
            page.Add(new CentreHit(measure.Index[hit.Centre], hit.Reason, hit.Km, shares));
        }

        return page;

        static bool SameRank((Hit Hit, int Km, ulong, Guid) a, (Hit Hit, int Km, ulong, Guid) b) => a.Hit.Reason == b.Hit.Reason && a.Km == b.Km;
    }

    private static long Key(MatchReason reason, int wholeKm) => ((long)reason << 32) | (uint)wholeKm;
}

/// <summary>
/// Distances from the searched place: estimated on the sphere with their bound when both points lie in Germany's box
/// (where the bound is tested), else — and whenever asked for <see cref="Exactly"/> — measured on the ellipsoid.
/// </summary>
internal sealed class Measure(CentreIndex index, GeoPoint? from)
{
    private readonly bool _estimated = from is { InGermany: true } && index.AllInGermany;
    private readonly SpherePoint _origin = from is { } point ? SpherePoint.Of(point) : default;

    public CentreIndex Index => index;

    public RankedPage.Hit Hit(int centre, MatchReason reason)
    {
        if (from is null) return new(centre, reason, null, int.MaxValue, int.MaxValue);
        if (!_estimated) return Exact(centre, reason);
        var estimate = _origin.EstimateKm(index.Sphere(centre));
        return Estimated(centre, reason, estimate, SpherePoint.ErrorKm(estimate));
    }

    /// <summary>The hit of a centre that is not responsible when it lies within the radius (measured exactly only when the estimate cannot tell).</summary>
    public RankedPage.Hit? Within(int centre, double radiusKm)
    {
        if (_estimated)
        {
            var estimate = _origin.EstimateKm(index.Sphere(centre));
            var error = SpherePoint.ErrorKm(estimate);
            if (estimate - error > radiusKm) return null;
            if (estimate + error <= radiusKm) return Estimated(centre, MatchReason.Nearby, estimate, error);
        }

        var measured = Exact(centre, MatchReason.Nearby);
        return measured.Km <= radiusKm ? measured : null;
    }

    public RankedPage.Hit Exactly(RankedPage.Hit hit) => hit.Km is not null || from is null ? hit : Exact(hit.Centre, hit.Reason);

    private static RankedPage.Hit Estimated(int centre, MatchReason reason, double estimate, double error) =>
        new(centre, reason, null, CentreRanking.WholeKm(Math.Max(0, estimate - error)), CentreRanking.WholeKm(estimate + error));

    private RankedPage.Hit Exact(int centre, MatchReason reason)
    {
        var km = Distance.Kilometres(from!.Value, index[centre].Position);
        return new(centre, reason, km, CentreRanking.WholeKm(km), CentreRanking.WholeKm(km));
    }
}
