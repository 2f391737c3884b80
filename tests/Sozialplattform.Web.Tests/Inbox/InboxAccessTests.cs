using System.Net;
using Microsoft.EntityFrameworkCore;
using Sozialplattform.Storage.Database;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Logins;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Inbox;

/// <summary>Who gets in, and what they see: only their own authority's submissions, never by guessing ids.</summary>
public sealed class InboxAccessTests(InboxHost host) : IClassFixture<InboxHost>
{
    private InboxPortal Portal => host.Portal;

    [Fact]
    public async Task A_caseworker_of_one_authority_gets_404_for_every_page_file_export_and_change_of_another_authoritys_submission()
    {
        await Portal.CaseworkerAsync("a-isolation", InboxPortal.AuthorityA);
        var mine = await Portal.SubmitAsync(InboxPortal.AuthorityA);
        var theirs = await Portal.SubmitAsync(InboxPortal.AuthorityB, change: a => a["antragsteller"]!["nachname"] = "Nordmann");
        await Portal.DeliverAsync();
        var client = await Portal.SignInAsync("a-isolation");
        var id = theirs.Submission.Id;
        var files = await FileIdsAsync(id);

        var list = await client.GetAsync("/posteingang");
        list.Html.ShouldContain(mine.Submission.ReferenceNumber);
        list.Html.ShouldNotContain(theirs.Submission.ReferenceNumber);
        (await client.GetAsync($"/posteingang?q={theirs.Submission.ReferenceNumber}")).Text(".inbox-empty").ShouldBe("Keine Anträge gefunden.");
        (await client.GetAsync("/posteingang?q=Nordmann")).Text(".inbox-empty").ShouldBe("Keine Anträge gefunden.");

        foreach (var url in files.Select(f => $"/posteingang/antraege/{id}/dateien/{f}").Concat([$"/posteingang/antraege/{id}", $"/posteingang/antraege/{id}/antrag.json", $"/posteingang/antraege/{id}/antrag.xml"]))
        {
            var page = await client.GetAsync(url);
            page.Status.ShouldBe(HttpStatusCode.NotFound, url);
            page.Html.ShouldNotContain("Nordmann");
        }

        var own = await client.GetAsync($"/posteingang/antraege/{mine.Submission.Id}");
        foreach (var (action, values) in new (string, Dictionary<string, string?>)[]
                 {
                     ("/status", new() { ["status"] = "Decided", ["nachricht"] = "Abgelehnt." }),
                     ("/notizen", new() { ["notiz"] = "fremd" }),
                     ("/wiedervorlagen", new() { ["datum"] = "2026-12-01", ["grund"] = "fremd" }),
                 })
        {
            var fields = PortalClient.Collect(own.Document.QuerySelectorAll("form").OfType<AngleSharp.Html.Dom.IHtmlFormElement>().First(f => f.Action.EndsWith(action, StringComparison.Ordinal)));
            foreach (var (name, value) in values) { fields.RemoveAll(f => f.Name == name); fields.Add((name, value!)); }
            (await client.PostAsync($"/posteingang/antraege/{id}{action}", fields)).Status.ShouldBe(HttpStatusCode.NotFound, action);
        }

        await using var context = Portal.Get<SozialDatabase>().CreateContext();
        (await context.Submissions.SingleAsync(s => s.Id == id)).Status.ShouldBe(SubmissionStatus.Received);
        (await context.StatusEvents.CountAsync(e => e.SubmissionId == id)).ShouldBe(1);
        (await context.Notes.CountAsync(n => n.SubmissionId == id)).ShouldBe(0);
        (await context.FollowUps.CountAsync(f => f.SubmissionId == id)).ShouldBe(0);
        (await context.AuditLog.Where(a => a.SubmissionId == id).Select(a => a.Action).ToListAsync()).ShouldBe(["inbox.received"]);
    }

    /// <summary>
    /// Every POST route of a case the host maps — those of today and any added later, found in the host's endpoints, not
    /// listed by hand — refuses a caller without a login (to the login page) and answers 404 to a caseworker of another
    /// authority, with the caller's valid antiforgery token; the case is unchanged afterwards.
    /// </summary>
    [Fact]
    public async Task Every_post_route_of_a_case_refuses_without_login_and_answers_404_to_another_authority_changing_nothing()
    {
        await Portal.CaseworkerAsync("a-every-route", InboxPortal.AuthorityA);
        var theirs = await Portal.SubmitAsync(InboxPortal.AuthorityB);
        await Portal.DeliverAsync();
        var id = theirs.Submission.Id;
        var routes = Portal.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .Select(e => e.RoutePattern.RawText ?? "")
            .Where(r => r.StartsWith("/posteingang/antraege/{id:guid}/", StringComparison.Ordinal))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        routes.ShouldContain("/posteingang/antraege/{id:guid}/checkliste");
        routes.ShouldContain("/posteingang/antraege/{id:guid}/bescheidbrief");
        routes.Count.ShouldBeGreaterThanOrEqualTo(10);
        var before = await CaseStateAsync(id);

        var stranger = Portal.Browse();
        var strangerToken = (await stranger.GetAsync("/posteingang/anmelden")).AntiforgeryToken;
        var other = await Portal.SignInAsync("a-every-route");
        var otherToken = (await other.GetAsync("/posteingang")).AntiforgeryToken;
        foreach (var route in routes)
        {
            var url = System.Text.RegularExpressions.Regex.Replace(route.Replace("{id:guid}", id.ToString()), @"\{[^}]+\}", Guid.NewGuid().ToString());
            (await stranger.PostAsync(url, [strangerToken])).Path.ShouldBe("/posteingang/anmelden", route);
            (await other.PostAsync(url, [otherToken])).Status.ShouldBe(HttpStatusCode.NotFound, route);
        }

        (await CaseStateAsync(id)).ShouldBe(before);
    }

    /// <summary>What a change to a case would touch: status, events, notes, follow-ups, messages, decisions, assignment, checklist.</summary>
    private async Task<string> CaseStateAsync(Guid id)
    {
        await using var context = Portal.Get<SozialDatabase>().CreateContext();
        var submission = await context.Submissions.AsNoTracking().SingleAsync(s => s.Id == id);
        var audit = await context.AuditLog.Where(a => a.SubmissionId == id && !a.Action.Contains("refused") && !a.Action.Contains("denied")).CountAsync();
        return string.Join("|", submission.Status, await context.StatusEvents.CountAsync(e => e.SubmissionId == id),
            await context.Notes.CountAsync(n => n.SubmissionId == id), await context.FollowUps.CountAsync(f => f.SubmissionId == id),
            await context.Attachments.CountAsync(a => a.SubmissionId == id), await context.Outbox.CountAsync(o => o.SubmissionId == id), audit);
    }

    [Fact]
    public async Task Without_a_login_every_inbox_page_leads_to_the_login_and_every_post_is_refused()
    {
        var submission = await Portal.SubmitAsync(InboxPortal.AuthorityA);
        await Portal.DeliverAsync();
        var client = Portal.Browse();

        var detail = await client.Http.GetAsync($"/posteingang/antraege/{submission.Submission.Id}");
        detail.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        detail.Headers.Location!.ToString().ShouldBe($"/posteingang/anmelden?ziel=%2Fposteingang%2Fantraege%2F{submission.Submission.Id}");
        (await client.GetAsync("/posteingang/fristen")).Path.ShouldBe("/posteingang/anmelden");
        (await client.GetAsync($"/posteingang/antraege/{submission.Submission.Id}/antrag.json")).Path.ShouldBe("/posteingang/anmelden");

        var login = await client.GetAsync("/posteingang/anmelden");
        var post = await client.PostAsync($"/posteingang/antraege/{submission.Submission.Id}/status",
            [("__RequestVerificationToken", login.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), ("status", "Closed")]);
        post.Path.ShouldBe("/posteingang/anmelden");
        await using var context = Portal.Get<SozialDatabase>().CreateContext();
        (await context.Submissions.SingleAsync(s => s.Id == submission.Submission.Id)).Status.ShouldBe(SubmissionStatus.Received);
    }

    [Fact]
    public async Task After_login_the_caseworker_returns_to_the_page_they_asked_for_and_logout_ends_the_session()
    {
        await Portal.CaseworkerAsync("a-return", InboxPortal.AuthorityA);
        var client = Portal.Browse();
        var login = await client.GetAsync("/posteingang/fristen");
        login.Path.ShouldBe("/posteingang/anmelden");
        var deadlines = await client.SubmitAsync(login, "/posteingang/anmelden", new Dictionary<string, string?> { ["login"] = "a-return", ["password"] = InboxPortal.Password });
        deadlines.Path.ShouldBe("/posteingang/fristen");
        deadlines.Text("h1").ShouldBe("Fristen und Wiedervorlagen");
        deadlines.Response.Headers.CacheControl!.NoStore.ShouldBeTrue();

        var loggedOut = await client.SubmitAsync(deadlines, "/posteingang/abmelden");
        loggedOut.Path.ShouldBe("/posteingang/anmelden");
        (await client.GetAsync("/posteingang")).Path.ShouldBe("/posteingang/anmelden");
        (await AuditAsync("a-return")).ShouldBe(["login.succeeded", "inbox.deadlines", "logout"]);
    }

    [Fact]
    public async Task A_login_form_posted_without_its_antiforgery_token_is_refused_before_the_password_is_checked()
    {
        await Portal.CaseworkerAsync("a-forgery", InboxPortal.AuthorityA);
        var client = Portal.Browse();
        var page = await client.PostAsync("/posteingang/anmelden", [("login", "a-forgery"), ("password", InboxPortal.Password)]);
        page.Status.ShouldBe(HttpStatusCode.BadRequest);
        (await AuditAsync("a-forgery")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Unknown_logins_wrong_passwords_and_waiting_logins_get_the_same_page_and_another_address_still_signs_in()
    {
        await Portal.CaseworkerAsync("a-lockout", InboxPortal.AuthorityA);
        var attacker = Portal.Browse();
        attacker.Http.DefaultRequestHeaders.Add(InboxPortal.ClientAddressHeader, "203.0.113.9");
        var login = await attacker.GetAsync("/posteingang/anmelden");

        async Task<PortalPage> Attempt(string user, string password) =>
            await attacker.SubmitAsync(login, "/posteingang/anmelden", new Dictionary<string, string?> { ["login"] = user, ["password"] = password });

        for (var i = 1; i <= 5; i++)
        {
            var (real, unknown) = (await Attempt("a-lockout", $"falsch-{i}"), await Attempt("a-niemand", $"falsch-{i}"));
            (real.Status, unknown.Status).ShouldBe((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized));
            real.Text(".error-summary").ShouldContain("Benutzername oder Passwort stimmen nicht");
            Comparable(unknown, "a-niemand").ShouldBe(Comparable(real, "a-lockout"));
        }

        var (waiting, waitingUnknown) = (await Attempt("a-lockout", InboxPortal.Password), await Attempt("a-niemand", InboxPortal.Password));
        (waiting.Status, waitingUnknown.Status).ShouldBe((HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests));
        waiting.Text(".error-summary").ShouldContain("Zu viele Fehlversuche. Bitte warten Sie bis");
        int.Parse(waiting.Response.Headers.RetryAfter!.ToString(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(1, 30);
        Comparable(waitingUnknown, "a-niemand").ShouldBe(Comparable(waiting, "a-lockout"));
        (await attacker.GetAsync("/posteingang")).Path.ShouldBe("/posteingang/anmelden");

        var caseworker = Portal.Browse();
        caseworker.Http.DefaultRequestHeaders.Add(InboxPortal.ClientAddressHeader, "10.1.2.3");
        var page = await caseworker.GetAsync("/posteingang/anmelden");
        (await caseworker.SubmitAsync(page, "/posteingang/anmelden", new Dictionary<string, string?> { ["login"] = "a-lockout", ["password"] = InboxPortal.Password }))
            .Path.ShouldBe("/posteingang", "failures from another address do not lock the caseworker out");
        (await AuditAsync("a-lockout")).ShouldBe(["login.failed", "login.failed", "login.failed", "login.failed", "login.failed", "login.locked", "login.succeeded", "inbox.list"]);
        (await AuditAsync("a-niemand")).ShouldBe(["login.failed", "login.failed", "login.failed", "login.failed", "login.failed", "login.locked"]);
    }

    [Fact]
    public async Task A_hundred_parallel_wrong_logins_through_the_host_get_five_refusals_and_then_only_waits()
    {
        await Portal.CaseworkerAsync("a-parallel", InboxPortal.AuthorityA);
        var attacker = Portal.Browse();
        attacker.Http.DefaultRequestHeaders.Add(InboxPortal.ClientAddressHeader, "198.51.100.77");
        var login = await attacker.GetAsync("/posteingang/anmelden");

        Task<PortalPage> Attempt(string password) =>
            attacker.SubmitAsync(login, "/posteingang/anmelden", new Dictionary<string, string?> { ["login"] = "a-parallel", ["password"] = password });

        var pages = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => Task.Run(() => Attempt($"falsch-{i}"))));

        pages.Count(p => p.Status == HttpStatusCode.Unauthorized).ShouldBe(5);
        pages.Count(p => p.Status == HttpStatusCode.TooManyRequests).ShouldBe(95);
        (await Attempt(InboxPortal.Password)).Status.ShouldBe(HttpStatusCode.TooManyRequests);
        // Parallel attempts write their audit entries in the order they finish, so the lock may come before a failure.
        (await AuditAsync("a-parallel")).Order(StringComparer.Ordinal).ShouldBe([.. Enumerable.Repeat("login.failed", 5), "login.locked"]);
    }

    [Fact]
    public async Task A_session_cookie_copied_before_the_logout_opens_nothing_after_it()
    {
        await Portal.CaseworkerAsync("a-logout", InboxPortal.AuthorityA);
        var client = Portal.Browse();
        var loginPage = await client.GetAsync("/posteingang/anmelden");
        var fields = PortalClient.Collect(loginPage.Document.QuerySelectorAll("form").OfType<AngleSharp.Html.Dom.IHtmlFormElement>().Single(f => f.Action.EndsWith("/anmelden", StringComparison.Ordinal)));
        fields.RemoveAll(f => f.Name is "login" or "password");
        var signedIn = await client.Http.PostAsync("/posteingang/anmelden", new FormUrlEncodedContent([.. fields.Select(f => KeyValuePair.Create(f.Name, f.Value)), new("login", "a-logout"), new("password", InboxPortal.Password)]));
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var copied = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(Web.Inbox.Session.InboxAuthentication.CookieName + "=", StringComparison.Ordinal)).Split(';')[0];
        var thief = Portal.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        thief.DefaultRequestHeaders.Add("Cookie", copied);
        (await thief.GetAsync("/posteingang")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var list = await client.GetAsync("/posteingang");
        (await client.SubmitAsync(list, "/posteingang/abmelden")).Path.ShouldBe("/posteingang/anmelden");

        var after = await thief.GetAsync("/posteingang");
        after.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        after.Headers.Location!.ToString().ShouldStartWith("/posteingang/anmelden");
        (await AuditAsync("a-logout")).Where(a => !a.StartsWith("inbox.", StringComparison.Ordinal)).ShouldBe(["login.succeeded", "logout"]);
    }

    [Fact]
    public void The_login_protection_of_the_host_reads_its_settings_from_the_section_Logins()
    {
        Portal.Get<LoginProtection>().Options.ShouldBe(Portal.Get<LoginProtectionOptions>());
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logins:PerLoginAndAddress:FirstWait"] = "00:01:00", ["Logins:PerAddress:FreeFailures"] = "50", ["Logins:MaxConcurrentAttempts"] = "4",
        }).Build();

        var options = configuration.GetSection(LoginProtectionOptions.Section).Get<LoginProtectionOptions>().ShouldNotBeNull();

        options.PerLoginAndAddress.ShouldBe(new ThrottleLimit { FreeFailures = 5, FirstWait = TimeSpan.FromMinutes(1), MaxWait = TimeSpan.FromMinutes(15) });
        (options.PerAddress.FreeFailures, options.PerAddress.FirstWait, options.MaxConcurrentAttempts).ShouldBe((50, TimeSpan.FromSeconds(1), 4));
    }

    /// <summary>A login page as the visitor sees it, without what differs anyway: the login typed and the form's antiforgery token.</summary>
    /// <summary>The page with the login, the antiforgery token and clock times masked: two waits that begin a moment apart may end in different minutes.</summary>
    private static string Comparable(PortalPage page, string login) =>
        System.Text.RegularExpressions.Regex.Replace(
            System.Text.RegularExpressions.Regex.Replace(page.Html.Replace(login, "LOGIN", StringComparison.Ordinal), "name=\"__RequestVerificationToken\" value=\"[^\"]+\"", "TOKEN"),
            @"\b\d{1,2}:\d{2}(:\d{2})?\b", "HH:MM");

    private async Task<IReadOnlyList<Guid>> FileIdsAsync(Guid submissionId)
    {
        await using var context = Portal.Get<SozialDatabase>().CreateContext();
        return await context.Attachments.Where(a => a.SubmissionId == submissionId).Select(a => a.Id).ToListAsync();
    }

    private async Task<List<string>> AuditAsync(string actor)
    {
        await using var context = Portal.Get<SozialDatabase>().CreateContext();
        return await context.AuditLog.Where(a => a.Actor == actor).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
    }
}
