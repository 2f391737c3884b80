using System.Net;
using Sozialplattform.Delivery;
using Sozialplattform.Storage.Cases;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Inbox;
using Sozialplattform.Web.Hosting;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Inbox;

/// <summary>
/// The retention page of the inbox (<c>/posteingang/aufbewahrung</c>) without JavaScript: a lead sees the own
/// authority's closed cases with their date due and hold, the cases on hold and the deletion log, filtered by service and
/// paged; hostile data stays text; another authority's rows never appear; no lead 403, no login to the login page.
/// </summary>
public sealed class RetentionPageTests(InboxHost host) : IClassFixture<InboxHost>
{
    private const string Page = "/posteingang/aufbewahrung";
    private InboxPortal Portal => host.Portal;

    [Fact]
    public async Task A_lead_sees_the_own_authoritys_due_and_held_cases_and_deletion_log_with_hostile_data_as_text()
    {
        var lead = await Portal.CaseworkerAsync("rp-lead", InboxPortal.AuthorityA, CaseworkerRole.Lead);
        var other = await Portal.CaseworkerAsync("rp-other", InboxPortal.AuthorityB, CaseworkerRole.Lead);
        ConfigureRetention("""{ "services": { "haushalt": 30 } }""");
        var closed = await Portal.SubmitAsync(InboxPortal.AuthorityA);
        var held = await Portal.SubmitAsync(InboxPortal.AuthorityA);
        var foreign = await Portal.SubmitAsync(InboxPortal.AuthorityB);
        await Portal.DeliverAsync();
        var actions = Portal.Get<CaseworkerActions>();
        (await actions.ChangeStatusAsync(lead, closed.Submission.Id, SubmissionStatus.Closed, null)).ShouldBeTrue();
        (await actions.ChangeStatusAsync(lead, held.Submission.Id, SubmissionStatus.Closed, null)).ShouldBeTrue();
        (await actions.ChangeStatusAsync(other, foreign.Submission.Id, SubmissionStatus.Closed, null)).ShouldBeTrue();
        (await Portal.Get<CaseHolds>().SetAsync(lead, held.Submission.Id, "<script>alert(1)</script> Klage S 12 AS 345/26")).ShouldBe(CaseAccess.Done);
        (await Portal.Get<CaseHolds>().SetAsync(other, foreign.Submission.Id, "fremde Sperre")).ShouldBe(CaseAccess.Done);
        await AddDeletionsAsync(InboxPortal.AuthorityA, "<img src=x onerror=alert(2)>", 1);
        await AddDeletionsAsync(InboxPortal.AuthorityB, "SP-2026-FREM-D001", 1);

        var client = await Portal.SignInAsync("rp-lead");
        var page = await client.GetAsync(Page);

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.QuerySelector($"nav a[href='{Page}']").ShouldNotBeNull("leads find the page in the header");
        var due = page.Text("table.retention-due");
        due.ShouldContain(closed.Submission.ReferenceNumber);
        due.ShouldContain(held.Submission.ReferenceNumber);
        due.ShouldContain("Frist 30 Tage");
        due.ShouldContain("gesetzt von rp-lead");
        page.Document.QuerySelector($"table.retention-due a[href='/posteingang/antraege/{closed.Submission.Id}']").ShouldNotBeNull();
        page.Document.QuerySelector($"table.retention-due a[href='/posteingang/antraege/{closed.Submission.Id}/archiv.zip']").ShouldNotBeNull();
        page.Text("table.retention-held .retention-held__reason").ShouldBe("<script>alert(1)</script> Klage S 12 AS 345/26");
        page.Text("table.retention-log").ShouldContain("<img src=x onerror=alert(2)>");
        page.Text("table.retention-log").ShouldContain("Aufbewahrungsfrist der Stelle (automatisch)");
        page.Html.ShouldNotContain("<script>alert(1)");
        page.Html.ShouldNotContain("<img src=x");
        page.Html.ShouldNotContain(foreign.Submission.ReferenceNumber);
        page.Html.ShouldNotContain("FREM");
        page.Html.ShouldNotContain("fremde Sperre");

        var filtered = await client.GetAsync(Page + "?dienst=anderer-dienst");
        filtered.Html.ShouldNotContain(closed.Submission.ReferenceNumber);
        filtered.Text("section[aria-labelledby=retention-log]").ShouldContain("Noch wurde kein Antrag gelöscht.");
        (await client.GetAsync(Page + "?dienst=haushalt")).Text("table.retention-due").ShouldContain(closed.Submission.ReferenceNumber);
    }

    [Fact]
    public async Task The_deletion_log_is_paged_by_fifty_and_a_bad_page_number_shows_the_first_page()
    {
        await Portal.CaseworkerAsync("rp-pages", InboxPortal.AuthorityA, CaseworkerRole.Lead);
        await AddDeletionsAsync(InboxPortal.AuthorityA, "SP-2026-PAGE-", 120, formId: "seitenweise");
        var client = await Portal.SignInAsync("rp-pages");

        var first = await client.GetAsync(Page + "?dienst=seitenweise");
        first.Document.QuerySelectorAll("table.retention-log tbody tr").Length.ShouldBe(50);
        first.Text("section[aria-labelledby=retention-log] .inbox-pages").ShouldContain("Seite 1 von 3");
        var last = await client.GetAsync(Page + "?dienst=seitenweise&seite=3");
        last.Document.QuerySelectorAll("table.retention-log tbody tr").Length.ShouldBe(20);
        last.Text("table.retention-log").ShouldContain("SP-2026-PAGE-0");
        last.Document.QuerySelector("section[aria-labelledby=retention-log] .inbox-pages a[href='/posteingang/aufbewahrung?dienst=seitenweise&seite=2']").ShouldNotBeNull();
        foreach (var bad in new[] { "abc", "-1", "0", "99999999999" })
            (await client.GetAsync($"{Page}?dienst=seitenweise&seite={bad}")).Text("section[aria-labelledby=retention-log] .inbox-pages").ShouldContain("Seite 1 von 3");
    }

    [Fact]
    public async Task A_caseworker_who_is_no_lead_gets_403_an_operator_403_and_no_login_the_login_page()
    {
        await Portal.CaseworkerAsync("rp-worker", InboxPortal.AuthorityA);
        var worker = await Portal.SignInAsync("rp-worker");
        (await worker.GetAsync("/posteingang")).Document.QuerySelector($"a[href='{Page}']").ShouldBeNull("no link for caseworkers who are no lead");
        (await worker.GetAsync(Page)).Status.ShouldBe(HttpStatusCode.Forbidden);

        await Portal.OperatorAsync("rp-operator");
        var operations = await Portal.SignInAsync("rp-operator", "/posteingang/betrieb");
        (await operations.GetAsync(Page)).Status.ShouldBe(HttpStatusCode.Forbidden);

        (await Portal.Browse().GetAsync(Page)).Path.ShouldBe("/posteingang/anmelden");
    }

    private void ConfigureRetention(string json)
    {
        var settings = Path.Combine(Portal.Get<DeliveryOptions>().TenantsFolder, Portal.Get<PortalOptions>().Tenant, "tenant.json");
        var text = File.ReadAllText(settings);
        if (!text.Contains("caseRetention", StringComparison.Ordinal)) File.WriteAllText(settings, text.TrimEnd().TrimEnd('}') + $$""", "caseRetention": {{json}} }""");
    }

    private async Task AddDeletionsAsync(string authority, string reference, int count, string formId = "haushalt")
    {
        await using var context = Portal.Get<SozialDatabase>().CreateContext();
        for (var i = 0; i < count; i++)
            context.CaseDeletions.Add(new CaseDeletion
            {
                SubmissionId = Guid.NewGuid(), TenantId = Portal.Get<PortalOptions>().Tenant, AuthorityId = authority,
                ReferenceNumber = count == 1 ? reference : $"{reference}{i:D4}", FormId = formId, FormVersion = "1.0.0",
                SubmittedAt = new DateTime(2016, 1, 4, 0, 0, 0, DateTimeKind.Utc), ClosedAt = new DateTime(2016, 3, 1, 0, 0, 0, DateTimeKind.Utc),
                RetentionDays = 3650, DeletedAt = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(i), ApprovedBy = CaseRetention.SystemApproval,
            });
        await context.SaveChangesAsync();
    }
}
