using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Storage.Cases;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Web.Tests.Inbox;
using Sozialplattform.Web.Tests.Infrastructure;
using static Sozialplattform.Web.Tests.Infrastructure.OidcLogin;

namespace Sozialplattform.Web.Tests.SignIn;

/// <summary>
/// "Mein Konto" against the local provider (both real HTTP servers): a signed-in citizen sees and continues or deletes
/// their own drafts and sees their sent applications with status, the authority's messages, status page and PDF — and
/// nothing of anyone else's, not even by id.
/// </summary>
public sealed class AccountTests : IClassFixture<AccountTests.Host>
{
    private readonly OidcPortal _portal;

    public AccountTests(Host host) => _portal = host.Portal;

    public sealed class Host : IDisposable
    {
        public OidcPortal Portal { get; } = new();

        public void Dispose() => Portal.Dispose();
    }

    [Fact]
    public async Task Without_a_login_the_page_asks_for_one_and_comes_back_after_it()
    {
        var browser = _portal.Browser();

        var signIn = await browser.GetAsync("/de/konto");

        signIn.Path.ShouldBe("/de/anmelden");
        signIn.Url.Query.ShouldContain("ziel=%2Fde%2Fkonto");
        var account = await ChooseAsync(browser, await browser.GetAsync(signIn.Document.QuerySelector("a.button[href*='/anmelden/mit/']")!.GetAttribute("href")!), "olena-koval", "niedrig");
        account.Path.ShouldBe("/de/konto");
        account.Text("h1").ShouldBe("Mein Konto");
        account.Text("main").ShouldContain("Sie haben keine angefangenen Anträge.");
        account.Text("main").ShouldContain("Sie haben noch keinen Antrag gesendet.");
    }

    [Fact]
    public async Task Online_counselling_is_named_last_as_deliberately_not_linked_to_the_login_with_the_way_to_its_own_sign_in()
    {
        var account = await SignInAtAsync(_portal.Browser(), "/de/konto", "erika-mustermann");

        account.Document.QuerySelectorAll("main h2").Select(h => h.Id).Last().ShouldBe("online-beratung");
        account.Document.QuerySelector("h2#online-beratung")!.TextContent.Trim().ShouldBe("Online-Beratung");
        account.Text("main").ShouldContain("Ihre Gespräche in der Online-Beratung sind bewusst nicht mit Ihrem Nutzerkonto verbunden");
        account.Document.QuerySelector("a[href='/de/online-beratung/anmelden']")!.TextContent.ShouldBe("Zur Online-Beratung anmelden");
    }

    [Fact]
    public async Task A_draft_is_listed_for_its_owner_and_continues_in_another_browser_where_it_stands()
    {
        var erika = _portal.Browser();
        var place = await StartSignedInAsync(erika, "login-filling", "erika-mustermann");
        var chosen = await erika.SubmitAsync(place, "/ort/waehlen", new Dictionary<string, string?> { ["ort"] = "12345" });
        var draftId = DraftIdOf(chosen.Url);

        var laptop = _portal.Browser();
        var account = await SignInAtAsync(laptop, "/de/konto", "erika-mustermann");
        var item = account.Document.QuerySelector($"[data-draft='{draftId}']");
        item.ShouldNotBeNull();
        item.QuerySelector("h3")!.TextContent.Trim().ShouldBe("Anmeldung beforeFilling");
        item.TextContent.ShouldContain("Zuletzt gespeichert:");

        var continued = await laptop.SubmitAsync(account, $"/konto/entwuerfe/{draftId}/fortsetzen");

        continued.Path.ShouldBe($"/de/antrag/{draftId}/seite/seite", "the place is chosen, so the first page is next");
        continued.Document.QuerySelector("#f-name").ShouldNotBeNull();
    }

    [Fact]
    public async Task A_deleted_draft_is_gone_from_the_list_and_its_link_opens_nothing()
    {
        var erika = _portal.Browser();
        var place = await StartSignedInAsync(erika, "login-filling", "erika-mustermann");
        var draftId = DraftIdOf(place.Url);
        var account = await erika.GetAsync("/de/konto");

        var after = await erika.SubmitAsync(account, $"/konto/entwuerfe/{draftId}/loeschen");

        after.Path.ShouldBe("/de/konto");
        after.Text(".notice").ShouldBe("Der angefangene Antrag wurde gelöscht.");
        after.Document.QuerySelector($"[data-draft='{draftId}']").ShouldBeNull();
        (await erika.GetAsync(place.Url.PathAndQuery)).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Another_citizen_neither_sees_nor_reaches_a_draft_or_an_application_by_its_id()
    {
        var erika = _portal.Browser();
        var place = await StartSignedInAsync(erika, "login-filling", "erika-mustermann");
        var draftId = DraftIdOf(place.Url);
        var receipt = await SendAsync(erika, await StartAsync(erika, "login-filling"), "Erika");
        var reference = receipt.Path.Split('/')[3];

        var max = _portal.Browser();
        var account = await SignInAtAsync(max, "/de/konto", "max-yilmaz", "hoch");
        account.Document.QuerySelector($"[data-draft='{draftId}']").ShouldBeNull();
        account.Html.ShouldNotContain(reference);
        account.Html.ShouldNotContain(draftId.ToString());

        var token = account.Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var continued = await max.Http.PostAsync($"/de/konto/entwuerfe/{draftId}/fortsetzen", Form(("__RequestVerificationToken", token)));
        var deleted = await max.Http.PostAsync($"/de/konto/entwuerfe/{draftId}/loeschen", Form(("__RequestVerificationToken", token)));

        (continued.StatusCode, deleted.StatusCode).ShouldBe((HttpStatusCode.NotFound, HttpStatusCode.NotFound));
        (continued.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : []).ShouldNotContain(c => c.StartsWith("sp-draft-", StringComparison.Ordinal));
        (await erika.GetAsync("/de/konto")).Document.QuerySelector($"[data-draft='{draftId}']").ShouldNotBeNull("the draft is still Erika's");
        (await max.GetAsync($"/de/antrag/{draftId}/seite/seite")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_actions_need_a_login_and_the_antiforgery_token()
    {
        var erika = _portal.Browser();
        var place = await StartSignedInAsync(erika, "login-filling", "erika-mustermann");
        var draftId = DraftIdOf(place.Url);
        var account = await erika.GetAsync("/de/konto");

        var forged = await erika.Http.PostAsync($"/de/konto/entwuerfe/{draftId}/loeschen", Form(("x", "1")));
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        await erika.SubmitAsync(account, "/de/abmelden");
        var token = (await erika.GetAsync("/de/status")).Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var signedOut = await erika.Http.PostAsync($"/de/konto/entwuerfe/{draftId}/loeschen", Form(("__RequestVerificationToken", token)));
        signedOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signedOut.Headers.Location!.ToString().ShouldStartWith("/de/anmelden?ziel=%2Fde%2Fkonto");

        var again = await SignInAtAsync(erika, "/de/konto", "erika-mustermann");
        again.Document.QuerySelector($"[data-draft='{draftId}']").ShouldNotBeNull("nothing was deleted");
    }

    [Fact]
    public async Task A_sent_application_is_listed_with_its_status_the_authority_s_messages_escaped_and_links_to_status_and_PDF()
    {
        var browser = _portal.Browser();
        var place = await StartSignedInAsync(browser, "login-filling", "olena-koval");
        var receipt = await SendAsync(browser, place, "Olena");
        var reference = receipt.Path.Split('/')[3];
        await AddStatusMessageAsync(reference, SubmissionStatus.DocumentsRequested, "Bitte reichen Sie den Mietvertrag nach. " + TestForms.ScriptPayload);

        var account = await browser.GetAsync("/de/konto");

        account.Document.QuerySelector($"[data-draft='{DraftIdOf(place.Url)}']").ShouldBeNull("a sent draft is no draft any more");
        var item = account.Document.QuerySelector($"[data-reference='{reference}']")!;
        item.ShouldNotBeNull();
        item.QuerySelector(".status-tag")!.TextContent.ShouldBe("Unterlagen nachgefordert");
        item.QuerySelector(".timeline p")!.TextContent.ShouldBe("Bitte reichen Sie den Mietvertrag nach. " + TestForms.ScriptPayload);
        account.Html.ShouldNotContain("<script>window.__pwned");
        var status = await browser.GetAsync(item.QuerySelector("a[href*='/status/']")!.GetAttribute("href")!);
        status.Status.ShouldBe(HttpStatusCode.OK);
        status.Text(".status-tag").ShouldBe("Unterlagen nachgefordert");
        var pdf = await browser.Http.GetAsync(item.QuerySelector("a[href$='.pdf'], a[href*='antrag.pdf']")!.GetAttribute("href")!);
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
    }

    [Fact]
    public async Task The_authority_s_message_and_decision_show_with_the_authority_the_decision_to_download_and_the_way_to_hand_in_and_count_as_opened()
    {
        var browser = _portal.Browser();
        var receipt = await SendAsync(browser, await StartSignedInAsync(browser, "login-filling", "olena-koval"), "Olena");
        var reference = receipt.Path.Split('/')[3];
        await _portal.DeliverSamplesAsync();
        var submissionId = await SubmissionIdAsync(reference);
        var caseworker = new CaseworkerAccount { Login = "sachbearbeitung", DisplayName = "Sachbearbeitung", PasswordHash = "-", TenantId = "test", AuthorityId = "sozialamt-test" };
        var cases = _portal.Services.GetRequiredService<CaseWork>();
        (await cases.SendAsync(caseworker, submissionId, "Bitte reichen Sie den Mietvertrag nach. " + TestForms.ScriptPayload)).ShouldNotBeNull("the case is in the authority's inbox");
        await cases.SendAsync(caseworker, submissionId, "Ihr Bescheid", new CaseFile("bescheid.pdf", "application/pdf", InboxPortal.Pdf));

        var account = await browser.GetAsync("/de/konto");

        var item = account.Document.QuerySelector($"[data-reference='{reference}']")!;
        item.QuerySelector(".status-authority strong")!.TextContent.ShouldBe("Sozialamt Teststadt");
        item.QuerySelectorAll(".case-message .timeline__status").Select(e => e.TextContent).ShouldBe(["Bescheid", "Nachricht der Behörde"], "newest first");
        item.QuerySelector(".case-message--message .case-message__text")!.TextContent.ShouldBe("Bitte reichen Sie den Mietvertrag nach. " + TestForms.ScriptPayload);
        account.Html.ShouldNotContain("<script>window.__pwned");
        var decision = item.QuerySelector(".case-message--decision a[download]")!;
        decision.TextContent.ShouldBe("bescheid.pdf");
        var file = await browser.Http.GetAsync(decision.GetAttribute("href")!);
        file.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await file.Content.ReadAsByteArrayAsync()).ShouldBe(InboxPortal.Pdf);
        (await OpenedAsync(submissionId)).ShouldBe([true, true], "the message counts as read when shown, the decision when downloaded");

        var handIn = await browser.GetAsync(item.QuerySelector("a.account-hand-in")!.GetAttribute("href")!);
        handIn.Status.ShouldBe(HttpStatusCode.OK);
        handIn.Document.QuerySelector("form[action$='/nachreichen'] input[type='file']").ShouldNotBeNull("the hand-in form of this application");

        var other = await SignInAtAsync(_portal.Browser(), "/de/konto", "max-yilmaz", "hoch");
        other.Html.ShouldNotContain(reference);
        other.Html.ShouldNotContain("bescheid.pdf");
        other.Html.ShouldNotContain("Mietvertrag");
    }

    private async Task<Guid> SubmissionIdAsync(string reference)
    {
        await using var context = _portal.Services.GetRequiredService<SozialDatabase>().CreateContext();
        return await context.Submissions.Where(s => s.ReferenceNumber == reference).Select(s => s.Id).SingleAsync();
    }

    private async Task<bool[]> OpenedAsync(Guid submissionId)
    {
        await using var context = _portal.Services.GetRequiredService<SozialDatabase>().CreateContext();
        return await context.CaseMessages.Where(m => m.SubmissionId == submissionId).OrderBy(m => m.CreatedAt).Select(m => m.FirstOpenedAt != null).ToArrayAsync();
    }

    private async Task AddStatusMessageAsync(string reference, SubmissionStatus status, string message)
    {
        var database = _portal.Services.GetRequiredService<SozialDatabase>();
        await using var context = database.CreateContext();
        var submission = context.Submissions.Single(s => s.ReferenceNumber == reference);
        submission.Status = status;
        context.StatusEvents.Add(new StatusEvent
        {
            SubmissionId = submission.Id, Status = status, Actor = "test", CreatedAt = DateTime.UtcNow,
            MessageCipher = database.Protector.ProtectText(message, submission.Id),
        });
        await context.SaveChangesAsync();
    }

    private static Guid DraftIdOf(Uri url) => Guid.Parse(url.AbsolutePath.Split('/')[3]);

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));
}
