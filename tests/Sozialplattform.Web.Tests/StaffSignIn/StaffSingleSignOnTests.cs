using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Inbox;
using Sozialplattform.Web.Tests.Inbox;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.StaffSignIn;

/// <summary>
/// Staff single sign-on against the real local OpenID Connect provider (<see cref="StaffSsoPortal"/>): the groups of the
/// provider's ID token decide the role in the inbox and the designer; a login that maps to nothing, to two places, or
/// that lacks the second factor the tenant asks of the provider is refused with the reason and audited; so is an answer
/// the handler does not accept (expired token, state not this browser's, a code used twice).
/// </summary>
public sealed class StaffSingleSignOnTests(StaffSsoPortal portal) : IClassFixture<StaffSsoPortal>
{
    private const string Inbox = "/posteingang/anmelden";
    private const string Designer = "/designer/login";

    [Fact]
    public async Task A_caseworker_whose_group_maps_to_an_authority_signs_in_without_password_or_code_and_works_on_that_authority_s_inbox()
    {
        var mine = await portal.SubmitSampleAsync("sozialamt-test");
        var theirs = await portal.SubmitSampleAsync("jobcenter-test", change: a => a["antragsteller"]!["nachname"] = "Jobcenterfall");
        await portal.DeliverSamplesAsync();
        var browser = Browser();

        var list = await ContinueAsync(browser, await SignInAsync(browser, Inbox, StaffSsoPortal.ProviderId, "anna-sb"));

        list.Path.ShouldBe("/posteingang");
        list.Html.ShouldContain(mine.Submission.ReferenceNumber);
        list.Html.ShouldNotContain(theirs.Submission.ReferenceNumber);
        (await browser.GetAsync($"/posteingang/antraege/{theirs.Submission.Id}")).Status.ShouldBe(HttpStatusCode.NotFound);
        var account = await AccountAsync("sso:personal:anna-sb");
        (account.AuthorityId, account.Role, account.DisplayName).ShouldBe(("sozialamt-test", CaseworkerRole.Caseworker, "Anna Beispiel"));
        (await AuditAsync("sso:personal:anna-sb")).ShouldContain("sso.login.succeeded");
    }

    [Fact]
    public async Task A_caseworker_of_another_authority_sees_nothing_of_this_authority_s_inbox()
    {
        var theirs = await portal.SubmitSampleAsync("sozialamt-test", change: a => a["antragsteller"]!["nachname"] = "Sozialamtfall");
        await portal.DeliverSamplesAsync();
        var browser = Browser();

        var list = await ContinueAsync(browser, await SignInAsync(browser, Inbox, StaffSsoPortal.ProviderId, "bernd-jc"));

        list.Path.ShouldBe("/posteingang");
        list.Html.ShouldNotContain(theirs.Submission.ReferenceNumber);
        var detail = await browser.GetAsync($"/posteingang/antraege/{theirs.Submission.Id}");
        detail.Status.ShouldBe(HttpStatusCode.NotFound);
        detail.Html.ShouldNotContain("Sozialamtfall");
        (await AccountAsync("sso:personal:bernd-jc")).AuthorityId.ShouldBe("jobcenter-test");
    }

    [Fact]
    public async Task A_lead_group_makes_a_team_lead_and_an_operator_group_an_operator_on_the_operations_page()
    {
        var lead = Browser();
        (await ContinueAsync(lead, await SignInAsync(lead, Inbox, StaffSsoPortal.ProviderId, "frieda-leitung"))).Path.ShouldBe("/posteingang");
        (await AccountAsync("sso:personal:frieda-leitung")).Role.ShouldBe(CaseworkerRole.Lead);

        var operations = Browser();
        var page = await ContinueAsync(operations, await SignInAsync(operations, Inbox, StaffSsoPortal.ProviderId, "otto-betrieb"));
        page.Path.ShouldBe("/posteingang/betrieb");
        (await operations.GetAsync("/posteingang")).Status.ShouldBe(HttpStatusCode.Forbidden, "an operator sees no submissions");
    }

    [Fact]
    public async Task An_author_signs_in_to_the_designer_and_the_same_login_opens_no_inbox()
    {
        var browser = Browser();
        var designer = await ContinueAsync(browser, await SignInAsync(browser, Designer, StaffSsoPortal.ProviderId, "carla-redaktion"));

        designer.Path.ShouldBe("/designer");
        designer.Status.ShouldBe(HttpStatusCode.OK);
        designer.Html.ShouldNotContain("action=\"/designer/session\"", customMessage: "not the login page");
        (await AuditAsync("sso:personal:carla-redaktion")).ShouldContain("designer.sso.login.succeeded");

        var inbox = await SignInAsync(browser, Inbox, StaffSsoPortal.ProviderId, "carla-redaktion");
        inbox.Path.ShouldBe(Inbox);
        inbox.SummaryErrors.ShouldBe(["Ihr Konto beim Anbieter hat keine Rolle für diesen Posteingang. Bitte wenden Sie sich an die Verwaltung Ihrer Zugänge."]);
    }

    [Fact]
    public async Task A_login_whose_groups_map_to_no_role_is_refused_in_both_areas_with_the_reason_audited_and_no_account_made()
    {
        var browser = Browser();

        var inbox = await SignInAsync(browser, Inbox, StaffSsoPortal.ProviderId, "dora-kantine");
        var designer = await SignInAsync(browser, Designer, StaffSsoPortal.ProviderId, "dora-kantine");

        inbox.Path.ShouldBe(Inbox);
        inbox.SummaryErrors.ShouldBe(["Ihr Konto beim Anbieter hat keine Rolle für diesen Posteingang. Bitte wenden Sie sich an die Verwaltung Ihrer Zugänge."]);
        designer.Path.ShouldBe(Designer);
        designer.Text("[role=alert]").ShouldBe("Ihr Konto beim Anbieter hat keine Rolle, die den Designer öffnet. Bitte wenden Sie sich an die Verwaltung Ihrer Zugänge.");
        (await browser.GetAsync("/posteingang")).Path.ShouldBe(Inbox);
        (await browser.GetAsync("/designer")).Path.ShouldBe(Designer);
        var audit = await AuditEntriesAsync("sso:personal:dora-kantine");
        audit.Select(e => e.Action).ShouldBe(["sso.login.refused", "designer.sso.login.refused"], ignoreOrder: true);
        audit.ShouldAllBe(e => e.Details!.Contains("kantine") && e.Details.Contains("alle-mitarbeitenden"));
        (await TryAccountAsync("sso:personal:dora-kantine")).ShouldBeNull();
    }

    [Fact]
    public async Task Groups_at_two_authorities_are_refused_as_ambiguous()
    {
        var browser = Browser();

        var refused = await SignInAsync(browser, Inbox, StaffSsoPortal.ProviderId, "emil-zwei-stellen");

        refused.Path.ShouldBe(Inbox);
        refused.SummaryErrors.ShouldHaveSingleItem().ShouldStartWith("Ihr Konto beim Anbieter hat Rollen bei mehreren Stellen.");
        (await TryAccountAsync("sso:personal:emil-zwei-stellen")).ShouldBeNull();
    }

    [Fact]
    public async Task A_login_without_the_second_factor_the_tenant_asks_of_the_provider_is_refused()
    {
        var browser = Browser();

        var refused = await SignInAsync(browser, Inbox, StaffSsoPortal.ProviderId, "frieda-leitung", StaffSsoPortal.PasswordOnly);

        refused.Path.ShouldBe(Inbox);
        refused.SummaryErrors.ShouldBe(["Der Anbieter hat keinen zweiten Faktor bestätigt. Bitte melden Sie sich dort mit einem zweiten Faktor an."]);
        (await AuditEntriesAsync("sso:personal:frieda-leitung")).ShouldContain(e => e.Action == "sso.login.refused" && e.Details!.StartsWith("no second factor: acr 'urn:beispiel:acr:passwort'"));
    }

    [Fact]
    public async Task An_ID_token_that_has_expired_when_it_arrives_is_no_login()
    {
        var browser = Browser();

        var refused = await SignInAsync(browser, Inbox, StaffSsoPortal.ExpiredProviderId, "anna-sb", StaffSsoPortal.WithSecondFactor);

        refused.Path.ShouldBe(Inbox);
        refused.SummaryErrors.ShouldBe(["Die Anmeldung beim Anbieter ist nicht gelungen oder wurde abgebrochen. Bitte versuchen Sie es noch einmal."]);
        (await browser.GetAsync("/posteingang")).Path.ShouldBe(Inbox);
        (await AuditAsync("sso:personal-abgelaufen")).ShouldContain("sso.login.failed");
    }

    [Fact]
    public async Task An_ID_token_changed_on_its_way_to_make_someone_else_an_operator_is_no_login()
    {
        var browser = Browser();

        var refused = await SignInAsync(browser, Inbox, StaffSsoPortal.TamperedProviderId, "anna-sb", StaffSsoPortal.PasswordOnly);

        refused.Path.ShouldBe(Inbox);
        refused.SummaryErrors.ShouldBe(["Die Anmeldung beim Anbieter ist nicht gelungen oder wurde abgebrochen. Bitte versuchen Sie es noch einmal."]);
        (await browser.GetAsync("/posteingang/betrieb")).Path.ShouldBe(Inbox);
        (await TryAccountAsync("sso:personal-manipuliert:otto-betrieb")).ShouldBeNull();
        (await AuditEntriesAsync("sso:personal-manipuliert")).ShouldContain(e => e.Action == "sso.login.failed" && e.Details!.Contains("Signature", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task An_answer_whose_state_was_changed_is_no_login()
    {
        var browser = Browser();
        var answer = await AnswerAsync(browser, Designer, "carla-redaktion");
        var query = System.Web.HttpUtility.ParseQueryString(answer.Query);
        query["state"] = query["state"]![..^4] + "AAAA";

        var refused = await browser.GetAsync($"{answer.GetLeftPart(UriPartial.Path)}?{query}");

        refused.Path.ShouldBe(Designer);
        refused.Text("[role=alert]").ShouldBe("Die Anmeldung beim Anbieter ist nicht gelungen oder wurde abgebrochen. Bitte versuchen Sie es noch einmal.");
        (await browser.GetAsync("/designer")).Path.ShouldBe(Designer);
    }

    [Fact]
    public async Task An_answer_used_a_second_time_is_no_login_in_this_browser_nor_in_another()
    {
        var browser = Browser();
        var answer = await AnswerAsync(browser, Inbox, "anna-sb");
        var list = await ContinueAsync(browser, await browser.GetAsync(answer.ToString()));
        await browser.SubmitAsync(list, "/posteingang/abmelden");

        var again = await browser.GetAsync(answer.ToString());
        var elsewhere = Browser();
        var stolen = await elsewhere.GetAsync(answer.ToString());

        again.SummaryErrors.ShouldBe(["Die Anmeldung beim Anbieter ist nicht gelungen oder wurde abgebrochen. Bitte versuchen Sie es noch einmal."]);
        stolen.SummaryErrors.ShouldBe(again.SummaryErrors);
        (await browser.GetAsync("/posteingang")).Path.ShouldBe(Inbox);
        (await elsewhere.GetAsync("/posteingang")).Path.ShouldBe(Inbox);
    }

    [Fact]
    public async Task The_password_form_never_opens_a_single_sign_on_account_and_logout_ends_its_session()
    {
        var browser = Browser();
        await ContinueAsync(browser, await SignInAsync(browser, Inbox, StaffSsoPortal.ProviderId, "anna-sb"));
        var stranger = Browser();
        var login = await stranger.GetAsync(Inbox);
        var refused = await stranger.SubmitAsync(login, Inbox, new Dictionary<string, string?> { ["login"] = "sso:personal:anna-sb", ["password"] = "!single-sign-on" });
        refused.Status.ShouldBe(HttpStatusCode.Unauthorized);

        var list = await browser.GetAsync("/posteingang");
        var loggedOut = await browser.SubmitAsync(list, "/posteingang/abmelden");

        loggedOut.Path.ShouldBe(Inbox);
        (await browser.GetAsync("/posteingang")).Path.ShouldBe(Inbox);
    }

    [Fact]
    public async Task A_hostile_name_from_the_provider_is_escaped_and_an_unknown_provider_is_not_found()
    {
        var browser = Browser();

        var list = await ContinueAsync(browser, await SignInAsync(browser, Inbox, StaffSsoPortal.ProviderId, "<script>alert(1)</script>"));

        list.Path.ShouldBe("/posteingang");
        list.Html.ShouldNotContain("<script>alert('name')</script>");
        list.Html.ShouldContain("&lt;script&gt;alert(&#x27;name&#x27;)&lt;/script&gt;");
        (await browser.GetAsync("/posteingang/anmelden/sso/unbekannt")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    private PortalClient Browser() => OidcLogin.Browser(portal.BaseUrl, new CookieContainer());

    /// <summary>The area's login page → its button for <paramref name="provider"/> → the provider's page → the person and level chosen → the answer followed.</summary>
    private static async Task<PortalPage> SignInAsync(PortalClient browser, string loginPage, string provider, string user, string level = StaffSsoPortal.WithSecondFactor) =>
        await browser.GetAsync((await AnswerAsync(browser, loginPage, user, level, provider)).ToString());

    private static async Task<Uri> AnswerAsync(PortalClient browser, string loginPage, string user, string level = StaffSsoPortal.WithSecondFactor, string provider = StaffSsoPortal.ProviderId)
    {
        var login = await browser.GetAsync(loginPage);
        var button = login.Document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).Single(h => h.StartsWith($"{loginPage}/sso/{provider}?", StringComparison.Ordinal) || h == $"{loginPage}/sso/{provider}");
        return await OidcLogin.AnswerAsync(browser, await browser.GetAsync(button), user, level);
    }

    /// <summary>The page after a successful login, which leads on by itself (meta refresh) and by its link.</summary>
    private static async Task<PortalPage> ContinueAsync(PortalClient browser, PortalPage signedIn)
    {
        signedIn.Document.QuerySelector("meta[http-equiv=refresh]").ShouldNotBeNull(signedIn.Html);
        return await browser.GetAsync(signedIn.Document.QuerySelector("a#weiter")!.GetAttribute("href")!);
    }

    private async Task<CaseworkerAccount?> TryAccountAsync(string login)
    {
        await using var context = portal.Services.GetRequiredService<SozialDatabase>().CreateContext();
        return await context.CaseworkerAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.Login == login);
    }

    private async Task<CaseworkerAccount> AccountAsync(string login) => (await TryAccountAsync(login)).ShouldNotBeNull();

    private async Task<List<AuditLogEntry>> AuditEntriesAsync(string actor)
    {
        await using var context = portal.Services.GetRequiredService<SozialDatabase>().CreateContext();
        return await context.AuditLog.AsNoTracking().Where(e => e.Actor == actor).ToListAsync();
    }

    private async Task<List<string>> AuditAsync(string actor) => (await AuditEntriesAsync(actor)).Select(e => e.Action).ToList();
}
