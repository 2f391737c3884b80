using System.Text.Json.Nodes;
using Sozialplattform.Delivery.Geo;
using Sozialplattform.Delivery.Routing;
using Sozialplattform.Delivery.Tenants;
using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Engine;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Routing;

namespace Sozialplattform.Delivery.Tests.Routing;

/// <summary>
/// The shipped <c>nrw</c> tenant routes every service to the kind of office that is really responsible, checked for real
/// postal codes: Köln (kreisfreie Stadt, Regierungsbezirk Köln → LVR), Bocholt (große kreisangehörige Stadt with its own
/// Wohnungsamt in Kreis Borken, which delegates Sozialhilfe and AsylbLG to its Gemeinden; Münster → LWL), Heek (a rural
/// Gemeinde of Kreis Borken without a Wohnungsamt of its own), Düsseldorf (→ LVR) and Höxter (a Kreis whose Gemeinden are not
/// listed yet: everything at the Kreis; Detmold → LWL). Answers go through the real forms' routing rules and the tenant's
/// answer rules.
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
        ["37671"] = new("jobcenter-kreis-hoexter", "sozialamt-kreis-hoexter", "sozialamt-kreis-hoexter", "sozialamt-kreis-hoexter", "wohnungsamt-kreis-hoexter", "lwl-soziale-entschaedigung"),
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
