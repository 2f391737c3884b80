using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Site;

/// <summary>
/// A service page answers a citizen's questions before starting (the definition's <c>serviceInfo</c>), and once a place
/// is given it names the responsible office with address, opening hours and contact — also on the place step.
/// </summary>
public sealed class ServicePageTests(ServicePageTests.Host host) : IClassFixture<ServicePageTests.Host>
{
    /// <summary>One host for the class: each test starts its own drafts, none changes what another reads.</summary>
    public sealed class Host : IDisposable
    {
        // 46325 lies in one Kreis; 59000 is invented to lie in two, as some real postal codes do.
        private readonly PostalCodeFile _postalCodes = new(
            PostalCodeFile.Borken,
            "DE,59000,Nordort,Nordrhein-Westfalen,NW,Regierungsbezirk Arnsberg,059,Kreis Nord,05901,51.6,7.8",
            "DE,59000,Südort,Nordrhein-Westfalen,NW,Regierungsbezirk Arnsberg,059,Kreis Süd,05902,51.5,7.9");

        public Host() => Portal = new PortalFactory(_postalCodes.Path, RepositoryPaths.FormsCatalog);

        public PortalFactory Portal { get; }

        public void Dispose()
        {
            Portal.Dispose();
            _postalCodes.Dispose();
        }
    }

    private readonly PortalFactory _portal = host.Portal;

    [Theory]
    [InlineData("de", new[] { "Wer kann die Leistung bekommen?", "Diese Unterlagen brauchen Sie", "Fristen", "Ab wann wird gezahlt?", "Kosten", "Wie lange dauert die Bearbeitung?", "Wie geht es nach dem Absenden weiter?", "Zuständige Stelle", "Rechtsgrundlage" })]
    [InlineData("en", new[] { "Who can get it?", "Documents you need", "Deadlines", "From when is it paid?", "Costs", "How long does processing take?", "What happens after you send it?", "Responsible office", "Legal basis" })]
    public async Task The_service_page_answers_who_what_to_have_ready_deadlines_payment_costs_duration_and_what_follows(string lang, string[] headings)
    {
        var page = await _portal.Browse().GetAsync($"/{lang}/leistungen/buergergeld");

        var shown = page.Document.QuerySelectorAll("main h2").Select(h => h.TextContent.Trim()).ToList();
        shown.Where(headings.Contains).ShouldBe(headings, "in this order");
        page.Text("main").ShouldContain(lang == "de" ? "§ 37 Abs. 2 SGB II" : "§ 37(2) SGB II", Case.Sensitive, "the payment start names its rule");
    }

    [Fact]
    public async Task A_form_without_service_information_shows_none_of_its_headings()
    {
        var page = await _portal.Browse().GetAsync("/de/leistungen/haushalt");

        page.Document.QuerySelectorAll("main h2").Select(h => h.TextContent.Trim()).ShouldNotContain("Kosten");
    }

    [Fact]
    public async Task A_postal_code_shows_the_responsible_office_with_address_opening_hours_and_contact()
    {
        var page = await _portal.Browse().GetAsync("/de/leistungen/buergergeld?ort=46325");

        var office = page.Document.QuerySelector("#zustaendige-stelle")!.ParentElement!;
        office.TextContent.ShouldContain("Für 46325 Borken ist zuständig:");
        office.QuerySelector(".office__name")!.TextContent.ShouldBe("Sozialamt Teststadt");
        office.QuerySelector("address")!.TextContent.ShouldContain("Rathausplatz 1");
        office.QuerySelectorAll(".office li").Select(l => l.TextContent).ShouldBe(["Montag – Freitag: 08:00 – 12:00", "Donnerstag: 14:00 – 18:00"]);
        office.QuerySelector("a[href='tel:02211234567']")!.TextContent.ShouldBe("0221 1234567");
        office.QuerySelector("a[href='mailto:sozialamt@example.org']").ShouldNotBeNull();
        office.QuerySelector("a[href='https://teststadt.example/sozialamt']").ShouldNotBeNull();
    }

    [Fact]
    public async Task Starting_after_looking_up_the_office_carries_the_place_on()
    {
        var page = await _portal.Browse().GetAsync("/de/leistungen/haushalt?ort=46325");

        page.Document.QuerySelector(".office__name")!.TextContent.ShouldBe("Sozialamt Teststadt");
        page.Document.QuerySelector("form[action$='/starten'] input[name=ort]")!.GetAttribute("value").ShouldBe("46325");
    }

    [Theory]
    [InlineData("en", "Monday – Friday: 08:00 – 12:00")]
    [InlineData("tr", "Pazartesi – Cuma: 08:00 – 12:00")]
    [InlineData("ar", "الاثنين – الجمعة: \u206808:00 – 12:00\u2069")]
    public async Task Opening_hours_are_written_in_the_readers_language_with_times_kept_in_order(string lang, string expected)
    {
        var page = await _portal.Browse().GetAsync($"/{lang}/leistungen/buergergeld?ort=Borken");

        page.Document.QuerySelectorAll(".office li").Select(l => l.TextContent).First().ShouldBe(expected);
    }

    [Fact]
    public async Task A_postal_code_in_two_kreise_offers_both_and_the_chosen_one_shows_its_office()
    {
        var client = _portal.Browse();
        var page = await client.GetAsync("/de/leistungen/buergergeld?ort=59000");

        page.Text("#zustaendige-stelle + p").ShouldBe("Mehrere Orte passen. Bitte wählen Sie Ihren Ort:");
        var links = page.Document.QuerySelectorAll(".office-lookup ul a").Select(a => (Text: a.TextContent, Href: a.GetAttribute("href")!)).ToList();
        links.Select(l => l.Text).ShouldBe(["59000 Nordort (Kreis Nord)", "59000 Südort (Kreis Süd)"]);

        var chosen = await client.GetAsync(links[1].Href);

        chosen.Text(".office-lookup").ShouldContain("Für 59000 Südort ist zuständig:");
    }

    [Theory]
    [InlineData("<script>alert(1)</script>", "Zu dieser Eingabe wurde kein Ort gefunden. Prüfen Sie die Postleitzahl oder den Ortsnamen.")]
    [InlineData("4632", "Eine Postleitzahl hat fünf Ziffern, zum Beispiel 46325.")]
    [InlineData("99999", "Diese Postleitzahl gibt es nicht. Prüfen Sie die fünf Ziffern.")]
    [InlineData("Atlantis", "Zu dieser Eingabe wurde kein Ort gefunden. Prüfen Sie die Postleitzahl oder den Ortsnamen.")]
    public async Task Input_that_names_no_place_gets_its_message_beside_the_field_and_is_shown_escaped(string input, string message)
    {
        var page = await _portal.Browse().GetAsync($"/de/leistungen/buergergeld?ort={Uri.EscapeDataString(input)}");

        page.FieldErrors.ShouldBe([message]);
        page.Document.QuerySelector("#office-place")!.GetAttribute("aria-invalid").ShouldBe("true");
        page.Document.QuerySelector("#office-place")!.GetAttribute("value").ShouldBe(input);
        page.Html.ShouldNotContain("<script>alert(1)</script>");
        page.Document.QuerySelector(".office").ShouldBeNull();
    }

    [Fact]
    public async Task Counselling_and_questionnaires_do_not_ask_for_an_office()
    {
        var client = _portal.Browse();

        (await client.GetAsync("/de/leistungen/schuldnerberatung?ort=46325")).Document.QuerySelector(".office-lookup").ShouldBeNull();
        (await client.GetAsync("/de/leistungen/sozialleistungsfinder")).Document.QuerySelector(".office-lookup").ShouldBeNull();
    }

    [Fact]
    public async Task The_place_step_shows_the_chosen_office_with_its_opening_hours()
    {
        var page = await Journeys.StartAsync(_portal.Browse(), "haushalt", place: "46325");

        page.Document.QuerySelector(".panel .office__name")!.TextContent.ShouldBe("Sozialamt Teststadt");
        page.Document.QuerySelectorAll(".panel .office li").Count.ShouldBe(2);
    }
}
