using System.Net;
using Microsoft.EntityFrameworkCore;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Inbox;

/// <summary>The operations page for operators ("Betrieb"): dead and waiting deliveries, "retry now", and who may open what.</summary>
public sealed class OperationsTests(InboxHost host) : IClassFixture<InboxHost>
{
    private InboxPortal Portal => host.Portal;

    [Fact]
    public async Task An_operator_lands_on_the_operations_page_sees_a_dead_letter_of_the_failing_demo_channel_and_retry_now_makes_it_due_now_and_is_audited()
    {
        await Portal.OperatorAsync("betrieb-retry");
        var dead = await Portal.SubmitAsync(InboxPortal.AuthorityBroken, channel: "failing-demo");
        await Portal.DeliverAsync();
        var id = await DeliveryIdAsync(dead.Submission.Id);
        (await EntryAsync(id)).Status.ShouldBe(OutboxStatus.Dead);

        var client = await Portal.SignInAsync("betrieb-retry", landing: "/posteingang/betrieb");
        var page = await client.GetAsync("/posteingang/betrieb");
        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.QuerySelectorAll(".inbox-nav a").Select(a => a.GetAttribute("href")).ShouldBe(["/posteingang/betrieb"]);
        var row = Row(page, id);
        row.ShouldContain(dead.Submission.ReferenceNumber);
        row.ShouldContain("Sozialamt Störstadt");
        row.ShouldContain("failing-demo");
        row.ShouldContain("Unzustellbar");
        row.ShouldContain("attempt 1: failing-demo channel of 'sozialamt-stoerung' refused delivery");
        row.ShouldContain("Fachverfahren lehnt ab");

        var before = DateTime.UtcNow.AddSeconds(-1);
        var retried = await client.SubmitAsync(page, "/posteingang/betrieb/erneut-versuchen", new Dictionary<string, string?> { ["zustellung"] = id.ToString() });
        retried.Status.ShouldBe(HttpStatusCode.OK);
        retried.Url.PathAndQuery.ShouldBe($"/posteingang/betrieb?erneut={id}");
        retried.Text("[role=status]").ShouldBe($"Zustellung {dead.Submission.ReferenceNumber} ist jetzt fällig: Der Zustelldienst versucht sie bei seinem nächsten Durchlauf erneut (protokolliert).");
        Row(retried, id).ShouldContain("jetzt fällig");
        Row(retried, id).ShouldContain("Wartet");

        var entry = await EntryAsync(id);
        entry.Status.ShouldBe(OutboxStatus.Pending);
        entry.NextAttemptAt.ShouldBeInRange(before, DateTime.UtcNow);
        entry.Attempts.ShouldBe(1);
        await using var context = Portal.Get<SozialDatabase>().CreateContext();
        var audit = await context.AuditLog.Where(a => a.Actor == "betrieb-retry").OrderBy(a => a.Id).ToListAsync();
        audit.Select(a => a.Action).ShouldBe(["login.succeeded", "outbox.view", "outbox.view", "outbox.retry-now", "outbox.view"]);
        audit.Single(a => a.Action == "outbox.retry-now").ShouldSatisfyAllConditions(
            a => a.SubmissionId.ShouldBe(dead.Submission.Id),
            a => a.Details.ShouldBe($"delivery {id} to {InboxPortal.AuthorityBroken}"));
        audit.First(a => a.Action == "outbox.view").Details!.ShouldMatch(@"^attention: [0-9]+ rows$");
    }

    [Fact]
    public async Task The_operations_page_shows_dead_letters_before_waiting_deliveries_filters_by_status_and_never_shows_answers_names_or_files()
    {
        await Portal.OperatorAsync("betrieb-view");
        var dead = await Portal.SubmitAsync(InboxPortal.AuthorityBroken, channel: "failing-demo", change: a => a["antragsteller"]!["nachname"] = "Geheimnisträger");
        var waiting = await Portal.SubmitAsync(InboxPortal.AuthorityFlaky, channel: "failing-demo", change: a => a["antragsteller"]!["nachname"] = "Verschwiegen");
        var delivered = await Portal.SubmitAsync(InboxPortal.AuthorityA);
        await Portal.DeliverAsync();
        var (deadId, waitingId, deliveredId) = (await DeliveryIdAsync(dead.Submission.Id), await DeliveryIdAsync(waiting.Submission.Id), await DeliveryIdAsync(delivered.Submission.Id));
        var client = await Portal.SignInAsync("betrieb-view", landing: "/posteingang/betrieb");

        var page = await client.GetAsync("/posteingang/betrieb");
        var rows = page.Document.QuerySelectorAll(".inbox-table tbody tr").Select(r => r.Id).ToList();
        rows.IndexOf($"zustellung-{deadId}").ShouldBeLessThan(rows.IndexOf($"zustellung-{waitingId}"));
        rows.ShouldNotContain($"zustellung-{deliveredId}");
        Row(page, waitingId).ShouldContain("Wartet");
        Row(page, waitingId).ShouldContain("Fachverfahren nicht erreichbar");
        Row(page, waitingId).ShouldNotContain("jetzt fällig");
        page.Document.QuerySelectorAll(".inbox-table caption").Single().TextContent.ShouldBe("Unzustellbare und wartende Zustellungen");
        page.Document.QuerySelectorAll(".inbox-table thead th").ShouldAllBe(th => th.GetAttribute("scope") == "col");
        foreach (var secret in new[] { "Geheimnisträger", "Verschwiegen", "Lohnabrechnung", ".pdf", "/antraege/", "antrag.json" })
            page.Html.ShouldNotContain(secret, Case.Insensitive, secret);

        var onlyDead = await client.GetAsync("/posteingang/betrieb?status=Dead");
        onlyDead.Document.QuerySelectorAll(".inbox-table tbody tr").ShouldAllBe(r => r.TextContent.Contains("Unzustellbar"));
        onlyDead.Html.ShouldContain(deadId.ToString());
        onlyDead.Html.ShouldNotContain(waitingId.ToString());
        var onlyWaiting = await client.GetAsync("/posteingang/betrieb?status=Waiting");
        onlyWaiting.Html.ShouldContain(waitingId.ToString());
        onlyWaiting.Html.ShouldNotContain(deadId.ToString());
        var deliveredPage = await client.GetAsync("/posteingang/betrieb?status=Delivered");
        Row(deliveredPage, deliveredId).ShouldContain("Zugestellt");
        deliveredPage.Document.QuerySelector($"#zustellung-{deliveredId} form").ShouldBeNull();
        (await client.GetAsync("/posteingang/betrieb?status=Quatsch")).Html.ShouldContain(deadId.ToString());
    }

    [Fact]
    public async Task An_operator_gets_403_for_the_list_every_submission_page_file_export_change_and_the_deadlines_and_a_return_address_to_them_leads_to_the_operations_page()
    {
        await Portal.OperatorAsync("betrieb-access");
        var submission = await Portal.SubmitAsync(InboxPortal.AuthorityA);
        await Portal.DeliverAsync();
        var id = submission.Submission.Id;
        await using var context = Portal.Get<SozialDatabase>().CreateContext();
        var fileIds = await context.Attachments.Where(a => a.SubmissionId == id).Select(a => a.Id).ToListAsync();

        var client = Portal.Browse();
        var login = await client.GetAsync($"/posteingang/anmelden?ziel=%2Fposteingang%2Fantraege%2F{id}");
        (await client.SubmitAsync(login, "/posteingang/anmelden", new Dictionary<string, string?> { ["login"] = "betrieb-access", ["password"] = InboxPortal.Password }))
            .Path.ShouldBe("/posteingang/betrieb");

        foreach (var url in fileIds.Select(f => $"/posteingang/antraege/{id}/dateien/{f}")
                     .Concat(["/posteingang", "/posteingang?q=Yilmaz", "/posteingang/fristen", $"/posteingang/antraege/{id}", $"/posteingang/antraege/{id}/antrag.json", $"/posteingang/antraege/{id}/antrag.xml"]))
        {
            var page = await client.GetAsync(url);
            page.Status.ShouldBe(HttpStatusCode.Forbidden, url);
            page.Text("h1").ShouldBe("Kein Zugriff", url);
            page.Html.ShouldNotContain(submission.Submission.ReferenceNumber, Case.Sensitive, url);
        }

        var token = (await client.GetAsync("/posteingang/betrieb")).Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        foreach (var (action, fields) in new (string, (string, string)[])[]
                 {
                     ("/status", [("status", "Decided"), ("nachricht", "Abgelehnt.")]),
                     ("/notizen", [("notiz", "vom Betrieb")]),
                     ("/wiedervorlagen", [("datum", "2026-12-01"), ("grund", "vom Betrieb")]),
                 })
            (await client.PostAsync($"/posteingang/antraege/{id}{action}", fields.Append(("__RequestVerificationToken", token)))).Status.ShouldBe(HttpStatusCode.Forbidden, action);

        (await context.Submissions.SingleAsync(s => s.Id == id)).Status.ShouldBe(SubmissionStatus.Received);
        (await context.Notes.CountAsync(n => n.SubmissionId == id)).ShouldBe(0);
        (await context.FollowUps.CountAsync(f => f.SubmissionId == id)).ShouldBe(0);
        (await context.AuditLog.Where(a => a.Actor == "betrieb-access").Select(a => a.Action).Distinct().OrderBy(a => a).ToListAsync()).ShouldBe(["login.succeeded", "outbox.view"]);
    }

    [Fact]
    public async Task Caseworkers_and_leads_get_403_for_the_operations_page_and_its_retry_and_see_no_operations_link()
    {
        await Portal.CaseworkerAsync("sb-betrieb", InboxPortal.AuthorityA);
        await Portal.CaseworkerAsync("lead-betrieb", InboxPortal.AuthorityA, CaseworkerRole.Lead);
        var dead = await Portal.SubmitAsync(InboxPortal.AuthorityBroken, channel: "failing-demo");
        await Portal.DeliverAsync();
        var id = await DeliveryIdAsync(dead.Submission.Id);

        foreach (var login in new[] { "sb-betrieb", "lead-betrieb" })
        {
            var client = await Portal.SignInAsync(login);
            var list = await client.GetAsync("/posteingang");
            string[] links = login == "lead-betrieb" ? ["/posteingang", "/posteingang/fristen", "/posteingang/termine/de", "/posteingang/teams", "/posteingang/aufbewahrung"] : ["/posteingang", "/posteingang/fristen", "/posteingang/termine/de"];
            list.Document.QuerySelectorAll(".inbox-nav a").Select(a => a.GetAttribute("href")).ShouldBe(links, login);
            list.Html.ShouldNotContain("/posteingang/betrieb");
            var page = await client.GetAsync("/posteingang/betrieb?status=Dead");
            page.Status.ShouldBe(HttpStatusCode.Forbidden, login);
            page.Text("h1").ShouldBe("Kein Zugriff");
            page.Html.ShouldNotContain(dead.Submission.ReferenceNumber);
            var token = list.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            (await client.PostAsync("/posteingang/betrieb/erneut-versuchen", [("zustellung", id.ToString()), ("__RequestVerificationToken", token)])).Status.ShouldBe(HttpStatusCode.Forbidden, login);
        }

        (await EntryAsync(id)).Status.ShouldBe(OutboxStatus.Dead);
        await using var context = Portal.Get<SozialDatabase>().CreateContext();
        (await context.AuditLog.CountAsync(a => a.Action == "outbox.retry-now" && a.SubmissionId == dead.Submission.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task Retry_now_with_an_unknown_id_another_tenants_id_a_delivered_one_a_malformed_id_or_without_antiforgery_token_is_refused_with_a_specific_message_and_changes_nothing()
    {
        await Portal.OperatorAsync("betrieb-refused");
        var dead = await Portal.SubmitAsync(InboxPortal.AuthorityBroken, channel: "failing-demo");
        var delivered = await Portal.SubmitAsync(InboxPortal.AuthorityA);
        await Portal.DeliverAsync();
        var deadId = await DeliveryIdAsync(dead.Submission.Id);
        var deliveredId = await DeliveryIdAsync(delivered.Submission.Id);
        var foreign = new OutboxEntry
        {
            Id = Guid.CreateVersion7(), SubmissionId = Guid.NewGuid(), TenantId = "anders", AuthorityId = "amt-anders", Channel = "failing-demo",
            Status = OutboxStatus.Dead, Attempts = 10, NextAttemptAt = DateTime.UtcNow.AddDays(-1), LastError = "attempt 10: fremd", CreatedAt = DateTime.UtcNow.AddDays(-2),
        };
        await using (var context = Portal.Get<SozialDatabase>().CreateContext())
        {
            context.Outbox.Add(foreign);
            await context.SaveChangesAsync();
        }

        var client = await Portal.SignInAsync("betrieb-refused", landing: "/posteingang/betrieb");
        var page = await client.GetAsync("/posteingang/betrieb");
        page.Html.ShouldNotContain(foreign.Id.ToString());
        page.Html.ShouldNotContain("fremd");

        async Task<PortalPage> Retry(string value) =>
            await client.SubmitAsync(page, "/posteingang/betrieb/erneut-versuchen", new Dictionary<string, string?> { ["zustellung"] = value });

        foreach (var (value, status, message) in new[]
                 {
                     (Guid.NewGuid().ToString(), HttpStatusCode.NotFound, "Diese Zustellung gibt es bei Ihrem Mandanten nicht. Es wurde nichts geändert."),
                     (foreign.Id.ToString(), HttpStatusCode.NotFound, "Diese Zustellung gibt es bei Ihrem Mandanten nicht. Es wurde nichts geändert."),
                     (deliveredId.ToString(), HttpStatusCode.Conflict, "Diese Zustellung ist bereits zugestellt oder wird gerade zugestellt; ein erneuter Versuch ist nicht nötig. Es wurde nichts geändert."),
                     ("keine-nummer", HttpStatusCode.BadRequest, "Es wurde keine gültige Zustellungsnummer gesendet. Es wurde nichts geändert."),
                     ("", HttpStatusCode.BadRequest, "Es wurde keine gültige Zustellungsnummer gesendet. Es wurde nichts geändert."),
                 })
        {
            var refused = await Retry(value);
            refused.Status.ShouldBe(status, value);
            refused.SummaryErrors.ShouldBe([message], value);
            refused.Document.QuerySelector(".error-summary a")!.GetAttribute("href").ShouldBe("#zustellungen");
            refused.Document.QuerySelector("[role=status]").ShouldBeNull();
        }

        var withoutToken = await client.PostAsync("/posteingang/betrieb/erneut-versuchen", [("zustellung", deadId.ToString())]);
        withoutToken.Status.ShouldBe(HttpStatusCode.BadRequest);
        withoutToken.Text("h1").ShouldBe("Formular nicht angenommen");
        withoutToken.Text("main p").ShouldContain("das Sicherheitsmerkmal fehlt oder ist abgelaufen. Es wurde nichts geändert.");

        (await EntryAsync(deadId)).Status.ShouldBe(OutboxStatus.Dead);
        (await EntryAsync(deliveredId)).Status.ShouldBe(OutboxStatus.Delivered);
        var unchanged = await EntryAsync(foreign.Id);
        (unchanged.Status, unchanged.NextAttemptAt).ShouldBe((OutboxStatus.Dead, foreign.NextAttemptAt));
        await using var check = Portal.Get<SozialDatabase>().CreateContext();
        (await check.AuditLog.CountAsync(a => a.Action == "outbox.retry-now" && a.Actor == "betrieb-refused")).ShouldBe(0);
    }

    private static string Row(PortalPage page, Guid id) => page.Document.QuerySelector($"#zustellung-{id}")?.TextContent ?? throw new ShouldAssertException($"no row for delivery {id} on {page.Url}");

    private async Task<Guid> DeliveryIdAsync(Guid submissionId)
    {
        await using var context = Portal.Get<SozialDatabase>().CreateContext();
        return await context.Outbox.Where(o => o.SubmissionId == submissionId).Select(o => o.Id).SingleAsync();
    }

    private async Task<OutboxEntry> EntryAsync(Guid id)
    {
        await using var context = Portal.Get<SozialDatabase>().CreateContext();
        return await context.Outbox.AsNoTracking().SingleAsync(o => o.Id == id);
    }
}
