using System.Net;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Endpoints;

[Collection(nameof(SharedPortal))]
public sealed class HomeAndServiceTests(SharedPortal portal)
{
    [Fact]
    public async Task The_root_sends_the_browser_to_its_language_or_to_German()
    {
        var client = portal.Factory.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ar-SY, en;q=0.5");
        (await client.GetAsync("/")).Headers.Location!.ToString().ShouldBe("/ar");
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        (await client.GetAsync("/")).Headers.Location!.ToString().ShouldBe("/de");
    }

    [Fact]
    public async Task The_home_page_lists_the_services_by_topic_and_the_search_narrows_them()
    {
        var client = portal.Factory.Browse();
        var home = await client.GetAsync("/de");
        home.Status.ShouldBe(HttpStatusCode.OK);
        home.Text("#topic-beispiele").ShouldBe("Beispiele");
        home.Document.QuerySelectorAll(".service-list a").Select(a => a.GetAttribute("href")).ShouldContain("/de/leistungen/haushalt");

        var found = await client.GetAsync("/de?q=Haushalt");
        found.Document.QuerySelectorAll(".service-list a").Select(a => a.GetAttribute("href")).ShouldBe(["/de/leistungen/haushalt"]);
    }

    [Fact]
    public async Task The_service_page_shows_description_legal_basis_documents_and_languages_from_the_definition()
    {
        var page = await portal.Factory.Browse().GetAsync("/en/leistungen/haushalt");
        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Text("h1").ShouldBe("Household and income (sample)");
        page.Html.ShouldContain("Legal basis");
        page.Document.QuerySelectorAll(".inline-list li").Select(l => l.GetAttribute("lang")).ShouldBe(["de", "en"]);
        page.Document.QuerySelector("form[action='/en/leistungen/haushalt/starten'] input[name=__RequestVerificationToken]").ShouldNotBeNull();
    }

    [Fact]
    public async Task Arabic_pages_are_right_to_left_and_mark_German_fallback_texts_with_their_language()
    {
        var page = await portal.Factory.Browse().GetAsync("/ar/leistungen/haushalt");
        page.Document.DocumentElement.GetAttribute("lang").ShouldBe("ar");
        page.Document.DocumentElement.GetAttribute("dir").ShouldBe("rtl");
        page.Document.QuerySelector("h1 span[lang=de]")!.TextContent.ShouldBe("Haushalt und Einkommen (Beispiel)");
    }

    [Theory]
    [InlineData("/xx/leistungen/haushalt")]
    [InlineData("/de/leistungen/gibt-es-nicht")]
    [InlineData("/de/gibt/es/nicht")]
    public async Task Unknown_addresses_get_a_not_found_page_in_the_portal_layout(string url)
    {
        var page = await portal.Factory.Browse().GetAsync(url);
        page.Status.ShouldBe(HttpStatusCode.NotFound);
        page.Html.ShouldContain("<main");
    }

    [Fact]
    public async Task Every_page_carries_a_strict_content_security_policy()
    {
        var page = await portal.Factory.Browse().GetAsync("/de");
        var policy = string.Join(";", page.Response.Headers.GetValues("Content-Security-Policy"));
        policy.ShouldContain("script-src 'self'");
        policy.ShouldNotContain("unsafe-inline");
        policy.ShouldNotContain("unsafe-eval");
        page.Response.Headers.GetValues("Referrer-Policy").ShouldBe(["no-referrer"]);
    }
}
