using System.Net;
using Microsoft.EntityFrameworkCore;
using Sozialplattform.Storage.Database;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Inbox;

/// <summary>
/// The checklist a service declares (samples/forms/haushalt/1.0.0/checklist.json), ticked per case on the detail page
/// without JavaScript: progress (on the page and in the list), who ticked what, the audit entries; an undeclared item and another authority refused.
/// </summary>
public sealed class CaseChecklistTests(InboxHost host) : IClassFixture<InboxHost>
{
    private InboxPortal Portal => host.Portal;

    [Fact]
    public async Task Items_ticked_on_the_case_page_show_progress_and_who_ticked_them_and_are_audited()
    {
        await Portal.CaseworkerAsync("k-tick", InboxPortal.AuthorityA);
        var accepted = await Portal.SubmitAsync(InboxPortal.AuthorityA);
        await Portal.DeliverAsync();
        var caseworker = await Portal.SignInAsync("k-tick");
        var detail = await caseworker.GetAsync($"/posteingang/antraege/{accepted.Submission.Id}");
        detail.Document.QuerySelectorAll("input[name=erledigt]").Select(i => i.GetAttribute("value")).ShouldBe(["identitaet", "einkommen", "bescheid"]);
        detail.Text(".case-checklist__progress").ShouldBe("0 von 3 erledigt");

        var saved = await caseworker.SubmitAsync(detail, "/checkliste", new Dictionary<string, string?> { ["erledigt"] = "identitaet" });
        saved = await caseworker.SubmitAsync(saved, "/checkliste", new Dictionary<string, string?> { ["erledigt"] = null }, files: null);
        var twoTicked = await caseworker.PostAsync($"/posteingang/antraege/{accepted.Submission.Id}/checkliste",
            [saved.AntiforgeryToken, ("erledigt", "identitaet"), ("erledigt", "einkommen")]);

        twoTicked.Text(".case-checklist__progress").ShouldBe("2 von 3 erledigt");
        twoTicked.Document.QuerySelectorAll("input[name=erledigt][checked]").Select(i => i.GetAttribute("value")).ShouldBe(["identitaet", "einkommen"]);
        twoTicked.Document.QuerySelector("label[for=erledigt-identitaet] + .case-checklist__by")!.TextContent.ShouldStartWith("k-tick (Test), ");
        var list = await caseworker.GetAsync("/posteingang");
        list.Document.QuerySelectorAll(".inbox-table tbody tr").Single(r => r.TextContent.Contains(accepted.Submission.ReferenceNumber))
            .QuerySelector(".inbox-checklist")!.TextContent.ShouldBe("2 von 3", "the list shows the progress");
        await using var context = Portal.Get<SozialDatabase>().CreateContext();
        (await context.AuditLog.Where(a => a.SubmissionId == accepted.Submission.Id && a.Action == "case.checklist").OrderBy(a => a.Id).Select(a => a.Details).ToListAsync())
            .ShouldBe(["+identitaet", "-identitaet", "+einkommen +identitaet"]);
    }

    [Fact]
    public async Task An_undeclared_item_and_another_authority_are_refused_and_change_nothing()
    {
        await Portal.CaseworkerAsync("k-own", InboxPortal.AuthorityA);
        await Portal.CaseworkerAsync("k-other", InboxPortal.AuthorityB);
        var accepted = await Portal.SubmitAsync(InboxPortal.AuthorityA);
        await Portal.DeliverAsync();
        var own = await Portal.SignInAsync("k-own");
        var detail = await own.GetAsync($"/posteingang/antraege/{accepted.Submission.Id}");

        var undeclared = await own.PostAsync($"/posteingang/antraege/{accepted.Submission.Id}/checkliste",
            [detail.AntiforgeryToken, ("erledigt", "identitaet"), ("erledigt", "<script>alert(1)</script>")]);
        undeclared.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        undeclared.Text("#erledigt-error").ShouldContain("gehört nicht zur Checkliste");
        undeclared.Html.ShouldNotContain("<script>alert(1)");

        var other = await Portal.SignInAsync("k-other");
        var otherPage = await other.GetAsync("/posteingang");
        (await other.PostAsync($"/posteingang/antraege/{accepted.Submission.Id}/checkliste", [otherPage.AntiforgeryToken, ("erledigt", "identitaet")])).Status.ShouldBe(HttpStatusCode.NotFound);
        (await other.PostAsync($"/posteingang/antraege/{accepted.Submission.Id}/checkliste", [detail.AntiforgeryToken, ("erledigt", "identitaet")])).Status.ShouldBe(HttpStatusCode.BadRequest);

        await using var context = Portal.Get<SozialDatabase>().CreateContext();
        (await context.CaseChecks.CountAsync(c => c.SubmissionId == accepted.Submission.Id)).ShouldBe(0);
        (await context.AuditLog.CountAsync(a => a.SubmissionId == accepted.Submission.Id && a.Action == "case.checklist.refused")).ShouldBe(1);
    }
}
