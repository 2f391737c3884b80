using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Web.Tests.Infrastructure;
using static Sozialplattform.Web.Tests.Infrastructure.OidcLogin;

namespace Sozialplattform.Web.Tests.SignIn;

/// <summary>
/// The citizen login over OpenID Connect against the local provider, both real HTTP servers: the level the form needs
/// is asked for and checked, a re-authentication is asked for before sending, and tampered or mismatched answers are refused.
/// </summary>
public sealed class OidcSignInTests : IClassFixture<OidcSignInTests.Host>
{
    private readonly OidcPortal _portal;

    public OidcSignInTests(Host host) => _portal = host.Portal;

    public sealed class Host : IDisposable
    {
        public OidcPortal Portal { get; } = new(new Dictionary<string, string> { ["unbekannt"] = "urn:example:unmapped-level" });

        public void Dispose() => Portal.Dispose();
    }

    [Fact]
    public async Task A_form_needing_substantial_asks_the_provider_for_it_and_the_citizen_goes_on_with_the_level_in_the_session()
    {
        var browser = _portal.Browser();
        var signIn = await StartAsync(browser, "login-substantial");
        signIn.Path.ShouldBe("/de/anmelden");
        signIn.Text(".notice").ShouldBe("Dieser Antrag verlangt eine Anmeldung mit mindestens dem Vertrauensniveau „substantiell“.");

        var providerPage = await browser.GetAsync(signIn.Document.QuerySelector("a.button[href*='/anmelden/mit/']")!.GetAttribute("href")!);
        providerPage.Url.Authority.ShouldBe(new Uri(_portal.ProviderOptions.Url).Authority);
        var query = System.Web.HttpUtility.ParseQueryString(providerPage.Url.Query);
        (query["acr_values"], query["code_challenge_method"], query["response_type"]).ShouldBe(("http://eidas.europa.eu/LoA/substantial", "S256", "code"));
        query["state"].ShouldNotBeNullOrEmpty();
        query["nonce"].ShouldNotBeNullOrEmpty();

        var place = await ChooseAsync(browser, providerPage, "erika-mustermann", "substantiell");
        place.Path.ShouldEndWith("/ort");
        place.Text(".site-header__account span").ShouldBe("Angemeldet: Erika Mustermann");
    }

    [Fact]
    public async Task A_login_below_the_level_the_form_needs_is_refused_with_a_clear_message()
    {
        var browser = _portal.Browser();
        var signIn = await StartAsync(browser, "login-substantial");
        var providerPage = await browser.GetAsync(signIn.Document.QuerySelector("a.button[href*='/anmelden/mit/']")!.GetAttribute("href")!);

        var refused = await ChooseAsync(browser, providerPage, "erika-mustermann", "niedrig");

        refused.Path.ShouldBe("/de/anmelden");
        refused.Document.QuerySelectorAll(".notice").Select(n => n.TextContent).ShouldContain(n => n.StartsWith("Ihre Anmeldung hat das Vertrauensniveau „niedrig“. Dieser Antrag verlangt mindestens „substantiell“.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_level_the_tenant_does_not_map_is_no_login_at_all()
    {
        var browser = _portal.Browser();
        var providerPage = await browser.GetAsync((await StartAsync(browser, "login-substantial")).Document.QuerySelector("a.button[href*='/anmelden/mit/']")!.GetAttribute("href")!);

        var refused = await ChooseAsync(browser, providerPage, "erika-mustermann", "unbekannt");

        refused.Path.ShouldBe("/de/anmelden");
        refused.SummaryErrors.ShouldBe(["Die Anmeldung beim Nutzerkonto ist nicht gelungen oder wurde abgebrochen. Bitte versuchen Sie es noch einmal."]);
        refused.Document.QuerySelector(".site-header__account").ShouldBeNull();
    }

    [Fact]
    public async Task An_answer_with_a_tampered_state_or_a_replayed_code_is_refused_and_signs_nobody_in()
    {
        var browser = _portal.Browser();
        var providerPage = await browser.GetAsync((await StartAsync(browser, "login-substantial")).Document.QuerySelector("a.button[href*='/anmelden/mit/']")!.GetAttribute("href")!);
        var answer = await AnswerAsync(browser, providerPage, "erika-mustermann", "substantiell");
        var query = System.Web.HttpUtility.ParseQueryString(answer.Query);

        var tampered = await browser.GetAsync($"{answer.GetLeftPart(UriPartial.Path)}?code={Uri.EscapeDataString(query["code"]!)}&state={Uri.EscapeDataString(query["state"]![..^4] + "AAAA")}&iss={Uri.EscapeDataString(query["iss"] ?? "")}");
        tampered.SummaryErrors.ShouldBe(["Die Anmeldung beim Nutzerkonto ist nicht gelungen oder wurde abgebrochen. Bitte versuchen Sie es noch einmal."]);

        var first = await browser.GetAsync(answer.ToString());
        first.Path.ShouldEndWith("/ort", customMessage: "the untampered answer still works once");
        var thief = _portal.Browser();
        var replayed = await thief.GetAsync(answer.ToString());
        replayed.Path.ShouldBe("/de/anmelden", "without the browser's correlation cookie the answer is worthless");
        replayed.Document.QuerySelector(".site-header__account").ShouldBeNull();
    }

    [Fact]
    public async Task A_draft_started_by_one_citizen_is_not_opened_by_another_even_with_its_link()
    {
        var erika = _portal.Browser();
        var signIn = await StartAsync(erika, "login-substantial");
        var place = await ChooseAsync(erika, await erika.GetAsync(signIn.Document.QuerySelector("a.button[href*='/anmelden/mit/']")!.GetAttribute("href")!), "erika-mustermann", "substantiell");
        var draftUrl = place.Url.PathAndQuery;

        var max = _portal.Browser();
        var maxSignIn = await StartAsync(max, "login-filling");
        await ChooseAsync(max, await max.GetAsync(maxSignIn.Document.QuerySelector("a.button[href*='/anmelden/mit/']")!.GetAttribute("href")!), "max-yilmaz", "hoch");
        var saved = await erika.GetAsync(place.Url.PathAndQuery.Replace("/ort", "/gespeichert"));
        var resume = saved.Document.QuerySelectorAll("a, input").Select(e => e.GetAttribute("href") ?? e.GetAttribute("value")).FirstOrDefault(v => v?.Contains("/weiter/") == true);
        resume.ShouldNotBeNull();

        var opened = await max.GetAsync(new Uri(resume!).PathAndQuery);

        opened.Path.ShouldBe("/de/anmelden");
        opened.Html.ShouldContain("Dieser Antrag wurde unter einer anderen Anmeldung begonnen.");
        (await max.GetAsync(draftUrl)).Path.ShouldNotEndWith("/ort");
    }

    [Fact]
    public async Task Sending_a_form_that_asks_for_it_needs_a_fresh_login_with_max_age_0_and_prompt_login()
    {
        var browser = _portal.Browser();
        var signIn = await StartAsync(browser, "login-substantial");
        var place = await ChooseAsync(browser, await browser.GetAsync(signIn.Document.QuerySelector("a.button[href*='/anmelden/mit/']")!.GetAttribute("href")!), "erika-mustermann", "substantiell");
        var page = await browser.SubmitAsync(place, "/ort/waehlen", new Dictionary<string, string?> { ["ort"] = "12345" });
        page = await browser.GetAsync(page.Document.QuerySelector(".panel a.button")!.GetAttribute("href")!);
        var summary = await browser.SubmitAsync(page, "/senden", new Dictionary<string, string?> { ["name"] = "Erika" }, "next");
        summary.Path.ShouldEndWith("/zusammenfassung");
        summary.Html.ShouldContain("Vor dem Absenden melden Sie sich zur Sicherheit noch einmal an.");
        _portal.Clock.Advance(TimeSpan.FromMinutes(10));

        var again = await browser.SubmitAsync(summary, "/absenden");
        again.Path.ShouldBe("/de/anmelden");
        again.Html.ShouldContain("Zur Sicherheit melden Sie sich vor dem Absenden noch einmal an.");
        var providerPage = await browser.GetAsync(again.Document.QuerySelector("a.button[href*='/anmelden/mit/']")!.GetAttribute("href")!);
        var query = System.Web.HttpUtility.ParseQueryString(providerPage.Url.Query);
        (query["max_age"], query["prompt"]).ShouldBe(("0", "login"));
        var back = await ChooseAsync(browser, providerPage, "erika-mustermann", "substantiell");
        back.Path.ShouldEndWith("/zusammenfassung");

        var receipt = await browser.SubmitAsync(back, "/absenden");
        receipt.Path.ShouldStartWith("/de/eingang/SP-");
    }

    [Fact]
    public async Task Fields_start_with_the_account_s_values_marked_with_the_level_and_a_fixed_one_is_shown_not_asked()
    {
        var browser = _portal.Browser();
        var place = await StartSignedInAsync(browser, "login-prefill", "erika-mustermann");
        var chosen = await browser.SubmitAsync(place, "/ort/waehlen", new Dictionary<string, string?> { ["ort"] = "12345" });
        var page = await browser.GetAsync(chosen.Document.QuerySelector(".panel a.button")!.GetAttribute("href")!);

        page.Document.QuerySelector("output#f-nachname")!.TextContent.ShouldBe("Mustermann");
        page.Document.QuerySelector("[name='nachname']").ShouldBeNull("a fixed value has no input");
        page.Document.QuerySelector("[data-path='anschrift'] input[name$='street']")!.GetAttribute("value").ShouldBe("Heidestraße");
        page.Document.QuerySelector("[data-path='anschrift'] input[name$='houseNumber']")!.GetAttribute("value").ShouldBe("17");
        page.Document.QuerySelector("#f-personen-0-vorname")!.GetAttribute("value").ShouldBe("Erika", "the first row of a repeating group is the applicant's");
        page.Document.QuerySelector("output#f-personen-0-geburtsdatum")!.TextContent.ShouldBe("12.08.1964");
        page.Document.QuerySelector("#f-personen-0-kontakt-email")!.GetAttribute("value").ShouldBe("erika.mustermann@example.org", "a group inside the first row is the applicant's too");
        page.Document.QuerySelectorAll(".hint--identity").Select(h => h.TextContent.Trim()).ShouldBe([
            "Aus Ihrem Nutzerkonto übernommen (Vertrauensniveau „substantiell“); nicht änderbar.", "Aus Ihrem Nutzerkonto übernommen (Vertrauensniveau „substantiell“).",
            "Aus Ihrem Nutzerkonto übernommen (Vertrauensniveau „substantiell“).", "Aus Ihrem Nutzerkonto übernommen (Vertrauensniveau „substantiell“); nicht änderbar.",
            "Aus Ihrem Nutzerkonto übernommen (Vertrauensniveau „substantiell“)."]);

        var summary = await browser.SubmitAsync(page, "/senden", new Dictionary<string, string?>
        {
            ["nachname"] = "Musterfrau", ["anschrift.city"] = "Bonn", ["personen[0].geburtsdatum"] = "2001-01-01", ["personen[0].vorname"] = "Eri",
        }, "next");
        summary.Path.ShouldEndWith("/zusammenfassung");
        summary.Text("main").ShouldContain("Mustermann");
        summary.Text("main").ShouldContain("12.08.1964");
        summary.Text("main").ShouldNotContain("Musterfrau");
        summary.Text("main").ShouldNotContain("01.01.2001", customMessage: "a fixed value posted anyway is not taken");
        summary.Html.ShouldContain("Bonn", customMessage: "an editable value stays as the citizen changed it");
        summary.Html.ShouldContain("Eri", customMessage: "also in the first row");
        summary.Document.QuerySelectorAll(".summary-list .hint--identity").Select(h => h.TextContent.Trim()).Distinct().ShouldBe(["Aus dem Nutzerkonto übernommen (Vertrauensniveau „substantiell“)"]);
        summary.Document.QuerySelectorAll(".summary-list .hint--identity").Length.ShouldBe(5);
    }

    [Fact]
    public async Task Only_the_first_row_of_a_repeating_group_is_the_applicant_s_a_row_added_later_starts_empty()
    {
        var browser = _portal.Browser();
        var place = await StartSignedInAsync(browser, "login-prefill", "erika-mustermann");
        var chosen = await browser.SubmitAsync(place, "/ort/waehlen", new Dictionary<string, string?> { ["ort"] = "12345" });
        var page = await browser.GetAsync(chosen.Document.QuerySelector(".panel a.button")!.GetAttribute("href")!);

        var twoRows = await browser.SubmitAsync(page, "/senden", new Dictionary<string, string?>(), "add:personen");

        twoRows.Document.QuerySelector("#f-personen-0-vorname")!.GetAttribute("value").ShouldBe("Erika");
        twoRows.Document.QuerySelector("#f-personen-1-vorname")!.GetAttribute("value").ShouldBeNullOrEmpty();
        twoRows.Document.QuerySelector("#f-personen-1-geburtsdatum").ShouldNotBeNull("a fixed value is fixed only in the applicant's row; the others ask");
        twoRows.Document.QuerySelector("#f-personen-1-kontakt-email")!.GetAttribute("value").ShouldBeNullOrEmpty();
        twoRows.Document.QuerySelectorAll("[data-path^='personen[1]'] .hint--identity").ShouldBeEmpty();
    }

    [Fact]
    public async Task The_authority_s_PDF_and_the_applicant_s_copy_say_which_values_came_from_the_account_at_which_level()
    {
        var browser = _portal.Browser();
        var place = await StartSignedInAsync(browser, "login-prefill", "max-yilmaz", "hoch");
        var chosen = await browser.SubmitAsync(place, "/ort/waehlen", new Dictionary<string, string?> { ["ort"] = "12345" });
        var page = await browser.GetAsync(chosen.Document.QuerySelector(".panel a.button")!.GetAttribute("href")!);
        var summary = await browser.SubmitAsync(page, "/senden", new Dictionary<string, string?>(), "next");
        var receipt = await browser.SubmitAsync(summary, "/absenden");
        receipt.Path.ShouldStartWith("/de/eingang/SP-");

        var authorityPdf = PdfText(await StoredPdfAsync(receipt.Path.Split('/')[3]));
        authorityPdf.ShouldContain("Yılmaz Aus dem Nutzerkonto übernommen (Vertrauensniveau „hoch“)");
        var copy = await browser.Http.GetAsync(receipt.Document.QuerySelector("a[href*='antrag.pdf']")!.GetAttribute("href")!.Replace("/de/", "/en/"));
        PdfText(await copy.Content.ReadAsByteArrayAsync()).ShouldContain("Yılmaz Taken from the user account (level of assurance “high”)");
    }

    private async Task<byte[]> StoredPdfAsync(string reference)
    {
        var database = _portal.Services.GetRequiredService<Sozialplattform.Storage.Database.SozialDatabase>();
        await using var context = database.CreateContext();
        var submission = context.Submissions.Single(s => s.ReferenceNumber == reference);
        // Rendered after the accept: read as every reader does, through the one service that stores it once.
        var pdf = await _portal.Services.GetRequiredService<Sozialplattform.Delivery.Outbox.FormPdfs>().EnsureAsync(submission.Id);
        return pdf.Pdf!.Content;
    }

    private static string PdfText(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
    }

    [Fact]
    public async Task Logout_ends_the_session_here_and_at_the_provider()
    {
        var browser = _portal.Browser();
        var signIn = await StartAsync(browser, "login-substantial");
        var place = await ChooseAsync(browser, await browser.GetAsync(signIn.Document.QuerySelector("a.button[href*='/anmelden/mit/']")!.GetAttribute("href")!), "erika-mustermann", "hoch");

        // The logout form's redirects lead to the provider: the policy lets forms go there (browsers check a form's redirects).
        string.Join(";", place.Response.Headers.GetValues("Content-Security-Policy")).ShouldContain($"form-action 'self' {_portal.ProviderOptions.Url};");
        var home = await browser.SubmitAsync(place, "/de/abmelden");

        home.Path.ShouldBe("/de");
        home.Document.QuerySelector(".site-header__account").ShouldBeNull();
        (await browser.GetAsync(place.Url.PathAndQuery)).Path.ShouldBe("/de/anmelden");
    }
}
