using Sozialplattform.Delivery.Geo;
using Sozialplattform.Delivery.Routing;
using Sozialplattform.Delivery.Tenants;
using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Routing;

namespace Sozialplattform.Delivery.Tests.Routing;

public sealed class RouterTests : IAsyncLifetime
{
    private readonly SqliteFile _file = new();
    private SozialDatabase _database = null!;
    private Router _router = null!;

    public async Task InitializeAsync()
    {
        _database = await _file.OpenAsync();
        await new TenantLoader(new RoutingTableStore(_database), TestChannels.All(_database)).LoadAllAsync(RepositoryPaths.Tenants);
        _router = new Router(new RoutingTableStore(_database), new GeoStore(_database));
    }

    public async Task DisposeAsync() => await _file.DisposeAsync();

    private async Task ImportGeoAsync()
    {
        var csv = RepositoryPaths.RequireShared("data", "geo", "zipcodes.de.csv");
        (await new GeoImporter(new GeoStore(_database)).ImportAsync(csv)).Success.ShouldBeTrue();
    }

    [SkippableFact]
    public async Task Every_NRW_postal_code_in_the_GeoNames_file_reaches_exactly_one_authority_per_service()
    {
        await ImportGeoAsync();
        var nrwPostalCodes = NrwKreiseByPostalCode();
        nrwPostalCodes.Count.ShouldBeGreaterThan(1000);
        // An office may serve several roles (and a Gemeinde's office is assigned by its 12-digit ARS): its Kreis is the first 5 digits.
        var kreisOf = (await new RoutingTableStore(_database).LoadTenantAsync("nrw")).Assignments
            .GroupBy(a => a.AuthorityId).ToDictionary(g => g.Key, g => g.First().ArsPrefix![..Math.Min(5, g.First().ArsPrefix!.Length)]);

        foreach (var (postalCode, kreise) in nrwPostalCodes)
        foreach (var (service, role) in new[] { ("buergergeld", "jobcenter"), ("grundsicherung", "sozialamt"), ("99107060058000", "sozialamt") })
        {
            var result = await _router.RouteAsync(new RouteRequest("nrw", service, postalCode));
            result.Problems.ShouldBeEmpty($"{service} at {postalCode}");
            var destination = result.Destinations.ShouldHaveSingleItem($"{service} at {postalCode}");
            destination.Authority.Role.ShouldBe(role);
            kreise.ShouldContain(kreisOf[destination.Authority.Id]!, $"{service} at {postalCode} went to {destination.Authority.Id}");
        }
    }

    [SkippableFact]
    public async Task A_postal_code_in_two_Kreise_goes_to_the_usual_one_and_names_the_other()
    {
        await ImportGeoAsync();
        var (postalCode, kreise) = NrwKreiseByPostalCode().First(p => p.Value.Count > 1);
        var result = await _router.RouteAsync(new RouteRequest("nrw", "buergergeld", postalCode));
        result.Destinations.ShouldHaveSingleItem();
        kreise.ShouldContain(result.Kreisschluessel!);
        result.OtherKreise.ShouldNotBeEmpty();

        var chosen = await _router.RouteAsync(new RouteRequest("nrw", "buergergeld", postalCode, Ars: result.OtherKreise[0]));
        chosen.Destinations.ShouldHaveSingleItem().Authority.Id.ShouldNotBe(result.Destinations[0].Authority.Id);
    }

    [Fact]
    public async Task A_tenant_without_geo_data_routes_by_its_postal_code_ranges()
    {
        var result = await _router.RouteAsync(new RouteRequest("hessen-beispiel", "buergergeld", "34119"));
        result.Destinations.ShouldHaveSingleItem().Authority.Id.ShouldBe("jobcenter-stadt-kassel");
        result.Destinations[0].Reason.ShouldBe("postal codes 34117-34134");
    }

    [Fact]
    public async Task An_assignment_for_one_service_wins_over_the_role_assignment()
    {
        (await _router.RouteAsync(new RouteRequest("hessen-beispiel", "wohnberechtigungsschein", "35039"))).Destinations.Single().Authority.Id.ShouldBe("wohnungsamt-stadt-marburg");
        (await _router.RouteAsync(new RouteRequest("hessen-beispiel", "wohnberechtigungsschein", "35091"))).Destinations.Single().Authority.Id.ShouldBe("sozialamt-marburg-biedenkopf");
    }

    [Fact]
    public async Task A_routing_rule_adds_a_copy_or_replaces_the_destination()
    {
        var copy = await _router.RouteAsync(new RouteRequest("hessen-beispiel", "grundsicherung", "34119") { RuleDestinations = [new RuleDestination("jobcenter", RuleMode.Additional)] });
        copy.Destinations.Select(d => d.Authority.Id).ShouldBe(["sozialamt-stadt-kassel", "jobcenter-stadt-kassel"]);

        var instead = await _router.RouteAsync(new RouteRequest("hessen-beispiel", "grundsicherung", "34119") { RuleDestinations = [new RuleDestination("jobcenter", RuleMode.Instead)] });
        instead.Destinations.Single().Authority.Id.ShouldBe("jobcenter-stadt-kassel");
    }

    [Fact]
    public async Task An_unroutable_request_says_why()
    {
        (await _router.RouteAsync(new RouteRequest("hessen-beispiel", "buergergeld", "99999"))).Problems
            .ShouldBe(["no authority with role 'jobcenter' for postal code 99999 (no geo data for this postal code and no matching postal-code range)"]);
        (await _router.RouteAsync(new RouteRequest("hessen-beispiel", "schuldnerberatung", "34119"))).Problems
            .ShouldBe(["service 'schuldnerberatung' is not offered by tenant 'hessen-beispiel' (routing.json maps no role to it)"]);
        (await _router.RouteAsync(new RouteRequest("bayern", "buergergeld", "80331"))).Problems
            .ShouldBe(["tenant 'bayern' has no authorities (is its configuration loaded?)"]);
    }

    [SkippableFact]
    public async Task Every_Hessen_postal_code_reaches_the_jobcenter_of_its_Kreis_for_every_SGB_II_service_of_the_example_tenant()
    {
        await ImportGeoAsync();
        var hessenPostalCodes = KreiseByPostalCode(statePrefix: "06");
        hessenPostalCodes.Count.ShouldBeGreaterThan(500);
        var table = await new RoutingTableStore(_database).LoadTenantAsync("hessen-beispiel");
        var kreisOf = table.Assignments.Where(a => a.ArsPrefix is not null).ToDictionary(a => a.AuthorityId, a => a.ArsPrefix);
        kreisOf.Values.Distinct().Count().ShouldBe(26, "21 Landkreise and 5 kreisfreie Städte");
        string[] sgb2 = ["buergergeld", "bildung-und-teilhabe", "einstiegsgeld", "mietrueckstaende", "eingliederung-langzeitarbeitsloser", "teilhabe-am-arbeitsmarkt",
            "freie-foerderung", "eingliederung-selbststaendiger", "avgs", "vermittlungsbudget", "arbeitsgelegenheiten", "kommunale-eingliederungsleistungen", "foerderung-junger-menschen"];

        foreach (var (postalCode, kreise) in hessenPostalCodes)
        foreach (var service in sgb2)
        {
            var result = await _router.RouteAsync(new RouteRequest("hessen-beispiel", service, postalCode));
            result.Problems.ShouldBeEmpty($"{service} at {postalCode}");
            var destination = result.Destinations.ShouldHaveSingleItem($"{service} at {postalCode}");
            destination.Authority.Role.ShouldBe("jobcenter");
            kreise.ShouldContain(kreisOf[destination.Authority.Id]!, $"{service} at {postalCode} went to {destination.Authority.Id}");
        }
    }

    private static Dictionary<string, HashSet<string>> NrwKreiseByPostalCode() => KreiseByPostalCode(statePrefix: "05");

    /// <summary>Postal code → its Kreisschlüssel in one state (05… NRW, 06… Hessen), read straight from ../shared.</summary>
    private static Dictionary<string, HashSet<string>> KreiseByPostalCode(string statePrefix)
    {
        var lines = File.ReadLines(RepositoryPaths.PostalCodeCsv).ToList();
        var header = CsvLine.Split(lines[0]);
        var (zip, code) = (header.IndexOf("zipcode"), header.IndexOf("community_code"));
        var result = new Dictionary<string, HashSet<string>>();
        foreach (var fields in lines.Skip(1).Select(CsvLine.Split).Where(f => f[code].StartsWith(statePrefix, StringComparison.Ordinal)))
        {
            if (!result.TryGetValue(fields[zip], out var set)) result[fields[zip]] = set = [];
            set.Add(fields[code]);
        }

        return result;
    }
}
