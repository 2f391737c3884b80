using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Web.Catalog;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Endpoints;

/// <summary>
/// A tenant that lists the services it offers (<c>services</c> in tenant.json): its portal offers only those; the page of
/// another service of the shared catalog says plainly that it is not offered through this portal, and cannot be started.
/// </summary>
public sealed class TenantServicesTests(TenantServicesTests.OfferingPortal portal) : IClassFixture<TenantServicesTests.OfferingPortal>
{
    private readonly OfferingPortal _portal = portal;

    /// <summary>One host for the class: the tests only read pages and the catalog's problems.</summary>
    public sealed class OfferingPortal : PortalFactory
    {
        public OfferingPortal()
        {
            var file = Path.Combine(Folders.Tenant, "tenant.json");
            var tenant = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(file))!.AsObject();
            tenant["services"] = new System.Text.Json.Nodes.JsonArray("kontakt", "gibt-es-nirgends");
            File.WriteAllText(file, tenant.ToJsonString());
        }
    }

    [Fact]
    public async Task The_home_page_lists_only_the_services_the_tenant_offers()
    {
        var home = await _portal.Browse().GetAsync("/de");

        home.Status.ShouldBe(HttpStatusCode.OK);
        var links = home.Document.QuerySelectorAll("a[href^='/de/leistungen/']").Select(a => a.GetAttribute("href")).Distinct().ToList();
        links.ShouldContain("/de/leistungen/kontakt");
        links.ShouldNotContain("/de/leistungen/haushalt");
    }

    [Theory]
    [InlineData("de", "Diese Leistung wird in Ihrem Land nicht über dieses Portal angeboten.")]
    [InlineData("ar", "لا تُقدَّم هذه الخدمة في ولايتك عبر هذه البوابة.")]
    public async Task The_page_of_a_service_the_tenant_does_not_offer_says_so_plainly(string lang, string text)
    {
        var page = await _portal.Browse().GetAsync($"/{lang}/leistungen/haushalt");

        page.Status.ShouldBe(HttpStatusCode.NotFound);
        page.Text("main").ShouldContain(text);
        page.Document.QuerySelectorAll("form[action$='/starten']").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_service_the_tenant_does_not_offer_cannot_be_started_even_by_posting_directly()
    {
        var client = _portal.Browse();
        var offered = await client.GetAsync("/de/leistungen/kontakt");

        var form = offered.Document.QuerySelectorAll("form").OfType<AngleSharp.Html.Dom.IHtmlFormElement>().Single(f => f.Action.EndsWith("/kontakt/starten", StringComparison.Ordinal));

        var started = await client.PostAsync("/de/leistungen/haushalt/starten", PortalClient.Collect(form));

        started.Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_unknown_service_is_still_a_plain_not_found_and_a_listed_service_that_no_catalog_has_is_a_start_problem()
    {
        var page = await _portal.Browse().GetAsync("/de/leistungen/gibt-es-nirgends");

        page.Status.ShouldBe(HttpStatusCode.NotFound);
        page.Text("main").ShouldContain("Seite nicht gefunden");
        _portal.Services.GetRequiredService<FormCatalog>().Problems.ShouldContain(p => p.Contains("tenants/test/tenant.json: services lists 'gibt-es-nirgends'", StringComparison.Ordinal));
    }
}
