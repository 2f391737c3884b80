using System.Net;
using Microsoft.EntityFrameworkCore;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;
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
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_one_and_every_attempt_is_audited()
    {
        await Portal.CaseworkerAsync("a-lockout", InboxPortal.AuthorityA);
        var client = Portal.Browse();
        var login = await client.GetAsync("/posteingang/anmelden");
        for (var i = 1; i <= 4; i++)
        {
            var refused = await client.SubmitAsync(login, "/posteingang/anmelden", new Dictionary<string, string?> { ["login"] = "a-lockout", ["password"] = $"falsch-{i}" });
            refused.Status.ShouldBe(HttpStatusCode.Unauthorized);
            refused.Text(".error-summary").ShouldContain("Benutzername oder Passwort stimmen nicht");
        }

        var locked = await client.SubmitAsync(login, "/posteingang/anmelden", new Dictionary<string, string?> { ["login"] = "a-lockout", ["password"] = "falsch-5" });
        locked.Text(".error-summary").ShouldContain("Zu viele Fehlversuche: Das Konto ist bis");
        var stillLocked = await client.SubmitAsync(login, "/posteingang/anmelden", new Dictionary<string, string?> { ["login"] = "a-lockout", ["password"] = InboxPortal.Password });
        stillLocked.Status.ShouldBe(HttpStatusCode.Unauthorized);
        stillLocked.Text(".error-summary").ShouldContain("Zu viele Fehlversuche");
        (await client.GetAsync("/posteingang")).Path.ShouldBe("/posteingang/anmelden");

        var unknown = await client.SubmitAsync(login, "/posteingang/anmelden", new Dictionary<string, string?> { ["login"] = "niemand", ["password"] = "egal-egal-egal" });
        unknown.Text(".error-summary").ShouldContain("Benutzername oder Passwort stimmen nicht");
        (await AuditAsync("a-lockout")).ShouldBe(["login.failed", "login.failed", "login.failed", "login.failed", "login.locked", "login.refused"]);
        (await AuditAsync("niemand")).ShouldBe(["login.failed"]);
    }

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
