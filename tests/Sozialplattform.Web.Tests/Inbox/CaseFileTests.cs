using System.Net;
using Microsoft.EntityFrameworkCore;
using Sozialplattform.Storage.Database;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Inbox;

/// <summary>
/// Case files (Akten) on the detail page without JavaScript: a generated file number, a second case linked to it, both
/// found in the list by file number and by the file's link; another authority, a foreign antiforgery token, hostile and
/// taken numbers refused and nothing changed.
/// </summary>
public sealed class CaseFileTests(InboxHost host) : IClassFixture<InboxHost>
{
    private InboxPortal Portal => host.Portal;

    [Fact]
    public async Task A_generated_file_number_links_a_second_case_and_the_list_finds_both_by_it()
    {
        await Portal.CaseworkerAsync("f-file", InboxPortal.AuthorityA);
        var first = await Portal.SubmitAsync(InboxPortal.AuthorityA);
        var second = await Portal.SubmitAsync(InboxPortal.AuthorityA);
        await Portal.DeliverAsync();
        var caseworker = await Portal.SignInAsync("f-file");
        var detail = await caseworker.GetAsync($"/posteingang/antraege/{first.Submission.Id}");
        detail.Text(".case-file__number").ShouldBe("");

        var opened = await caseworker.PostAsync($"/posteingang/antraege/{first.Submission.Id}/akte", [detail.AntiforgeryToken, ("aktion", "neu"), ("aktenzeichen", "")]);
        var number = opened.Text(".case-file__number strong");
        number.ShouldMatch(@"^\d{4}-\d{5}$", "the default format {year}-{number:5}");
        var secondPage = await caseworker.GetAsync($"/posteingang/antraege/{second.Submission.Id}");
        var linked = await caseworker.PostAsync($"/posteingang/antraege/{second.Submission.Id}/akte", [secondPage.AntiforgeryToken, ("aktion", "verbinden"), ("aktenzeichen", number)]);

        linked.Text(".case-file__number strong").ShouldBe(number);
        linked.Document.QuerySelectorAll(".case-file__others a").Select(a => a.TextContent).ShouldBe([first.Submission.ReferenceNumber]);
        var found = await caseworker.GetAsync("/posteingang?q=" + Uri.EscapeDataString(number));
        found.Document.QuerySelectorAll(".inbox-table tbody tr .inbox-file").Select(c => c.TextContent.Trim()).ShouldBe([number, number]);
        var inFile = await caseworker.GetAsync(linked.Document.QuerySelector(".case-file__number a")!.GetAttribute("href")!);
        inFile.Text(".inbox-file-filter").ShouldStartWith($"Fälle der Akte {number}");
        inFile.Document.QuerySelectorAll(".inbox-table tbody tr").Length.ShouldBe(2);
    }

    [Fact]
    public async Task Another_authority_a_foreign_token_and_hostile_or_taken_numbers_are_refused_and_change_nothing()
    {
        await Portal.CaseworkerAsync("f-own", InboxPortal.AuthorityA);
        await Portal.CaseworkerAsync("f-other", InboxPortal.AuthorityB);
        var accepted = await Portal.SubmitAsync(InboxPortal.AuthorityA);
        var another = await Portal.SubmitAsync(InboxPortal.AuthorityA);
        await Portal.DeliverAsync();
        var own = await Portal.SignInAsync("f-own");
        var detail = await own.GetAsync($"/posteingang/antraege/{accepted.Submission.Id}");
        var url = $"/posteingang/antraege/{accepted.Submission.Id}/akte";

        var hostile = await own.PostAsync(url, [detail.AntiforgeryToken, ("aktion", "neu"), ("aktenzeichen", "<script>alert(1)</script>")]);
        hostile.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        hostile.Text("#aktenzeichen-error").ShouldContain("höchstens 60 Buchstaben");
        hostile.Html.ShouldNotContain("<script>alert(1)");
        (await own.PostAsync(url, [detail.AntiforgeryToken, ("aktion", "verbinden"), ("aktenzeichen", "AZ-1")])).Text("#aktenzeichen-error").ShouldContain("gibt es bei Ihrer Stelle nicht");
        (await own.PostAsync(url, [detail.AntiforgeryToken, ("aktion", "loeschen")])).Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await own.PostAsync($"/posteingang/antraege/{another.Submission.Id}/akte", [detail.AntiforgeryToken, ("aktion", "neu"), ("aktenzeichen", "AZ-1")])).Status.ShouldBe(HttpStatusCode.OK);
        (await own.PostAsync(url, [detail.AntiforgeryToken, ("aktion", "neu"), ("aktenzeichen", "az-1")])).Text("#aktenzeichen-error").ShouldContain("gibt es schon");

        var other = await Portal.SignInAsync("f-other");
        var otherPage = await other.GetAsync("/posteingang");
        (await other.PostAsync(url, [otherPage.AntiforgeryToken, ("aktion", "neu"), ("aktenzeichen", "")])).Status.ShouldBe(HttpStatusCode.NotFound);
        (await other.PostAsync(url, [otherPage.AntiforgeryToken, ("aktion", "loesen")])).Status.ShouldBe(HttpStatusCode.NotFound);
        (await other.PostAsync(url, [detail.AntiforgeryToken, ("aktion", "neu"), ("aktenzeichen", "")])).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await other.GetAsync("/posteingang?q=AZ-1")).Document.QuerySelectorAll(".inbox-table tbody tr").Length.ShouldBe(0, "the other authority does not find the file");

        await using var context = Portal.Get<SozialDatabase>().CreateContext();
        (await context.InboxItems.Where(i => i.SubmissionId == accepted.Submission.Id).Select(i => i.DossierId).SingleAsync()).ShouldBeNull();
        (await context.AuditLog.CountAsync(a => a.SubmissionId == accepted.Submission.Id && a.Action == "case.file.refused")).ShouldBe(2);
    }
}
