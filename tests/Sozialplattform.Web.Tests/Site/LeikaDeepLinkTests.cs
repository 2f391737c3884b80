using System.Net;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Site;

/// <summary>Other portals of the Portalverbund link to a service by its LeiKa key, optionally with the citizen's place.</summary>
public sealed class LeikaDeepLinkTests(CatalogPortal host) : IClassFixture<CatalogPortal>
{
    private readonly PortalFactory _portal = host.Factory;

    [Fact]
    public async Task A_leika_key_with_a_place_leads_to_the_service_and_a_contact_request_there_to_the_centres_finder()
    {
        var client = _portal.Browse();

        var service = await client.GetAsync("/en/leistungen/leika/99107060058000?ort=50667");

        service.Path.ShouldBe("/en/leistungen/schuldnerberatung");
        service.Document.QuerySelector("form[action$='/starten']").ShouldBeNull("a contact request starts from the centre the person chooses");
        service.Document.QuerySelector("a.button--primary")!.GetAttribute("href").ShouldBe(Sozialplattform.Centres.Web.Hosting.CentreRoutes.Finder("en", "schuldnerberatung"));
    }

    [Theory]
    [InlineData("/de/leistungen/leika/99999999999999", "no offered service has the key")]
    [InlineData("/de/leistungen/leika/9910706005800", "13 digits are no LeiKa key")]
    [InlineData("/de/leistungen/leika/..%2Fbuergergeld", "not a key at all")]
    [InlineData("/xx/leistungen/leika/99107060058000", "an unknown language")]
    public async Task An_unknown_or_malformed_key_is_not_found(string url, string because)
    {
        (await _portal.Browse().GetAsync(url)).Status.ShouldBe(HttpStatusCode.NotFound, because);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("50667&x=1")]
    [InlineData("1234")]
    public async Task A_place_that_is_neither_a_postal_code_nor_a_place_name_is_ignored(string place)
    {
        var service = await _portal.Browse().GetAsync($"/de/leistungen/leika/99107060058000?ort={Uri.EscapeDataString(place)}");

        service.Path.ShouldBe("/de/leistungen/schuldnerberatung");
        service.Document.QuerySelector("input[name=ort]").ShouldBeNull();
        service.Html.ShouldNotContain("<script>alert(1)</script>");
    }

    [Fact]
    public async Task The_home_page_filtered_by_a_leika_key_lists_the_services_that_carry_it()
    {
        var home = await _portal.Browse().GetAsync("/de?leika=99107058058000");

        home.Document.QuerySelectorAll(".service-list a").Select(a => a.GetAttribute("href")).ShouldBe(["/de/leistungen/suchtberatung"]);
    }
}
