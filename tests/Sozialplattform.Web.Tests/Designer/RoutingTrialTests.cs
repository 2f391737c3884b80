using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Designer.Accounts;
using Sozialplattform.Designer.Routing;
using Sozialplattform.Delivery.Routing;
using Sozialplattform.Storage.Operations;
using Sozialplattform.Web.Catalog;
using Sozialplattform.Web.Places;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Designer;

/// <summary>
/// The designer's „Postleitzahl prüfen“ and routing edits in the platform host on the shipped nrw tenant (all 396
/// Gemeinden) with the real GeoNames lines of five NRW postal codes: the trial names the offices the portal's place step
/// and submission reach, bad postal codes get their own errors, and a routing saved by Redaktion is what the portal routes.
/// </summary>
public sealed class RoutingTrialTests(RoutingTrialTests.NrwPortal portal) : IClassFixture<RoutingTrialTests.NrwPortal>
{
    private IRoutingTrial Trial => portal.Services.GetRequiredService<IRoutingTrial>();

    private static RoutingTrialRequest Request(string formId, string postalCode, JsonObject? answers = null) =>
        new("nrw", formId, [], postalCode, answers, []);

    /// <summary>What the citizen meets: the place step's choices for the postal code, each chosen and routed by the portal.</summary>
    private async Task<List<string>> PortalPlacesAsync(string formId, string postalCode) =>
        [.. (await PortalAsync(formId, postalCode)).Select(p => $"{p.Ars}: {string.Join(", ", p.Offices)}")];

    private async Task<List<(string? Ars, List<string> Offices)>> PortalAsync(string formId, string postalCode)
    {
        var selection = portal.Services.GetRequiredService<PlaceSelection>();
        var form = portal.Services.GetRequiredService<FormCatalog>().Latest(formId)!;
        var search = await selection.SearchAsync(postalCode);
        var outcomes = new List<(string?, List<string>)>();
        foreach (var option in search.Options)
        {
            var (place, _) = await selection.ChooseAsync(form, option.PostalCode, option.Ars, option.PlaceName);
            outcomes.Add((option.Ars, place?.AuthorityIds.ToList() ?? []));
        }

        return outcomes;
    }

    [Theory]
    [InlineData("asylblg", "52525")]
    [InlineData("asylblg", "52538")]
    [InlineData("asylblg", "50667")]
    [InlineData("buergergeld", "52525")]
    [InlineData("buergergeld", "50667")]
    [InlineData("wohnberechtigungsschein", "52525")]
    [InlineData("wohnberechtigungsschein", "48341")]
    [InlineData("grundsicherung", "52538")]
    [InlineData("soziale-entschaedigung", "50667")]
    public async Task The_trial_reaches_the_same_offices_as_the_portals_place_step_for_a_real_NRW_postal_code(string formId, string postalCode)
    {
        var trial = await Trial.TryAsync(Request(formId, postalCode));

        trial.Problem.ShouldBeNull();
        trial.Places.Select(p => $"{p.Ars}: {string.Join(", ", p.Offices.Select(o => o.AuthorityId))}").ToList().ShouldBe(await PortalPlacesAsync(formId, postalCode));
        trial.Places.ShouldAllBe(p => p.Offices.Count > 0);
    }

    [Fact]
    public async Task A_postal_code_of_two_Gemeinden_shows_both_places_each_with_its_own_office()
    {
        var trial = await Trial.TryAsync(Request("asylblg", "52538"));

        trial.Places.Select(p => (p.Name, p.Ars, p.Offices.Single().Name)).ShouldBe([
            ("Gangelt", "053700008008", "Gemeinde Gangelt – Sozialamt"), ("Selfkant", "053700024024", "Gemeinde Selfkant – Sozialamt")]);
    }

    [Fact]
    public async Task With_sample_answers_the_tenants_answer_rule_and_the_form_decide_as_at_submission()
    {
        var withoutAnswers = await Trial.TryAsync(Request("bildung-und-teilhabe", "50667"));
        var asylbLG = await Trial.TryAsync(Request("bildung-und-teilhabe", "50667", new JsonObject { ["leistungsbezug"] = "asylblg" }));

        var router = portal.Services.GetRequiredService<Router>();
        var submitted = await router.RouteAsync(new RouteRequest("nrw", "bildung-und-teilhabe", "50667", "053150000000") { Answers = new JsonObject { ["leistungsbezug"] = "asylblg" } });
        asylbLG.Places.Single().Offices.Select(o => o.AuthorityId).ShouldBe(submitted.Destinations.Select(d => d.Authority.Id));
        asylbLG.Places.Single().Offices.Single().Role.ShouldBe("asylbewerberleistungen");
        withoutAnswers.Places.Single().Offices.Single().Role.ShouldBe("sozialamt");
    }

    [Theory]
    [InlineData("", PostalCodeProblem.Empty)]
    [InlineData("   ", PostalCodeProblem.Empty)]
    [InlineData("4639", PostalCodeProblem.NotFiveDigits)]
    [InlineData("463951", PostalCodeProblem.NotFiveDigits)]
    [InlineData("ABCDE", PostalCodeProblem.NotFiveDigits)]
    [InlineData("５２５２５", PostalCodeProblem.NotFiveDigits)]
    [InlineData("<script>alert(1)</script>", PostalCodeProblem.NotFiveDigits)]
    [InlineData("99999", PostalCodeProblem.Unknown)]
    public async Task A_bad_postal_code_gets_its_own_error_and_routes_nothing(string postalCode, PostalCodeProblem expected)
    {
        var trial = await Trial.TryAsync(Request("buergergeld", postalCode));

        trial.Problem.ShouldBe(expected);
        trial.Places.ShouldBeEmpty();
        RoutingTexts.German(expected, postalCode.Trim()).ShouldNotContain("<script>alert(1)</script>");
    }

    [Fact]
    public async Task A_service_no_tenant_routes_says_why_in_the_trial_and_the_editor_calls_it_unassigned()
    {
        var trial = await Trial.TryAsync(Request("gibt-es-nicht", "50667"));
        var editor = portal.Services.GetRequiredService<ServiceRoutingEditor>();

        trial.Places.Single().Offices.ShouldBeEmpty();
        trial.Places.Single().Problems.Single().ShouldContain("routing.json maps no role");
        (await editor.CurrentAsync("nrw", "gibt-es-nicht", [])).Source.ShouldBe(RoutingSource.None);
    }

    [Fact]
    public async Task A_routing_saved_by_Redaktion_is_what_the_portal_routes_and_an_Autor_cannot_save_one()
    {
        var accounts = portal.Services.GetRequiredService<AuthorAccounts>();
        if (accounts.Find("redaktion-routing") is null) accounts.Create("redaktion-routing", "Redaktion", "ein-langes-Passwort-2026", AuthorRole.Editor);
        if (accounts.Find("autor-routing") is null) accounts.Create("autor-routing", "Autor", "ein-langes-Passwort-2026", AuthorRole.Author);
        var editor = portal.Services.GetRequiredService<ServiceRoutingEditor>();
        (await PortalAsync("geringverdiener-bescheinigung", "48341")).Single().Offices.ShouldBe(["sozialamt-kreis-steinfurt"]);

        (await editor.SaveAsync("autor-routing", "nrw", "geringverdiener-bescheinigung", "jobcenter", [], 0, null)).Single().Code.ShouldBe(RoutingEditCode.NotEditor);
        (await editor.SaveAsync("redaktion-routing", "nrw", "geringverdiener-bescheinigung", "jobcenter", [], 0, null)).ShouldBeEmpty();

        var trial = await Trial.TryAsync(Request("geringverdiener-bescheinigung", "48341"));
        trial.Places.Single().Offices.Single().Role.ShouldBe("jobcenter");
        // The portal's router reads the shared edits at most every two seconds.
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!(await PortalAsync("geringverdiener-bescheinigung", "48341")).Single().Offices.SequenceEqual([trial.Places.Single().Offices.Single().AuthorityId]))
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the portal still routes as before the save");
            await Task.Delay(100);
        }
        using var context = portal.Services.GetRequiredService<OperationsDatabase>().CreateContext();
        context.TenantRoutingEdits.Single(e => e.Service == "geringverdiener-bescheinigung").SavedBy.ShouldBe("redaktion-routing");
        trial.Places.Single().Offices.Single().AuthorityId.ShouldBe("jobcenter-kreis-steinfurt");
    }

    [Fact]
    public async Task An_answer_rule_switched_by_a_published_rename_still_routes_applications_of_the_earlier_version_by_the_old_key()
    {
        var accounts = portal.Services.GetRequiredService<AuthorAccounts>();
        if (accounts.Find("redaktion-formerly") is null) accounts.Create("redaktion-formerly", "Redaktion", "ein-langes-Passwort-2026", AuthorRole.Editor);
        var editor = portal.Services.GetRequiredService<ServiceRoutingEditor>();
        // Published as „leistungsbezug“ after an earlier version called the answer „bezugsart“.
        var switched = new EditedAnswerRule("leistungsbezug", ["asylblg"], "jobcenter") { Formerly = ["bezugsart"] };
        var form = portal.Services.GetRequiredService<FormCatalog>().Latest("mietrueckstaende")!.Engine.Definition;
        (await editor.SaveAsync("redaktion-formerly", "nrw", "mietrueckstaende", "sozialamt", [switched], 0, form)).ShouldBeEmpty();
        (await editor.CurrentAsync("nrw", "mietrueckstaende", [])).Rules.Single().Formerly.ShouldBe(["bezugsart"]);

        async Task<string> RoleFor(string key) =>
            (await Trial.TryAsync(Request("mietrueckstaende", "48341", new JsonObject { [key] = "asylblg" }))).Places.Single().Offices.Single().Role;

        (await RoleFor("leistungsbezug")).ShouldBe("jobcenter", "an application of the new version");
        (await RoleFor("bezugsart")).ShouldBe("jobcenter", "an application of the version before the rename");
        (await RoleFor("anderes")).ShouldBe("sozialamt");
    }

    /// <summary>The shipped tenants with nrw as the portal's tenant, the service catalog, and the GeoNames lines of five postal codes.</summary>
    public sealed class NrwPortal() : DevelopmentSignInPortal(null, RepositoryPaths.FormsCatalog)
    {
        private readonly PostalCodeFile _places = new(
            "DE,50667,Köln,Nordrhein-Westfalen,NW,Regierungsbezirk Köln,053,\"Köln, Stadt\",05315,50.9387,6.9547",
            "DE,52525,Heinsberg,Nordrhein-Westfalen,NW,Regierungsbezirk Köln,053,Kreis Heinsberg,05370,51.0636,6.0998",
            "DE,52525,Waldfeucht,Nordrhein-Westfalen,NW,Regierungsbezirk Köln,053,Kreis Heinsberg,05370,51.0661,5.9881",
            "DE,52538,Gangelt,Nordrhein-Westfalen,NW,Regierungsbezirk Köln,053,Kreis Heinsberg,05370,50.9925,5.998",
            "DE,52538,Selfkant,Nordrhein-Westfalen,NW,Regierungsbezirk Köln,053,Kreis Heinsberg,05370,51.0221,5.9298",
            "DE,48341,Altenberge,Nordrhein-Westfalen,NW,Reg.-Bez. Münster,055,Steinfurt,05566,52.05,7.4667");

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Sozialplattform:TenantsFolder", Path.Combine(RepositoryPaths.FormsCatalog, "tenants"));
            builder.UseSetting("Sozialplattform:Portal:Tenant", "nrw");
            builder.UseSetting("Sozialplattform:Geo:CsvPath", _places.Path);
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing) _places.Dispose();
        }
    }
}
