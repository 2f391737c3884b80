using System.Net;
using Sozialplattform.Centres.Records;
using Sozialplattform.Centres.Tests.Infrastructure;

namespace Sozialplattform.Centres.Tests.Web;

public sealed class FinderPageTests : IClassFixture<CentresPortal>
{
    private readonly CentresPortal _portal;
    private readonly IReadOnlyList<Guid> _ids;

    public FinderPageTests(CentresPortal portal)
    {
        _portal = portal;
        _ids = portal.ImportAsync(
            TestCentres.Centre("bonn-schulden", TestCentres.Bonn, TestCentres.Offer("schuldnerberatung", "50600-50999")),
            TestCentres.Centre("koeln-sucht", TestCentres.KoelnSued, TestCentres.Offer("suchtberatung", "50999")) with { Languages = ["de", "tr"] }).GetAwaiter().GetResult();
    }

    [Fact]
    public async Task The_finder_explains_each_result_responsible_for_the_postal_code_and_how_far()
    {
        var html = await _portal.PageAsync("/de/beratungsstellen?ort=50667&thema=schuldnerberatung");

        html.ShouldContain("Beratungsstelle bonn-schulden");
        html.ShouldContain("zuständig für 50667");
        html.ShouldContain("25 km entfernt");
        html.ShouldNotContain("Beratungsstelle koeln-sucht");
        html.ShouldContain($"href=\"/de/termine/{_ids[0]}\""); // each result links to its booking page
    }

    [Fact]
    public async Task Without_a_result_the_page_shows_the_nearest_centres_and_the_hotlines()
    {
        var html = await _portal.PageAsync("/de/beratungsstellen?ort=44135&thema=suchtberatung&umkreis=10");

        html.ShouldContain("Keine passende Beratungsstelle gefunden");
        html.ShouldContain("Beratungsstelle koeln-sucht");
        html.ShouldContain("nächstgelegene Stelle, nicht zuständig");
        html.ShouldContain("01806 313031");
        html.ShouldContain("0800 1110111");
    }

    [Theory]
    [InlineData("de", "Schulden – was tun?", "/de/themen/schulden")]
    [InlineData("en", "Debts – what to do?", "/en/themen/schulden")]
    public async Task The_finder_links_the_portals_information_pages_on_counselling_topics(string lang, string title, string href)
    {
        var html = await _portal.PageAsync($"/{lang}/beratungsstellen");

        html.ShouldContain($"<a href=\"{href}\">{title}</a>");
        html.ShouldContain($"/{lang}/themen/sucht");
        html.ShouldContain($"/{lang}/themen/wohnung");
    }

    [Fact]
    public async Task An_unknown_postal_code_is_an_error_beside_the_field()
    {
        var html = await _portal.PageAsync("/ar/beratungsstellen?ort=99999");

        html.ShouldContain("aria-invalid=\"true\"");
        html.ShouldContain("„99999“");
    }

    [Fact]
    public async Task The_detail_page_has_the_contact_data_the_map_link_and_loads_nothing_from_elsewhere()
    {
        var html = await _portal.PageAsync($"/de/beratungsstellen/{_ids[0]}");

        html.ShouldContain("Musterstraße 1");
        html.ShouldContain("tel:+49221123456");
        html.ShouldContain("mailto:beratung@example.org");
        html.ShouldContain("https://www.openstreetmap.org/?mlat=50.7362&mlon=7.1002");
        html.ShouldContain("Montag");
        html.ShouldNotMatch("<(script|img|iframe|link)[^>]+(src|href)=\"https?://");
    }

    [Fact]
    public async Task The_vCard_download_carries_the_contact()
    {
        var response = await _portal.CreateClient().GetAsync($"/de/beratungsstellen/{_ids[0]}/kontakt.vcf");

        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/vcard");
        var card = await response.Content.ReadAsStringAsync();
        card.ShouldContain("FN:Beratungsstelle bonn-schulden\r\n");
        card.ShouldContain("TEL;TYPE=work,voice;VALUE=text:+49 221 123456\r\n");
        card.ShouldContain("GEO:geo:50.7362,7.1002\r\n");
    }

    [Theory]
    [InlineData("/de/beratungsstellen/00000000-0000-0000-0000-000000000001")]
    [InlineData("/xx/beratungsstellen")]
    [InlineData("/de/beratungsstellen/00000000-0000-0000-0000-000000000001/kontakt.vcf")]
    public async Task Unknown_centres_and_languages_are_not_found(string url) =>
        (await _portal.CreateClient().GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

    [Fact]
    public async Task The_seekers_postal_code_and_topic_never_reach_the_log()
    {
        var client = _portal.CreateClient();
        await client.GetStringAsync("/de/beratungsstellen?ort=53111&thema=sucht-gluecksspiel");
        await client.GetStringAsync("/api/v1/beratungsstellen?ort=53111&thema=sucht-gluecksspiel");
        await client.GetStringAsync("/de/beratungsstellen?ort=Bonn&thema=sucht-gluecksspiel");

        _portal.Log.ShouldNotBeEmpty();
        _portal.Log.ShouldNotContain(line => line.Contains("53111") || line.Contains("sucht-gluecksspiel") || line.Contains("ort=Bonn"));
    }

    [Fact]
    public async Task The_home_page_and_the_counselling_service_pages_lead_to_the_finder()
    {
        (await _portal.PageAsync("/de")).ShouldContain("href=\"/de/beratungsstellen\"");
        (await _portal.PageAsync("/tr/leistungen/schuldnerberatung")).ShouldContain("href=\"/tr/beratungsstellen?thema=schuldnerberatung\"");
    }
}
