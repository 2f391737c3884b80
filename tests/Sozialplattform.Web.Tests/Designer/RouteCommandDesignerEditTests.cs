using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Cli;
using Sozialplattform.Delivery.Routing;
using Sozialplattform.Designer.Accounts;
using Sozialplattform.Designer.Routing;
using Sozialplattform.Storage.Operations;
using Sozialplattform.Web.Catalog;
using Sozialplattform.Web.Tests.Infrastructure;
using Sozialplattform.Web.Tests.Operations;

namespace Sozialplattform.Web.Tests.Designer;

/// <summary>
/// <c>sozial route</c> on the portal's own database after Redaktion saved the service's routing in the designer: the command
/// names the offices the designer's trial and the portal's router name for the same postal code and answers, and says that
/// the routing came from the designer's edit. On SQLite (<c>--data</c>, the host's data folder) and on PostgreSQL
/// (<c>--postgres</c>, with the hosts' data key), with the shipped nrw tenant and the real GeoNames line of Köln.
/// </summary>
public abstract partial class RouteCommandDesignerEditTests
{
    private const string Service = "bildung-und-teilhabe";
    private const string PostalCode = "50667";
    protected const string Koeln = "DE,50667,Köln,Nordrhein-Westfalen,NW,Regierungsbezirk Köln,053,\"Köln, Stadt\",05315,50.9387,6.9547";
    protected static readonly string Tenants = Path.Combine(RepositoryPaths.FormsCatalog, "tenants");

    /// <summary>The running host; the options that give <c>sozial route</c> its database; the postal-code file both read.</summary>
    protected abstract (PortalFactory Portal, string[] DatabaseOptions, string GeoCsv) Setup();

    [SkippableFact]
    public async Task A_designer_edit_changes_sozial_routes_answer_exactly_as_it_changes_the_portals_for_the_same_postal_code_and_answers()
    {
        var (portal, database, geo) = Setup();
        var answers = new JsonObject { ["leistungsbezug"] = "asylblg" };
        var before = Route(database, geo, "--answer", "leistungsbezug=asylblg");
        before.Offices.ShouldBe(await PortalOfficesAsync(portal, answers));
        before.Output.ShouldContain($"routing from the tenant file {Path.Combine(Tenants, "nrw", "routing.json")}");

        var editor = portal.Services.GetRequiredService<ServiceRoutingEditor>();
        var accounts = portal.Services.GetRequiredService<AuthorAccounts>();
        if (accounts.Find("redaktion-cli") is null) accounts.Create("redaktion-cli", "Redaktion", "ein-langes-Passwort-2026", AuthorRole.Editor);
        var form = portal.Services.GetRequiredService<FormCatalog>().Latest(Service)!.Engine.Definition;
        (await editor.SaveAsync("redaktion-cli", "nrw", Service, "sozialamt", [new EditedAnswerRule("leistungsbezug", ["asylblg"], "jobcenter")], 0, form)).ShouldBeEmpty();

        var after = Route(database, geo, "--answer", "leistungsbezug=asylblg");
        var trial = await portal.Services.GetRequiredService<IRoutingTrial>().TryAsync(new RoutingTrialRequest("nrw", Service, [], PostalCode, answers, []));
        var trialOffices = trial.Places.Single().Offices.Select(o => o.AuthorityId).ToList();
        var portalOffices = await PortalOfficesAsync(portal, answers);
        // The portal's router reads the shared edits at most every two seconds.
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!portalOffices.SequenceEqual(trialOffices))
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the portal still routes as before the save");
            await Task.Delay(100);
            portalOffices = await PortalOfficesAsync(portal, answers);
        }

        after.Exit.ShouldBe(0);
        trial.Places.Single().Offices.Single().Role.ShouldBe("jobcenter");
        after.Offices.ShouldBe(trialOffices);
        after.Offices.ShouldBe(portalOffices);
        after.Offices.ShouldNotBe(before.Offices);
        after.Output.ShouldMatch(@"routing from designer edit rev 1 of bildung-und-teilhabe by redaktion-cli at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC");
        // Without the answer the edit's kind of authority decides, on both sides.
        Route(database, geo).Offices.ShouldBe(await PortalOfficesAsync(portal, null));
    }

    private static async Task<List<string>> PortalOfficesAsync(PortalFactory portal, JsonObject? answers)
    {
        var route = await portal.Services.GetRequiredService<Router>().RouteAsync(new RouteRequest("nrw", Service, PostalCode, null) { Answers = answers });
        return [.. route.Destinations.Select(d => d.Authority.Id)];
    }

    private static (int Exit, string Output, List<string> Offices) Route(string[] database, string geo, params string[] extra)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exit = CliApp.Run(["route", Service, PostalCode, "--tenant", "nrw", "--tenants", Tenants, "--geo", geo, .. database, .. extra], output, error, RepositoryPaths.Root);
        exit.ShouldBe(0, error.ToString());
        return (exit, output.ToString(), [.. Office().Matches(output.ToString()).Select(m => m.Groups[1].Value)]);
    }

    [GeneratedRegex(@"\[([a-z0-9-]+)\], channel ")]
    private static partial Regex Office();

    /// <summary>The shipped nrw tenant on a portal with the forms catalog; tenants and postal codes as the command loads them.</summary>
    protected static void Nrw(IWebHostBuilder builder, string geoCsv)
    {
        builder.UseSetting("Sozialplattform:TenantsFolder", Tenants);
        builder.UseSetting("Sozialplattform:Portal:Tenant", "nrw");
        builder.UseSetting("Sozialplattform:Geo:CsvPath", geoCsv);
    }
}

/// <summary>On the host's SQLite database: <c>--data</c> is the host's data folder (database and key file).</summary>
public sealed class RouteCommandDesignerEditSqliteTests(RouteCommandDesignerEditSqliteTests.Host host)
    : RouteCommandDesignerEditTests, IClassFixture<RouteCommandDesignerEditSqliteTests.Host>
{
    protected override (PortalFactory, string[], string) Setup() => (host.Portal, ["--data", host.Portal.Folders.Data], host.Places.Path);

    public sealed class Host : IDisposable
    {
        public PostalCodeFile Places { get; } = new(Koeln);

        public Host()
        {
            Portal = new NrwPortal(Places.Path);
            _ = Portal.Server;
        }

        public PortalFactory Portal { get; }

        public void Dispose()
        {
            Portal.Dispose();
            Places.Dispose();
        }
    }

    private sealed class NrwPortal : PortalFactory
    {
        private readonly string _geoCsv;

        public NrwPortal(string geoCsv) : base(geoCsv, RepositoryPaths.FormsCatalog) => _geoCsv = geoCsv;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            Nrw(builder, _geoCsv);
        }
    }
}

/// <summary>On PostgreSQL: <c>--postgres</c> is the hosts' connection, <c>--data</c> a folder with the hosts' data key.</summary>
public sealed class RouteCommandDesignerEditPostgresTests(PostgresPortals portals) : RouteCommandDesignerEditTests, IClassFixture<PostgresPortals>, IDisposable
{
    private readonly PostalCodeFile _places = new(Koeln);
    private readonly string _keyFolder = Directory.CreateTempSubdirectory("sozial-route-key-").FullName;

    protected override (PortalFactory, string[], string) Setup()
    {
        var portal = portals.Host(builder =>
        {
            Nrw(builder, _places.Path);
            builder.UseSetting("Sozialplattform:Portal:CatalogRoots:2", RepositoryPaths.FormsCatalog);
        });
        File.WriteAllText(Path.Combine(_keyFolder, "data.key"), PostgresPortals.DataKey);
        return (portal, ["--postgres", portals.ConnectionString, "--data", _keyFolder], _places.Path);
    }

    public void Dispose()
    {
        _places.Dispose();
        Directory.Delete(_keyFolder, recursive: true);
    }
}
