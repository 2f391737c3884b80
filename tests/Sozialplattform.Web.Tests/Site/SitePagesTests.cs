using System.Net;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Site;

/// <summary>The tenant's legal, help and information pages: every language (German as fallback with a note), linked from every page's footer, values from the running configuration.</summary>
public sealed class SitePagesTests(SitePagesTests.Host host) : IClassFixture<SitePagesTests.Host>
{
    /// <summary>One host for the class: the tests only read pages.</summary>
    public sealed class Host : IDisposable
    {
        public LimitedPortal Portal { get; } = new((Key: "Sozialplattform:Portal:DraftRetentionDays", Value: "45"));

        public void Dispose() => Portal.Dispose();
    }

    private readonly LimitedPortal _portal = host.Portal;

    public static TheoryData<string, string> PagesAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var slug in new[] { "impressum", "datenschutz", "barrierefreiheit", "hilfe" })
        foreach (var lang in new[] { "de", "en", "tr", "ar", "uk", "ru" })
            data.Add(slug, lang);
        return data;
    }

    [Theory]
    [MemberData(nameof(PagesAndLanguages))]
    public async Task Every_legal_and_help_page_answers_in_every_language_and_falls_back_to_german_with_a_note(string slug, string lang)
    {
        var page = await _portal.Browse().GetAsync($"/{lang}/{slug}");

        page.Status.ShouldBe(HttpStatusCode.OK);
        var article = page.Document.QuerySelector("article.site-page").ShouldNotBeNull();
        article.QuerySelector("h1").ShouldNotBeNull().TextContent.ShouldNotBeEmpty();
        page.Document.Title.ShouldBe(article.QuerySelector("h1")!.TextContent.Trim());
        var german = lang is not ("de" or "en");
        (page.Document.QuerySelector("p.notice[role=note]") is not null).ShouldBe(german);
        if (german)
        {
            article.GetAttribute("lang").ShouldBe("de");
            article.GetAttribute("dir").ShouldBe("ltr");
        }
    }

    [Theory]
    [InlineData("de", "Impressum", "Datenschutz", "Barrierefreiheit", "Hilfe und häufige Fragen")]
    [InlineData("en", "Legal notice", "Privacy", "Accessibility", "Help and FAQ")]
    public async Task The_footer_of_every_portal_page_links_to_the_four_pages_in_the_page_language(string lang, string impressum, string privacy, string accessibility, string help)
    {
        foreach (var url in new[] { $"/{lang}", $"/{lang}/status", $"/{lang}/leistungen/kontakt", $"/{lang}/gibt-es-nicht" })
        {
            var page = await _portal.Browse().GetAsync(url);
            var links = page.Document.QuerySelectorAll("footer a").ToDictionary(a => a.TextContent.Trim(), a => a.GetAttribute("href"));
            links[impressum].ShouldBe($"/{lang}/impressum", url);
            links[privacy].ShouldBe($"/{lang}/datenschutz", url);
            links[accessibility].ShouldBe($"/{lang}/barrierefreiheit", url);
            links[help].ShouldBe($"/{lang}/hilfe", url);
        }
    }

    [Fact]
    public async Task The_privacy_notice_states_the_retention_periods_of_the_running_configuration()
    {
        var page = await _portal.Browse().GetAsync("/de/datenschutz");

        var text = System.Text.RegularExpressions.Regex.Replace(page.Text("article"), @"\s+", " ");
        text.ShouldContain("Ein nicht abgeschickter Entwurf wird 45 Tage nach der letzten Änderung");
        text.ShouldContain("höchstens 24 Stunden");
        text.ShouldContain("90 Tage lang wiedererkannt");
        text.ShouldContain("Eine Anmeldung gilt höchstens 4 Stunden und endet nach 30 Minuten ohne Aktivität");
        text.ShouldContain("test@example.org");
        text.ShouldNotContain("{{");
        page.Document.QuerySelectorAll("article h2").Select(h => h.TextContent).ShouldContain("Sozialleistungsfinder und Beratungsstellenfinder");
    }

    [Fact]
    public async Task Links_to_portal_paths_in_a_page_keep_the_page_language()
    {
        var help = await _portal.Browse().GetAsync("/en/hilfe");
        help.Document.QuerySelector("article a[href='/en/status']").ShouldNotBeNull();

        var topic = await _portal.Browse().GetAsync("/en/themen/schulden");
        topic.Document.QuerySelector("article a[href='/en/beratungsstellen?thema=schuldnerberatung']").ShouldNotBeNull();
        topic.Document.QuerySelector("article a[href='/en/leistungen/mietrueckstaende']").ShouldNotBeNull();
    }

    [Fact]
    public async Task Information_pages_are_linked_from_the_home_page_and_the_counselling_service_pages_by_topic()
    {
        using var catalogPortal = new PortalFactory(null, RepositoryPaths.FormsCatalog);
        var home = await catalogPortal.Browse().GetAsync("/de");
        var counselling = home.Document.QuerySelector("#topic-beratung")!.ParentElement!;
        counselling.QuerySelectorAll(".topic__information a").Select(a => a.GetAttribute("href")).ShouldBe(["/de/themen/schulden", "/de/themen/sucht", "/de/themen/wohnung"]);
        var housing = home.Document.QuerySelector("#topic-wohnen")!.ParentElement!;
        housing.QuerySelectorAll(".topic__information a").Select(a => a.GetAttribute("href")).ShouldBe(["/de/themen/schulden", "/de/themen/wohnung"]);

        var service = await catalogPortal.Browse().GetAsync("/de/leistungen/suchtberatung");
        service.Document.QuerySelectorAll(".topic__information a").Select(a => a.TextContent).ShouldContain("Sucht – wo finde ich Hilfe?");

        var page = await _portal.Browse().GetAsync("/de/themen/sucht");
        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Text("h1").ShouldBe("Sucht – wo finde ich Hilfe?");
        page.Html.ShouldNotContain("topics:", customMessage: "the front matter is not shown");
    }

    [Theory]
    [InlineData("/de/themen/gibt-es-nicht")]
    [InlineData("/de/themen/impressum")]
    [InlineData("/xx/impressum")]
    [InlineData("/de/themen/..%2F..%2Ftenant")]
    public async Task An_unknown_page_a_legal_page_under_themen_an_unknown_language_or_a_path_trick_is_not_found(string url)
    {
        var page = await _portal.Browse().GetAsync(url);

        page.Status.ShouldBe(HttpStatusCode.NotFound);
        page.Html.ShouldNotContain("Test-Mandant");
    }
}
