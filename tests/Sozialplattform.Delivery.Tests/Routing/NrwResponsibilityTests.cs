using System.Text.Json.Nodes;
using Microsoft.VisualBasic.FileIO;
using Sozialplattform.Delivery.Geo;
using Sozialplattform.Delivery.Routing;
using Sozialplattform.Delivery.Tenants;
using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Engine;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Routing;

namespace Sozialplattform.Delivery.Tests.Routing;

/// <summary>
/// The shipped <c>nrw</c> tenant routes every service to the kind of office that is really responsible, checked for real
/// postal codes: Köln (kreisfreie Stadt, Regierungsbezirk Köln → LVR), Bocholt (große kreisangehörige Stadt with its own
/// Wohnungsamt in Kreis Borken, which delegates Sozialhilfe and AsylbLG to its Gemeinden; Münster → LWL), Heek (a rural
/// Gemeinde of Kreis Borken without a Wohnungsamt of its own), Düsseldorf (→ LVR), Höxter (mittlere kreisangehörige Stadt:
/// AsylbLG and WBS at the Stadt, Sozialhilfe at the Kreis; Detmold → LWL), Altenberge and Hopsten (rural Gemeinden of Kreis
/// Steinfurt: AsylbLG at the Gemeinde, WBS at the Kreis), Horstmar (a small Stadt without a Wohnungsamt), Neuss (große
/// kreisangehörige Stadt; Düsseldorf → LVR) and Aachen (the Stadt in the Städteregion). Answers go through the real forms'
/// routing rules and the tenant's answer rules. Every postal code of the GeoNames file in a Kreis whose Gemeinden are listed
/// reaches a Gemeinde of one of the code's Kreise for AsylbLG, or the choice between Gemeinden.
/// </summary>
public sealed class NrwResponsibilityTests(NrwResponsibilityTests.NrwRouting nrw) : IClassFixture<NrwResponsibilityTests.NrwRouting>
{
    private static readonly string[] SgbII = ["buergergeld", "eingliederung-langzeitarbeitsloser", "teilhabe-am-arbeitsmarkt", "einstiegsgeld", "freie-foerderung",
        "eingliederung-selbststaendiger", "avgs", "vermittlungsbudget", "arbeitsgelegenheiten", "kommunale-eingliederungsleistungen", "foerderung-junger-menschen"];

    /// <summary>Postal code → the expected office per kind (jobcenter, Sozialhilfe, AsylbLG, Träger der Sozialhilfe, WBS, Soziale Entschädigung).</summary>
    private static readonly Dictionary<string, Expected> Places = new()
    {
        ["50667"] = new("jobcenter-koeln", "sozialamt-koeln", "sozialamt-koeln", "sozialamt-koeln", "wohnungsamt-koeln", "lvr-soziale-entschaedigung"),
        ["46395"] = new("jobcenter-kreis-borken", "soziales-bocholt", "soziales-bocholt", "sozialamt-kreis-borken", "wohnungsamt-bocholt", "lwl-soziale-entschaedigung"),
        ["48619"] = new("jobcenter-kreis-borken", "soziales-heek", "soziales-heek", "sozialamt-kreis-borken", "wohnungsamt-kreis-borken", "lwl-soziale-entschaedigung"),
        ["40213"] = new("jobcenter-duesseldorf", "sozialamt-duesseldorf", "sozialamt-duesseldorf", "sozialamt-duesseldorf", "wohnungsamt-duesseldorf", "lvr-soziale-entschaedigung"),
        ["37671"] = new("jobcenter-kreis-hoexter", "sozialamt-kreis-hoexter", "soziales-hoexter", "sozialamt-kreis-hoexter", "wohnungsamt-hoexter", "lwl-soziale-entschaedigung"),
        ["48341"] = new("jobcenter-kreis-steinfurt", "sozialamt-kreis-steinfurt", "soziales-altenberge", "sozialamt-kreis-steinfurt", "wohnungsamt-kreis-steinfurt", "lwl-soziale-entschaedigung"),
        ["48496"] = new("jobcenter-kreis-steinfurt", "sozialamt-kreis-steinfurt", "soziales-hopsten", "sozialamt-kreis-steinfurt", "wohnungsamt-kreis-steinfurt", "lwl-soziale-entschaedigung"),
        ["48612"] = new("jobcenter-kreis-steinfurt", "sozialamt-kreis-steinfurt", "soziales-horstmar", "sozialamt-kreis-steinfurt", "wohnungsamt-kreis-steinfurt", "lwl-soziale-entschaedigung"),
        ["41460"] = new("jobcenter-rhein-kreis-neuss", "sozialamt-rhein-kreis-neuss", "soziales-neuss", "sozialamt-rhein-kreis-neuss", "wohnungsamt-neuss", "lvr-soziale-entschaedigung"),
        ["52062"] = new("jobcenter-staedteregion-aachen", "sozialamt-staedteregion-aachen", "soziales-aachen", "sozialamt-staedteregion-aachen", "wohnungsamt-aachen", "lvr-soziale-entschaedigung"),
    };

    public static TheoryData<string, string, string?, string> Cases()
    {
        var data = new TheoryData<string, string, string?, string>();
        foreach (var (postalCode, expected) in Places)
        {
            foreach (var service in SgbII) data.Add(postalCode, service, null, expected.Jobcenter);
            data.Add(postalCode, "hilfe-zum-lebensunterhalt", null, expected.Sozialhilfe);
            data.Add(postalCode, "grundsicherung", null, expected.Sozialhilfe);
            data.Add(postalCode, "geringverdiener-bescheinigung", null, expected.Sozialhilfe);
            data.Add(postalCode, "besondere-soziale-schwierigkeiten", null, expected.Traeger);
            data.Add(postalCode, "asylblg", null, expected.Asyl);
            data.Add(postalCode, "wohnberechtigungsschein", null, expected.Wohnungsamt);
            data.Add(postalCode, "soziale-entschaedigung", null, expected.Landschaftsverband);
            data.Add(postalCode, "bildung-und-teilhabe", "buergergeld", expected.Jobcenter);
            data.Add(postalCode, "bildung-und-teilhabe", "wohngeld", expected.Sozialhilfe);
            data.Add(postalCode, "bildung-und-teilhabe", "kinderzuschlag", expected.Sozialhilfe);
            data.Add(postalCode, "bildung-und-teilhabe", "asylblg", expected.Asyl);
            data.Add(postalCode, "mietrueckstaende", "buergergeld", expected.Jobcenter);
            data.Add(postalCode, "mietrueckstaende", "keine", expected.Sozialhilfe);
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public async Task Each_service_reaches_the_office_that_is_really_responsible_at_a_real_postal_code(string postalCode, string service, string? leistungsbezug, string expected)
    {
        var request = new RouteRequest("nrw", service, postalCode);
        if (leistungsbezug is not null)
        {
            var answers = new JsonObject { ["leistungsbezug"] = leistungsbezug };
            request = request with { Answers = answers, RuleDestinations = RuleDestination.FromEngine(NrwRouting.NewestForm(service).RoutingDestinations(answers)) };
        }

        var result = await (await nrw.RouterAsync()).RouteAsync(request);

        result.Problems.ShouldBeEmpty($"{service} at {postalCode}");
        result.Destinations.ShouldHaveSingleItem($"{service} at {postalCode}").Authority.Id.ShouldBe(expected, $"{service} ({leistungsbezug}) at {postalCode}");
    }

    [SkippableFact]
    public async Task A_postal_code_of_a_listed_Gemeinde_routes_by_its_12_digit_ARS_and_says_so()
    {
        var result = await (await nrw.RouterAsync()).RouteAsync(new RouteRequest("nrw", "asylblg", "46395"));

        result.Ars.ShouldBe("055540008008");
        result.Kreisschluessel.ShouldBe("05554");
        result.Destinations.Single().Reason.ShouldBe("ARS 055540008008 (Bocholt)");
        result.Destinations.Single().Authority.Name.ShouldBe("Stadt Bocholt – Fachbereich Soziales");
    }

    [SkippableFact]
    public async Task Every_postal_code_of_Kreis_Borken_reaches_the_Gemeinde_for_AsylbLG_and_never_the_Kreis()
    {
        var router = await nrw.RouterAsync();
        var gemeinden = TenantFolderRouting.Load(RepositoryPaths.Tenants).Municipalities("nrw").Where(m => m.Kreis == "05554").ToList();
        gemeinden.Count.ShouldBe(17, "Kreis Borken has 17 Städte und Gemeinden");

        foreach (var gemeinde in gemeinden)
        foreach (var postalCode in gemeinde.PostalCodes)
        {
            var result = await router.RouteAsync(new RouteRequest("nrw", "asylblg", postalCode));
            result.Ars.ShouldBe(gemeinde.Ars, postalCode);
            result.Destinations.Single().Authority.Id.ShouldStartWith("soziales-", customMessage: postalCode);
        }
    }

    [SkippableTheory]
    [InlineData("48341", "Gemeinde Altenberge – Sozialamt")]
    [InlineData("48612", "Stadt Horstmar – Fachbereich Soziales")]
    [InlineData("52062", "Stadt Aachen – Fachbereich Soziales")]
    public async Task A_Gemeinde_office_is_named_as_Stadt_or_Gemeinde_by_the_official_list(string postalCode, string name)
    {
        var result = await (await nrw.RouterAsync()).RouteAsync(new RouteRequest("nrw", "asylblg", postalCode));
        result.Destinations.Single().Authority.Name.ShouldBe(name);
    }

    [Fact]
    public void The_shipped_tenant_lists_all_396_Gemeinden_of_NRW_with_their_12_digit_ARS()
    {
        var gemeinden = TenantFolderRouting.Load(RepositoryPaths.Tenants).Municipalities("nrw");

        gemeinden.Count.ShouldBe(396);
        gemeinden.Select(g => g.Kreis).Distinct().Count().ShouldBe(53, "23 kreisfreie Städte, 30 Kreise and the Städteregion Aachen");
        gemeinden.Count(g => g.PostalCodes.Count == 0).ShouldBe(22, "a kreisfreie Stadt is its whole Kreis; Aachen shares the Städteregion");
        gemeinden.Where(g => g.PostalCodes.Count > 0).ShouldAllBe(g => g.PostalCodes.Count > 0 && g.Ars.Substring(5, 1) == "0" && g.Ars.Substring(6, 3) == g.Ars.Substring(9, 3));
        gemeinden.Single(g => g.Ars == "055540008008").Name.ShouldBe("Bocholt");
        gemeinden.Single(g => g.Ars == "055660004004").Name.ShouldBe("Altenberge");
        gemeinden.Single(g => g.Ars == "053150000000").Name.ShouldBe("Köln");
        gemeinden.Single(g => g.Ars == "053340002002").Name.ShouldBe("Aachen");
    }

    [SkippableFact]
    public async Task Every_postal_code_of_a_Kreis_with_listed_Gemeinden_reaches_a_Gemeinde_of_its_Kreise_for_AsylbLG_never_the_Kreis()
    {
        var router = await nrw.RouterAsync();
        var gemeinden = TenantFolderRouting.Load(RepositoryPaths.Tenants).Municipalities("nrw");
        var listedKreise = gemeinden.GroupBy(g => g.Kreis).Where(k => k.Count() > 1).Select(k => k.Key).ToHashSet();
        listedKreise.Count.ShouldBe(31, "30 Kreise and the Städteregion Aachen");
        var offices = (await nrw.AssignmentsAsync()).Where(a => a.Role == "asylbewerberleistungen").ToDictionary(a => a.ArsPrefix!, a => a.AuthorityId);
        offices.Keys.ShouldNotContain(k => listedKreise.Contains(k), "AsylbLG is never the Kreis's where its Gemeinden are listed");
        string OfficeOf(MunicipalityConfig g) => offices[g.PostalCodes.Count == 0 ? g.Kreis : g.Ars];

        var codes = NrwResidentialPostalCodes();
        var checkedCodes = 0;
        foreach (var (postalCode, kreise) in codes.Where(c => c.Value.Overlaps(listedKreise)))
        {
            var result = await router.RouteAsync(new RouteRequest("nrw", "asylblg", postalCode));
            var candidates = gemeinden.Where(g => kreise.Contains(g.Kreis) && (g.PostalCodes.Count == 0 || g.PostalCodes.Contains(postalCode))).ToList();
            candidates.ShouldNotBeEmpty($"{postalCode} lies in no listed Gemeinde of {string.Join(", ", kreise)}");
            if (result.Destinations.Count == 1)
                candidates.Select(OfficeOf).ShouldContain(result.Destinations[0].Authority.Id, $"AsylbLG at {postalCode} went to {result.Destinations[0].Authority.Id}");
            else
            {
                result.Problems.ShouldHaveSingleItem(postalCode).ShouldContain("choose one");
                foreach (var g in candidates.Where(g => g.Kreis == result.Kreisschluessel))
                {
                    result.Problems[0].ShouldContain($"{g.Name} {g.Ars}");
                    (await router.RouteAsync(new RouteRequest("nrw", "asylblg", postalCode, g.Ars))).Destinations.Single().Authority.Id.ShouldBe(OfficeOf(g), postalCode);
                }
            }

            checkedCodes++;
        }

        checkedCodes.ShouldBeGreaterThan(500);
        // A code in one Gemeinde and one Kreis routes to exactly that Gemeinde, named by its 12-digit ARS.
        foreach (var g in gemeinden.Where(g => listedKreise.Contains(g.Kreis)))
        foreach (var postalCode in g.PostalCodes.Where(c => codes.TryGetValue(c, out var k) && k.Count == 1 && gemeinden.Count(o => o.PostalCodes.Contains(c)) == 1))
        {
            var result = await router.RouteAsync(new RouteRequest("nrw", "asylblg", postalCode));
            (result.Ars, result.Destinations.Single().Authority.Id).ShouldBe((g.Ars, OfficeOf(g)), postalCode);
        }
    }

    [SkippableFact]
    public async Task A_postal_code_shared_by_two_Gemeinden_asks_for_the_choice_and_each_choice_reaches_its_own_office()
    {
        var router = await nrw.RouterAsync();

        var alone = await router.RouteAsync(new RouteRequest("nrw", "asylblg", "52538"));
        alone.Destinations.ShouldBeEmpty();
        alone.Problems.ShouldHaveSingleItem().ShouldEndWith("(postal code 52538 lies in several Gemeinden: Gangelt 053700008008, Selfkant 053700024024; choose one)");
        (await router.RouteAsync(new RouteRequest("nrw", "asylblg", "52538", "053700008008"))).Destinations.Single().Authority.Name.ShouldBe("Gemeinde Gangelt – Sozialamt");
        (await router.RouteAsync(new RouteRequest("nrw", "asylblg", "52538", "053700024024"))).Destinations.Single().Authority.Name.ShouldBe("Gemeinde Selfkant – Sozialamt");
        // The Kreis's services need no choice.
        (await router.RouteAsync(new RouteRequest("nrw", "grundsicherung", "52538"))).Destinations.Single().Authority.Id.ShouldBe("sozialamt-kreis-heinsberg");
        (await router.RouteAsync(new RouteRequest("nrw", "wohnberechtigungsschein", "52538"))).Destinations.Single().Authority.Id.ShouldBe("wohnungsamt-kreis-heinsberg");
    }

    /// <summary>The NRW postal codes of the GeoNames file with their Kreise, without large-customer codes (a company or an office as place).</summary>
    private static Dictionary<string, HashSet<string>> NrwResidentialPostalCodes()
    {
        var result = new Dictionary<string, HashSet<string>>();
        using var parser = new TextFieldParser(RepositoryPaths.RequireShared("data", "geo", "zipcodes.de.csv")) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        parser.ReadFields();
        while (parser.ReadFields() is { } cells)
        {
            // Large-customer rows carry the Land's number (07) instead of its abbreviation (NW).
            if (cells[4] != "NW" || !cells[8].StartsWith("05", StringComparison.Ordinal)) continue;
            (result.TryGetValue(cells[1], out var kreise) ? kreise : result[cells[1]] = []).Add(cells[8]);
        }

        return result;
    }

    /// <summary>One database with the shipped tenants and the GeoNames postal codes for the whole class.</summary>
    public sealed class NrwRouting : IAsyncLifetime
    {
        private readonly SqliteFile _file = new();
        private SozialDatabase? _database;

        public async Task<Router> RouterAsync()
        {
            var csv = RepositoryPaths.RequireShared("data", "geo", "zipcodes.de.csv");
            _database ??= await LoadAsync(csv);
            return new Router(new RoutingTableStore(_database), new GeoStore(_database), folders: TenantFolderRouting.Load(RepositoryPaths.Tenants));
        }

        public static FormEngine NewestForm(string formId)
        {
            var folder = Directory.GetDirectories(Path.Combine(RepositoryPaths.Root, "forms-catalog", "forms", formId)).MaxBy(v => Version.Parse(Path.GetFileName(v)))!;
            return FormEngine.Load(Path.Combine(folder, "form.json"), catalogRoot: Path.Combine(RepositoryPaths.Root, "forms-catalog")).EngineOrThrow();
        }

        public async Task<IReadOnlyList<RoutingAssignment>> AssignmentsAsync()
        {
            await RouterAsync();
            return (await new RoutingTableStore(_database!).LoadTenantAsync("nrw")).Assignments;
        }

        private async Task<SozialDatabase> LoadAsync(string csv)
        {
            var database = await _file.OpenAsync();
            await new TenantLoader(new RoutingTableStore(database), TestChannels.All(database)).LoadAllAsync(RepositoryPaths.Tenants);
            (await new GeoImporter(new GeoStore(database)).ImportAsync(csv)).Success.ShouldBeTrue();
            return database;
        }

        public Task InitializeAsync() => Task.CompletedTask;

        public async Task DisposeAsync() => await _file.DisposeAsync();
    }

    private sealed record Expected(string Jobcenter, string Sozialhilfe, string Asyl, string Traeger, string Wohnungsamt, string Landschaftsverband);
}
