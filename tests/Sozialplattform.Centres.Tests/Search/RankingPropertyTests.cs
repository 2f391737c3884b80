using CsCheck;
using NodaTime;
using Sozialplattform.Centres.Geo;
using Sozialplattform.Centres.Records;
using Sozialplattform.Centres.Search;
using Sozialplattform.Centres.Tests.Infrastructure;

namespace Sozialplattform.Centres.Tests.Search;

/// <summary>
/// The finder ranks with distances estimated on a sphere and measures exactly only the hits that can reach the page.
/// Whatever the directory, place, radius, topic and page, that page equals the page of ranking every hit exactly — the
/// same centres in the same order, with the same reasons, distances and shared ranks — and the total is the same.
/// </summary>
public sealed class RankingPropertyTests
{
    private static readonly string[] Topics = ["schuldnerberatung", "suchtberatung", "sucht-alkohol", "wohnungsnotfallhilfe"];
    private static readonly PostalCodePlace[] Places = [TestCentres.Koeln, TestCentres.Bonn, TestCentres.Dortmund, TestCentres.Berlin];

    private static Gen<T> Pick<T>(T[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    private static readonly Gen<GeoPoint> InGermany = Gen.Select(Gen.Double[47.2, 55.1], Gen.Double[5.8, 15.1]).Select((lat, lon) => new GeoPoint(lat, lon));

    /// <summary>Near Köln, often on a coarse grid so that centres share a kilometre (and rotate), sometimes anywhere in Germany.</summary>
    private static readonly Gen<GeoPoint> Position = Gen.OneOf(
        Gen.Select(Gen.Int[0, 12], Gen.Int[0, 12]).Select((a, b) => new GeoPoint(50.6 + a * 0.05, 6.6 + b * 0.07)),
        Gen.Select(Gen.Double[50.4, 51.5], Gen.Double[6.3, 7.6]).Select((lat, lon) => new GeoPoint(lat, lon)),
        InGermany);

    private static readonly Gen<Catchment> Catchments = Gen.OneOf(
        Gen.Const(new Catchment { PostalCodes = ["50667"] }),
        Gen.Const(new Catchment { PostalCodes = ["50600-50999"] }),
        Gen.Const(new Catchment { Kreise = ["05315"] }),
        Gen.Const(new Catchment { States = ["05"] }),
        Gen.Const(new Catchment { Online = true }),
        Gen.Const(new Catchment { PostalCodes = ["10117"] }));

    private static readonly Gen<PublishedCentre> Centre =
        Gen.Select(Position, Gen.Select(Pick(Topics), Catchments).Select((t, c) => new Offer(t, c)).Array[1, 3], Gen.Bool, Gen.Guid)
            .Select((at, offers, turkish, id) => new PublishedCentre(id, TestCentres.Centre($"c-{id:N}", TestCentres.Koeln) with
            {
                Address = new Address("Musterstraße 1", "50667", "Köln") { Latitude = at.Latitude, Longitude = at.Longitude },
                Offers = offers.DistinctBy(o => o.Topic).ToList(),
                Languages = turkish ? ["de", "tr"] : ["de"],
            }, at, "05", null));

    private static readonly Gen<(CentreIndex Index, PostalCodePlace Place, CentreQuery Query, IReadOnlySet<string>? Topics, int Skip, int Take)> Search =
        Gen.Select(Centre.Array[0, 80], Pick(Places), Gen.Int[1, 120], Pick<string?>([null, "suchtberatung", "sucht-alkohol", "schuldnerberatung"]),
                Gen.Bool, Gen.Int[0, 4], Gen.Int[1, 20])
            .Select((centres, place, radius, topic, turkish, page, take) => (new CentreIndex(centres), place,
                new CentreQuery { Topic = topic, RadiusKm = radius, Language = turkish ? "tr" : null },
                topic is null ? null : (IReadOnlySet<string>)Sozialplattform.Centres.Topics.TopicTaxonomy.BuiltIn.Matching(topic), page * take, take));

    [Fact]
    public void A_page_ranked_from_estimated_distances_equals_the_page_of_ranking_every_hit_exactly() => Search.Sample(search =>
    {
        var (index, place, query, topics, skip, take) = search;
        var day = new LocalDate(2026, 12, 6);

        var (page, total) = CentreRanking.Rank(index, place, query, topics, day, skip, take);
        var all = CentreRanking.RankAll(index, place, query, topics, day);

        total.ShouldBe(all.Count);
        page.ShouldBe(all.Skip(skip).Take(take).ToList());
    }, iter: 2_000);

    [Fact]
    public void The_estimated_distance_lies_within_its_bound_of_the_exact_one_anywhere_in_Germany() =>
        Gen.Select(InGermany, InGermany, Gen.Double[0, 0.3], Gen.Double[0, 0.3]).Sample((from, to, dLat, dLon) =>
        {
            foreach (var other in new[] { to, new GeoPoint(Math.Min(55.1, from.Latitude + dLat), Math.Min(15.1, from.Longitude + dLon)) })
            {
                var estimate = SpherePoint.Of(from).EstimateKm(SpherePoint.Of(other));
                Math.Abs(estimate - Distance.Kilometres(from, other)).ShouldBeLessThanOrEqualTo(SpherePoint.ErrorKm(estimate));
            }
        }, iter: 20_000);
}
