using System.Net;
using Microsoft.EntityFrameworkCore;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Inbox;

/// <summary>
/// Teams without JavaScript: a lead creates one and sets its members, a caseworker assigns a case to it, a member finds
/// it under "Nur mein Team"; a caseworker who is no lead, another authority's lead and a foreign token are refused.
/// </summary>
public sealed class TeamTests(InboxHost host) : IClassFixture<InboxHost>
{
    private InboxPortal Portal => host.Portal;

    [Fact]
    public async Task A_lead_keeps_a_team_a_case_is_assigned_to_it_and_a_member_finds_it_under_mein_Team()
    {
        await Portal.CaseworkerAsync("t-lead", InboxPortal.AuthorityA, CaseworkerRole.Lead);
        var member = await Portal.CaseworkerAsync("t-member", InboxPortal.AuthorityA);
        var accepted = await Portal.SubmitAsync(InboxPortal.AuthorityA);
        await Portal.DeliverAsync();
        var lead = await Portal.SignInAsync("t-lead");
        var page = await lead.GetAsync("/posteingang/teams");
        var created = await lead.PostAsync("/posteingang/teams", [page.AntiforgeryToken, ("name", "Leistung <b>U25</b>")]);
        var section = created.Document.QuerySelectorAll(".team").Single(t => t.QuerySelector("h2")!.TextContent == "Leistung <b>U25</b>");
        created.Html.ShouldNotContain("<b>U25</b>", customMessage: "the name is text, not markup");
        await lead.PostAsync(section.QuerySelector("form")!.GetAttribute("action")!, [page.AntiforgeryToken, ("mitglied", member.Id.ToString())]);

        var caseworker = await Portal.SignInAsync("t-member");
        var detail = await caseworker.GetAsync($"/posteingang/antraege/{accepted.Submission.Id}");
        var team = detail.Document.QuerySelectorAll("#team option").Single(o => o.TextContent == "Leistung <b>U25</b>").GetAttribute("value")!;
        var assigned = await caseworker.SubmitAsync(detail, "/team", new Dictionary<string, string?> { ["team"] = team });

        assigned.Document.QuerySelector("#team option[selected]")!.TextContent.ShouldBe("Leistung <b>U25</b>");
        var mine = await caseworker.GetAsync("/posteingang?team=1");
        mine.Document.QuerySelectorAll(".inbox-table tbody tr").ShouldHaveSingleItem().QuerySelector(".inbox-team")!.TextContent.ShouldContain("Leistung <b>U25</b>");
    }

    [Fact]
    public async Task A_caseworker_who_is_no_lead_another_authoritys_lead_and_a_foreign_token_are_refused()
    {
        await Portal.CaseworkerAsync("r-lead", InboxPortal.AuthorityA, CaseworkerRole.Lead);
        await Portal.CaseworkerAsync("r-worker", InboxPortal.AuthorityA);
        await Portal.CaseworkerAsync("r-other", InboxPortal.AuthorityB, CaseworkerRole.Lead);
        var accepted = await Portal.SubmitAsync(InboxPortal.AuthorityA);
        await Portal.DeliverAsync();
        var lead = await Portal.SignInAsync("r-lead");
        var page = await lead.GetAsync("/posteingang/teams");
        var created = await lead.PostAsync("/posteingang/teams", [page.AntiforgeryToken, ("name", "Eingang")]);
        var teamId = created.Document.QuerySelectorAll(".team").Single(t => t.QuerySelector("h2")!.TextContent == "Eingang").QuerySelector("form")!.GetAttribute("action")!.Split('/')[^2];
        var taken = await lead.PostAsync("/posteingang/teams", [page.AntiforgeryToken, ("name", "Eingang")]);
        taken.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        taken.Text("#name-error").ShouldEndWith("Ein Team mit diesem Namen gibt es schon.");

        var worker = await Portal.SignInAsync("r-worker");
        var workerPage = await worker.GetAsync("/posteingang");
        (await worker.GetAsync("/posteingang/teams")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await worker.PostAsync("/posteingang/teams", [workerPage.AntiforgeryToken, ("name", "Schatten")])).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await worker.PostAsync($"/posteingang/teams/{teamId}/mitglieder", [workerPage.AntiforgeryToken, ("mitglied", Guid.NewGuid().ToString())])).Status.ShouldBe(HttpStatusCode.Forbidden);

        var other = await Portal.SignInAsync("r-other");
        var otherPage = await other.GetAsync("/posteingang");
        (await other.PostAsync($"/posteingang/teams/{teamId}/mitglieder", [otherPage.AntiforgeryToken])).Status.ShouldBe(HttpStatusCode.NotFound);
        (await other.PostAsync($"/posteingang/antraege/{accepted.Submission.Id}/team", [otherPage.AntiforgeryToken, ("team", "")])).Status.ShouldBe(HttpStatusCode.NotFound);
        (await other.PostAsync($"/posteingang/antraege/{accepted.Submission.Id}/team", [page.AntiforgeryToken, ("team", "")])).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await lead.PostAsync($"/posteingang/antraege/{accepted.Submission.Id}/team", [page.AntiforgeryToken, ("team", "kein-team")])).Status.ShouldBe(HttpStatusCode.NotFound);

        await using var context = Portal.Get<SozialDatabase>().CreateContext();
        (await context.Teams.CountAsync(t => t.Name == "Schatten")).ShouldBe(0);
        (await context.InboxItems.Where(i => i.SubmissionId == accepted.Submission.Id).Select(i => i.TeamId).SingleAsync()).ShouldBeNull();
        (await context.AuditLog.CountAsync(a => a.SubmissionId == accepted.Submission.Id && a.Action == "case.team.refused")).ShouldBe(2);
    }

    [Fact]
    public async Task A_lead_renames_a_team_with_the_problem_beside_its_name_and_deletes_it_and_the_wrong_person_is_refused()
    {
        await Portal.CaseworkerAsync("n-lead", InboxPortal.AuthorityA, CaseworkerRole.Lead);
        await Portal.CaseworkerAsync("n-worker", InboxPortal.AuthorityA);
        await Portal.CaseworkerAsync("n-other", InboxPortal.AuthorityB, CaseworkerRole.Lead);
        var lead = await Portal.SignInAsync("n-lead");
        var page = await lead.GetAsync("/posteingang/teams");
        await lead.PostAsync("/posteingang/teams", [page.AntiforgeryToken, ("name", "Post")]);
        var created = await lead.PostAsync("/posteingang/teams", [page.AntiforgeryToken, ("name", "Eingang")]);
        var section = created.Document.QuerySelectorAll(".team").Single(t => t.QuerySelector("h2")!.TextContent == "Eingang");
        var rename = section.QuerySelector("form.team__rename")!.GetAttribute("action")!;
        var delete = section.QuerySelector("form.team__delete")!.GetAttribute("action")!;

        var taken = await lead.PostAsync(rename, [page.AntiforgeryToken, ("name", "Post")]);
        taken.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var field = taken.Document.QuerySelectorAll(".team").Single(t => t.QuerySelector("h2")!.TextContent == "Eingang").QuerySelector(".team__rename")!;
        field.QuerySelector(".field__error")!.TextContent.ShouldEndWith("Ein Team mit diesem Namen gibt es schon.");
        field.QuerySelector("input[name=name]")!.GetAttribute("value").ShouldBe("Post");
        taken.Document.QuerySelector("#name-error").ShouldBeNull("the new-team field has no problem");

        var worker = await Portal.SignInAsync("n-worker");
        var workerPage = await worker.GetAsync("/posteingang");
        (await worker.PostAsync(rename, [workerPage.AntiforgeryToken, ("name", "Schatten")])).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await worker.PostAsync(delete, [workerPage.AntiforgeryToken])).Status.ShouldBe(HttpStatusCode.Forbidden);
        var other = await Portal.SignInAsync("n-other");
        var otherPage = await other.GetAsync("/posteingang");
        (await other.PostAsync(rename, [otherPage.AntiforgeryToken, ("name", "Schatten")])).Status.ShouldBe(HttpStatusCode.NotFound);
        (await other.PostAsync(delete, [otherPage.AntiforgeryToken])).Status.ShouldBe(HttpStatusCode.NotFound);
        (await other.PostAsync(delete, [page.AntiforgeryToken])).Status.ShouldBe(HttpStatusCode.BadRequest, "another session's token");
        (await lead.PostAsync(delete, [])).Status.ShouldBe(HttpStatusCode.BadRequest, "no token");

        var renamed = await lead.PostAsync(rename, [page.AntiforgeryToken, ("name", "<script>alert(1)</script>")]);
        renamed.Html.ShouldNotContain("<script>alert(1)</script>");
        renamed.Document.QuerySelectorAll(".team h2").Select(h => h.TextContent).ShouldContain("<script>alert(1)</script>");
        var deleted = await lead.PostAsync(delete, [page.AntiforgeryToken]);
        var left = deleted.Document.QuerySelectorAll(".team h2").Select(h => h.TextContent).ToList();
        left.ShouldContain("Post");
        left.ShouldNotContain("<script>alert(1)</script>");

        await using var context = Portal.Get<SozialDatabase>().CreateContext();
        (await context.Teams.CountAsync(t => t.Name == "Schatten")).ShouldBe(0);
        (await context.AuditLog.CountAsync(a => a.Action == "team.rename.refused" || a.Action == "team.delete.refused")).ShouldBeGreaterThanOrEqualTo(4);
    }
}
