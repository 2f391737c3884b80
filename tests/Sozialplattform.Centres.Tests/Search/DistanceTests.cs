using Sozialplattform.Centres.Geo;
using Sozialplattform.Centres.Tests.Infrastructure;

namespace Sozialplattform.Centres.Tests.Search;

public sealed class DistanceTests
{
    [Fact]
    public void The_distance_matches_the_geodetic_reference_line_to_the_millimetre()
    {
        // Vincenty's own published example (Flinders Peak → Buninyong, 54 972.271 m on WGS 84 / GRS 80).
        var flindersPeak = new GeoPoint(-(37 + 57 / 60.0 + 3.72030 / 3600), 144 + 25 / 60.0 + 29.52440 / 3600);
        var buninyong = new GeoPoint(-(37 + 39 / 60.0 + 10.15610 / 3600), 143 + 55 / 60.0 + 35.38390 / 3600);

        Distance.Metres(flindersPeak, buninyong).ShouldBe(54_972.271, 0.01);
    }

    [Theory]
    [InlineData("50667", "53111", 24.749)]
    [InlineData("50667", "40213", 34.257)]
    [InlineData("50667", "10117", 477.669)]
    public void Distances_between_German_postal_codes_are_correct_to_100_metres(string from, string to, double expectedKm)
    {
        var places = new[] { TestCentres.Koeln, TestCentres.Bonn, TestCentres.Duesseldorf, TestCentres.Berlin }.ToDictionary(p => p.PostalCode);

        Distance.Kilometres(places[from].Position!.Value, places[to].Position!.Value).ShouldBe(expectedKm, 0.1);
    }

    [Fact]
    public void The_same_point_is_zero_kilometres_away() =>
        Distance.Metres(TestCentres.Koeln.Position!.Value, TestCentres.Koeln.Position.Value).ShouldBe(0);
}
