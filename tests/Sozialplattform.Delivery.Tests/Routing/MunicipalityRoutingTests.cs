using System.Text.Json.Nodes;
using Sozialplattform.Delivery.Channels;
using Sozialplattform.Delivery.Geo;
using Sozialplattform.Delivery.Routing;
using Sozialplattform.Delivery.Tenants;
using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Storage.Routing;

namespace Sozialplattform.Delivery.Tests.Routing;

/// <summary>
/// <c>municipalities.json</c> (Gemeinden by 12-digit ARS) and the <c>answerRules</c> of routing.json on a small tenant
/// without postal-code data: what they route, and what happens to each kind of bad entry.
/// </summary>
public sealed class MunicipalityRoutingTests
{
    private static readonly ChannelRegistry Channels = TestChannels.All();

    private const string Authorities = """
        {
          "authorities": [
            { "id": "kreis", "name": "Sozialamt Kreis Borken", "role": "sozialamt", "address": ["Kreis Borken"], "channel": { "type": "inbox" } },
            { "id": "bocholt", "name": "Stadt Bocholt – Fachbereich Soziales", "role": "sozialamt", "address": ["Stadt Bocholt"], "channel": { "type": "inbox" } },
            { "id": "rhede", "name": "Stadt Rhede – Fachbereich Soziales", "role": "sozialamt", "address": ["Stadt Rhede"], "channel": { "type": "inbox" } },
            { "id": "jobcenter", "name": "Jobcenter Kreis Borken", "role": "jobcenter", "address": ["Jobcenter Kreis Borken"], "channel": { "type": "inbox" } }
          ]
        }
        """;

    private const string Routing = """
        {
          "services": { "asylblg": "asylbewerberleistungen", "bildung-und-teilhabe": "sozialamt" },
          "answerRules": [ { "service": "bildung-und-teilhabe", "answer": "familie.leistungsbezug", "values": ["asylblg"], "role": "asylbewerberleistungen" } ],
          "assignments": [
            { "role": "sozialamt", "postalCodes": ["46395"], "authority": "kreis" },
            { "role": "asylbewerberleistungen", "ars": "05554", "authority": "kreis" },
            { "role": "asylbewerberleistungen", "ars": "055540008008", "authority": "bocholt" },
            { "role": "asylbewerberleistungen", "ars": "055540048048", "authority": "rhede" }
          ]
        }
        """;

    private const string Municipalities = """
        { "municipalities": [
          { "ars": "055540008008", "name": "Bocholt", "postalCodes": ["46395", "46399"] },
          { "ars": "055540048048", "name": "Rhede", "postalCodes": ["46414", "46399"] }
        ] }
        """;

    private static IReadOnlyList<string> ProblemsOf(TenantFolder folder) =>
        TenantLoader.ReadAll(folder.TenantsRoot, Channels).Problems.Select(p => p.ToString()).ToList();

    private static async Task<Router> RouterAsync(TenantFolder folder, SqliteFile file, params string[] geoRows)
    {
        var database = await file.OpenAsync();
        await new TenantLoader(new RoutingTableStore(database), Channels).LoadAllAsync(folder.TenantsRoot);
        var folders = TenantFolderRouting.Load(folder.TenantsRoot);
        if (geoRows.Length > 0)
        {
            var csv = Path.Combine(folder.TenantsRoot, "places.csv");
            File.WriteAllLines(csv, ["country_code,zipcode,place,state,state_code,province,province_code,community,community_code,latitude,longitude", .. geoRows]);
            (await new GeoImporter(new GeoStore(database)).ImportAsync(csv)).Success.ShouldBeTrue();
        }

        return new Router(new RoutingTableStore(database), new GeoStore(database), folders: folders);
    }

    private static TenantFolder Probe()
    {
        var folder = new TenantFolder(authorities: Authorities, routing: Routing);
        folder.Write("municipalities.json", Municipalities);
        return folder;
    }

    [Fact]
    public async Task A_postal_code_in_one_listed_Gemeinde_routes_to_its_office_and_one_in_two_asks_for_a_choice()
    {
        using var folder = Probe();
        await using var file = new SqliteFile();
        var router = await RouterAsync(folder, file);

        (await router.RouteAsync(new RouteRequest("probe", "asylblg", "46395"))).Destinations.Single().Authority.Id.ShouldBe("bocholt");
        (await router.RouteAsync(new RouteRequest("probe", "asylblg", "46414"))).Destinations.Single().Authority.Id.ShouldBe("rhede");
        (await router.RouteAsync(new RouteRequest("probe", "asylblg", "46399", Ars: "055540048048"))).Destinations.Single().Authority.Id.ShouldBe("rhede");
        (await router.RouteAsync(new RouteRequest("probe", "asylblg", "46399"))).Problems.ShouldBe([
            "no authority with role 'asylbewerberleistungen' for postal code 46399 (no geo data for this postal code and no matching postal-code range) (postal code 46399 lies in several Gemeinden: Bocholt 055540008008, Rhede 055540048048; choose one)"]);
    }

    [Fact]
    public async Task A_postal_code_shared_by_two_Gemeinden_of_its_usual_Kreis_waits_for_the_choice_and_never_goes_to_the_other_Kreis()
    {
        // 46399: two places in Kreis Borken (Bocholt, Rhede: the usual Kreis), one in Kreis Coesfeld, whose Gemeinde Coesfeld also lists it.
        using var folder = new TenantFolder(
            authorities: Authorities.Replace("""{ "id": "jobcenter",""", """{ "id": "coesfeld", "name": "Stadt Coesfeld", "role": "asylbewerberleistungen", "address": ["Stadt Coesfeld"], "channel": { "type": "inbox" } }, { "id": "jobcenter","""),
            routing: Routing.Replace("""{ "role": "asylbewerberleistungen", "ars": "05554", "authority": "kreis" },""", """{ "role": "asylbewerberleistungen", "ars": "055580012012", "authority": "coesfeld" },"""));
        folder.Write("municipalities.json", Municipalities.Replace("""["46414", "46399"] }""", """["46414", "46399"] }, { "ars": "055580012012", "name": "Coesfeld", "postalCodes": ["46399"] }"""));
        await using var file = new SqliteFile();
        var router = await RouterAsync(folder, file,
            "DE,46399,Bocholt,Nordrhein-Westfalen,NW,Reg.-Bez. Münster,055,Borken,05554,51.83,6.61",
            "DE,46399,Rhede,Nordrhein-Westfalen,NW,Reg.-Bez. Münster,055,Borken,05554,51.83,6.69",
            "DE,46399,Coesfeld,Nordrhein-Westfalen,NW,Reg.-Bez. Münster,055,Coesfeld,05558,51.94,7.16");

        var alone = await router.RouteAsync(new RouteRequest("probe", "asylblg", "46399"));
        alone.Destinations.ShouldBeEmpty();
        alone.Problems.ShouldHaveSingleItem().ShouldEndWith("(postal code 46399 lies in several Gemeinden: Bocholt 055540008008, Rhede 055540048048; choose one)");
        alone.OtherKreise.ShouldBe(["05558"]);
        (await router.RouteAsync(new RouteRequest("probe", "asylblg", "46399", Ars: "055540048048"))).Destinations.Single().Authority.Id.ShouldBe("rhede");
        (await router.RouteAsync(new RouteRequest("probe", "asylblg", "46399", Ars: "05558"))).Destinations.Single().Authority.Id.ShouldBe("coesfeld");
    }

    [Fact]
    public async Task An_answer_rule_chooses_the_role_and_other_answers_keep_the_usual_one()
    {
        using var folder = Probe();
        await using var file = new SqliteFile();
        var router = await RouterAsync(folder, file);
        RouteRequest But(string benefit) => new("probe", "bildung-und-teilhabe", "46395") { Answers = new JsonObject { ["familie"] = new JsonObject { ["leistungsbezug"] = benefit } } };

        (await router.RouteAsync(But("asylblg"))).Destinations.Single().Authority.Id.ShouldBe("bocholt");
        (await router.RouteAsync(But("wohngeld"))).Destinations.Single().Authority.Id.ShouldBe("kreis");
        (await router.RouteAsync(new RouteRequest("probe", "bildung-und-teilhabe", "46395"))).Destinations.Single().Authority.Id.ShouldBe("kreis");
    }

    [Fact]
    public void The_shipped_nrw_tenant_lists_the_17_Gemeinden_of_Kreis_Borken_and_Koeln()
    {
        var gemeinden = TenantFolderRouting.Load(RepositoryPaths.Tenants).Municipalities("nrw");
        gemeinden.Count(m => m.Kreis == "05554").ShouldBe(17);
        var koeln = gemeinden.Single(m => m.Kreis == "05315");
        (koeln.Ars, koeln.Name, koeln.PostalCodes.Count).ShouldBe(("053150000000", "Köln", 0), "a kreisfreie Stadt is its whole Kreis");
    }

    [Theory]
    [InlineData("""{ "municipalities": [ { "ars": "05554008", "name": "Bocholt" } ] }""", "tenants/probe/municipalities.json: municipalities[0]: 'ars' must be the 12-digit Amtlicher Regionalschlüssel of the Gemeinde, not '05554008'")]
    [InlineData("""{ "municipalities": [ { "ars": "055540008008", "name": "Bocholt", "postalCodes": ["4639"] } ] }""", "tenants/probe/municipalities.json: municipalities[0]: bad postal code '4639': use 5 digits")]
    [InlineData("""{ "municipalities": [ { "ars": "055540008008", "name": "Bocholt" }, { "ars": "055540008008", "name": "Bocholt" } ] }""", "tenants/probe/municipalities.json: municipalities[1]: ARS 055540008008 is listed twice")]
    [InlineData("""{ "municipalities": [ { "ars": "055540008008", "name": "Bocholt" }, { "ars": "055540048048", "name": "Rhede", "postalCodes": ["46414"] } ] }""", "tenants/probe/municipalities.json: Kreis 05554: 'Bocholt' has no 'postalCodes', which means the whole Kreis, but the Kreis has other Gemeinden too")]
    [InlineData("""{ "municipalities": [ { "name": "Bocholt" } ] }""", "tenants/probe/municipalities.json: municipalities[0]: 'ars' is missing")]
    [InlineData("""{ "municipalities": [ """, "tenants/probe/municipalities.json: malformed JSON at line 1")]
    public void A_bad_municipalities_file_is_reported_with_file_and_entry(string content, string problem)
    {
        using var folder = new TenantFolder(authorities: Authorities, routing: Routing);
        folder.Write("municipalities.json", content);

        ProblemsOf(folder).ShouldHaveSingleItem().ShouldStartWith(problem);
    }

    [Fact]
    public void An_assignment_to_a_Gemeinde_the_municipalities_file_does_not_list_is_reported()
    {
        using var folder = new TenantFolder(authorities: Authorities, routing: Routing.Replace("055540048048", "055540048049"));
        folder.Write("municipalities.json", Municipalities);

        ProblemsOf(folder).ShouldBe(["tenants/probe/routing.json: assignments[3]: ARS 055540048049 is no Gemeinde of tenants/probe/municipalities.json, so no postal code would ever reach it"]);
    }

    [Theory]
    [InlineData("""{ "service": "bildung-und-teilhabe", "answer": "leistungsbezug", "values": [], "role": "sozialamt" }""", "tenants/probe/routing.json: answerRules[0]: 'values' must list at least one answer value (a non-empty string, e.g. an option code)")]
    [InlineData("""{ "service": "buergergeld", "answer": "leistungsbezug", "values": ["x"], "role": "sozialamt" }""", "tenants/probe/routing.json: answerRules[0]: service 'buergergeld' is not in 'services'; map it to its usual role first")]
    [InlineData("""{ "service": "bildung-und-teilhabe", "answer": "leistungsbezug", "values": ["x"], "role": "jobcentre" }""", "tenants/probe/routing.json: answerRules[0]: role 'jobcentre' has no assignment, so this rule could never be routed")]
    [InlineData("""{ "service": "bildung-und-teilhabe", "values": ["x"], "role": "sozialamt" }""", "tenants/probe/routing.json: answerRules[0]: 'answer' is missing")]
    public void A_bad_answer_rule_is_reported_with_file_and_entry(string rule, string problem)
    {
        var routing = (JsonObject)JsonNode.Parse(Routing)!;
        routing["answerRules"] = new JsonArray(JsonNode.Parse(rule));
        using var folder = new TenantFolder(authorities: Authorities, routing: routing.ToJsonString());
        folder.Write("municipalities.json", Municipalities);

        ProblemsOf(folder).ShouldBe([problem]);
    }
}
