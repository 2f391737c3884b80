using System.Net;
using Microsoft.EntityFrameworkCore;
using Sozialplattform.Storage.Database;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Inbox;

/// <summary>What a new caseworker found on the detail page and the list, fixed: answers in the form's order, files with their question, the case's actions at hand, a list with new marker, order and pages.</summary>
public sealed class CaseDetailTests(InboxHost host) : IClassFixture<InboxHost>
{
    private InboxPortal Portal => host.Portal;

    [Fact]
    public async Task The_answers_follow_the_forms_order_in_pages_that_fold_and_the_actions_and_timeline_stand_beside_them()
    {
        await Portal.CaseworkerAsync("d-order", InboxPortal.AuthorityA);
        var accepted = await Portal.SubmitAsync(InboxPortal.AuthorityA);
        await Portal.DeliverAsync();
        var client = await Portal.SignInAsync("d-order");

        var detail = await client.GetAsync($"/posteingang/antraege/{accepted.Submission.Id}");

        var pages = detail.Document.QuerySelectorAll(".case__main details.case-page");
        pages.Select(p => p.QuerySelector("summary")!.TextContent.Trim()).ShouldBe(["Antragsteller:in", "Haushalt", "Übersicht"]);
        pages.Select(p => p.HasAttribute("open")).ShouldBe([true, false, false], "the first page is open, the others fold (details/summary: no JavaScript needed)");
        var labels = pages[0].QuerySelectorAll("dt").Select(d => d.TextContent.Trim()).ToList();
        labels.IndexOf("Nachname").ShouldBeGreaterThanOrEqualTo(0);
        labels.IndexOf("Familienstand").ShouldBeGreaterThan(labels.IndexOf("Nachname"), "the group of the applicant comes before the marital status, as in the form and the PDF");
        var side = detail.Document.QuerySelector("aside.case__side")!;
        side.QuerySelector("form[action$='/status']").ShouldNotBeNull();
        side.QuerySelector("form[action$='/mitteilungen']").ShouldNotBeNull();
        side.QuerySelector("form[action$='/zuweisung']").ShouldNotBeNull();
        side.QuerySelector("form[action$='/notizen']").ShouldNotBeNull();
        side.QuerySelectorAll(".case-timeline li").Select(l => l.QuerySelector(".timeline__status")!.TextContent).ShouldBe(["Eingegangen"]);
        detail.Document.QuerySelector("a[href='#work-title']").ShouldNotBeNull("a jump to the actions for keyboards and narrow screens");
    }

    [Fact]
    public async Task Each_upload_names_its_question_and_person_with_its_size_in_KB_and_a_preview_that_is_logged()
    {
        await Portal.CaseworkerAsync("d-files", InboxPortal.AuthorityA);
        var accepted = await Portal.SubmitAsync(InboxPortal.AuthorityA);
        await Portal.DeliverAsync();
        var client = await Portal.SignInAsync("d-files");
        var id = accepted.Submission.Id;

        var detail = await client.GetAsync($"/posteingang/antraege/{id}");

        var row = detail.Document.QuerySelectorAll("table.case-files tbody tr").ShouldHaveSingleItem();
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        cells[0].ShouldBe("Nachweis");
        cells[1].ShouldBe("Person 1 › Einkommen 1");
        cells[2].ShouldStartWith("Lohnabrechnung Oktober.pdf");
        cells[3].ShouldBe($"{InboxPortal.Pdf.Length} B");
        var preview = row.QuerySelector("a[href$='/ansicht']")!.GetAttribute("href")!;
        using var shown = await client.Http.GetAsync(preview);
        shown.StatusCode.ShouldBe(HttpStatusCode.OK);
        shown.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        shown.Content.Headers.ContentDisposition.ShouldBeNull("shown in the browser, not downloaded");
        shown.Headers.CacheControl!.NoStore.ShouldBeTrue();
        (await shown.Content.ReadAsByteArrayAsync()).ShouldBe(InboxPortal.Pdf);
        await using var context = Portal.Get<SozialDatabase>().CreateContext();
        (await context.AuditLog.CountAsync(a => a.SubmissionId == id && a.Action == "submission.preview" && a.Actor == "d-files")).ShouldBe(1);
    }

    [Fact]
    public async Task The_list_marks_cases_nobody_opened_yet_as_new_sorts_by_reference_and_counts_its_pages()
    {
        await Portal.CaseworkerAsync("d-list", InboxPortal.AuthorityB);
        var submitted = new List<string>();
        for (var i = 0; i < 3; i++) submitted.Add((await Portal.SubmitAsync(InboxPortal.AuthorityB, change: a => a["antragsteller"]!["nachname"] = $"Liste{i}")).Submission.ReferenceNumber);
        await Portal.DeliverAsync();
        var client = await Portal.SignInAsync("d-list");

        var list = await client.GetAsync("/posteingang?sortierung=reference");
        var references = list.Document.QuerySelectorAll(".inbox-table tbody tr td:first-child a").Select(a => a.TextContent).Where(submitted.Contains).ToList();
        references.ShouldBe(submitted.Order(StringComparer.Ordinal).ToList());
        list.Document.QuerySelector("#sortierung option[selected]")!.GetAttribute("value").ShouldBe("reference");
        var newOnes = list.Document.QuerySelectorAll("tr.inbox-row--new td:first-child a").Select(a => a.TextContent).Where(submitted.Contains).ToList();
        newOnes.ShouldBe(references, ignoreOrder: true);
        list.Text(".inbox-count").ShouldEndWith("Seite 1 von 1");

        await client.GetAsync($"/posteingang/antraege/{(await IdOfAsync(submitted[0]))}");
        var after = await client.GetAsync("/posteingang?neu=1");
        after.Document.QuerySelectorAll(".inbox-table tbody tr td:first-child a").Select(a => a.TextContent).ShouldNotContain(submitted[0], "opened: no longer new");
        after.Html.ShouldContain(submitted[1]);
    }

    [Fact]
    public async Task Paging_goes_to_the_last_page_and_back_with_the_filter_kept()
    {
        await Portal.CaseworkerAsync("d-pages", InboxPortal.AuthorityB);
        await Portal.SubmitAsync(InboxPortal.AuthorityB, change: a => a["antragsteller"]!["nachname"] = "Seitenweise");
        await Portal.DeliverAsync();
        var client = await Portal.SignInAsync("d-pages");
        var first = await client.GetAsync("/posteingang?q=Seitenweise&sortierung=oldest");
        first.Text(".inbox-count").ShouldStartWith("1 ");
        first.Document.QuerySelectorAll(".inbox-pages").ShouldBeEmpty("one page needs no page links");
        var beyond = await client.GetAsync("/posteingang?q=Seitenweise&sortierung=oldest&seite=3");
        beyond.Text(".inbox-pages").ShouldContain("Seite 3 von 1");
        beyond.Document.QuerySelector(".inbox-pages a")!.GetAttribute("href").ShouldBe("/posteingang?q=Seitenweise&sortierung=oldest", "the first page, filter and order kept");
    }

    [Fact]
    public async Task Pages_with_forms_log_no_antiforgery_warning_about_cache_headers()
    {
        await Portal.CaseworkerAsync("d-log", InboxPortal.AuthorityA);
        var accepted = await Portal.SubmitAsync(InboxPortal.AuthorityA);
        await Portal.DeliverAsync();
        var client = await Portal.SignInAsync("d-log");
        var detail = await client.GetAsync($"/posteingang/antraege/{accepted.Submission.Id}");
        await client.SubmitAsync(detail, "/notizen", new Dictionary<string, string?> { ["notiz"] = "Gelesen." });
        await Portal.Browse().GetAsync("/de/status");

        detail.Response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        Portal.HostLog.Lines.Where(l => l.Level >= Microsoft.Extensions.Logging.LogLevel.Warning && l.Category.Contains("Antiforgery", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    private async Task<Guid> IdOfAsync(string reference)
    {
        await using var context = Portal.Get<SozialDatabase>().CreateContext();
        return await context.Submissions.Where(s => s.ReferenceNumber == reference).Select(s => s.Id).SingleAsync();
    }
}
