using System.Net;
using Microsoft.EntityFrameworkCore;
using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Inbox;

/// <summary>
/// Case work both ways, through the real pages without JavaScript: the caseworker asks for documents, the applicant
/// hands in files with a message on the status page (with its own receipt), the caseworker sees them in the timeline
/// and sends a decision, the applicant downloads it and the caseworker sees when — with content-free e-mail notices.
/// </summary>
public sealed class CaseMessagesTests
{
    private static readonly byte[] Png = WizardWalker.Png;

    [SkippableFact]
    public async Task Documents_asked_for_are_handed_in_on_the_status_page_and_a_decision_goes_back_and_is_seen_opened()
    {
        var port = FreePort.Next();
        using var portal = new InboxPortal(port);
        await using var smtp = await SmtpTestServer.StartAsync(port);
        await portal.CaseworkerAsync("c-journey", InboxPortal.AuthorityA);
        var accepted = await portal.SubmitAsync(InboxPortal.AuthorityA, email: "antrag@example.org");
        var reference = accepted.Submission.ReferenceNumber;
        await portal.DeliverAsync();
        var caseworker = await portal.SignInAsync("c-journey");
        var detail = await caseworker.GetAsync($"/posteingang/antraege/{accepted.Submission.Id}");
        await caseworker.SubmitAsync(detail, "/status", new Dictionary<string, string?> { ["status"] = "DocumentsRequested", ["nachricht"] = "Bitte reichen Sie Ihre Kontoauszüge nach." });

        var applicant = portal.Browse();
        var status = await applicant.GetAsync($"/de/status/{reference}?key={Uri.EscapeDataString(accepted.StatusSecret)}");
        status.Text(".status-authority").ShouldContain("Sozialamt Teststadt");
        var handedIn = await applicant.SubmitAsync(status, "/nachreichen", new Dictionary<string, string?> { ["nachricht"] = "Hier sind die Auszüge <script>alert('x')</script>" },
            files: [("dateien", "kontoauszug-1.pdf", InboxPortal.Pdf), ("dateien", "../../kontoauszug-2.png", Png)]);

        handedIn.Status.ShouldBe(HttpStatusCode.OK);
        handedIn.Text(".case-receipt").ShouldContain($"{reference}-N1");
        var handIn = handedIn.Document.QuerySelector(".case-message--handin")!;
        handIn.QuerySelectorAll("a").Select(a => a.TextContent).ShouldBe(["kontoauszug-1.pdf", "kontoauszug-2.png"]);
        handIn.QuerySelector(".case-message__text")!.TextContent.ShouldBe("Hier sind die Auszüge <script>alert('x')</script>");
        handedIn.Document.QuerySelectorAll("script").ShouldAllBe(s => !s.TextContent.Contains("alert"));

        var list = await caseworker.GetAsync("/posteingang?neu=1");
        list.Html.ShouldContain(reference, customMessage: "a hand-in makes the case new again");
        detail = await caseworker.GetAsync($"/posteingang/antraege/{accepted.Submission.Id}");
        var entry = detail.Document.QuerySelector(".case-timeline__entry--handin")!;
        entry.QuerySelector(".timeline__status")!.TextContent.ShouldBe($"Unterlagen nachgereicht ({reference}-N1)");
        entry.QuerySelector(".inbox-message")!.TextContent.ShouldBe("Hier sind die Auszüge <script>alert('x')</script>");
        var fileLink = entry.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).First();
        (await (await caseworker.Http.GetAsync(fileLink)).Content.ReadAsByteArrayAsync()).ShouldBe(InboxPortal.Pdf);

        var token = detail.Document.QuerySelector("form[action$='/mitteilungen'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var sent = await caseworker.PostAsync($"/posteingang/antraege/{accepted.Submission.Id}/mitteilungen",
            [("__RequestVerificationToken", token), ("mitteilung", "Ihr Bescheid liegt bei.")], [("bescheid", "Bescheid.pdf", InboxPortal.Pdf)]);
        sent.Text(".inbox-saved").ShouldBe("Gespeichert.");
        sent.Document.QuerySelector(".case-timeline__entry--decision .case-opened")!.TextContent.ShouldBe("Noch nicht geöffnet");

        (await portal.SendMailsAsync()).ShouldBe(2);
        var news = smtp.Received().Single(m => m.Subject?.StartsWith("Es gibt Neuigkeiten", StringComparison.Ordinal) == true);
        news.Subject.ShouldBe($"Es gibt Neuigkeiten zu Ihrem Antrag {reference}");
        news.TextBody!.ShouldNotContain("Bescheid liegt bei", customMessage: "the notice carries no content");

        status = await applicant.GetAsync($"/de/status/{reference}?key={Uri.EscapeDataString(accepted.StatusSecret)}");
        var decision = status.Document.QuerySelector(".case-message--decision")!;
        decision.QuerySelector(".case-message__text")!.TextContent.ShouldBe("Ihr Bescheid liegt bei.");
        using var download = await applicant.Http.GetAsync(decision.QuerySelector("a")!.GetAttribute("href"));
        download.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("Bescheid.pdf");
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(InboxPortal.Pdf);

        detail = await caseworker.GetAsync($"/posteingang/antraege/{accepted.Submission.Id}");
        detail.Document.QuerySelector(".case-timeline__entry--decision .case-opened")!.TextContent.ShouldStartWith("Geöffnet am");
        await using var context = portal.Get<SozialDatabase>().CreateContext();
        var actions = await context.AuditLog.Where(a => a.SubmissionId == accepted.Submission.Id).Select(a => a.Action).ToListAsync();
        actions.ShouldContain("case.hand-in");
        actions.ShouldContain("case.decision");
        actions.ShouldContain("case.download");
        (await context.Attachments.Where(a => a.SubmissionId == accepted.Submission.Id && a.Purpose == AttachmentPurpose.HandIn).Select(a => a.FileName).ToListAsync())
            .ShouldBe(["kontoauszug-1.pdf", "kontoauszug-2.png"], ignoreOrder: true, "a path in the file name is dropped");
    }

    [Fact]
    public async Task Hostile_or_empty_hand_ins_are_refused_beside_their_field_and_store_nothing()
    {
        using var portal = new InboxPortal();
        var accepted = await portal.SubmitAsync(InboxPortal.AuthorityA);
        await portal.DeliverAsync();
        var applicant = portal.Browse();
        var statusUrl = $"/de/status/{accepted.Submission.ReferenceNumber}?key={Uri.EscapeDataString(accepted.StatusSecret)}";
        var status = await applicant.GetAsync(statusUrl);

        var html = await applicant.SubmitAsync(status, "/nachreichen", files: [("dateien", "rechnung.pdf", "<html><script>alert(1)</script></html>"u8.ToArray())]);
        html.Text("#dateien-error").ShouldContain("nur PDF-Dateien oder Bilder");
        var tooMany = await applicant.SubmitAsync(status, "/nachreichen", files: Enumerable.Range(0, 11).Select(i => ("dateien", $"seite-{i}.pdf", InboxPortal.Pdf)));
        tooMany.Text("#dateien-error").ShouldContain("höchstens 10 Dateien");
        var empty = await applicant.SubmitAsync(status, "/nachreichen", new Dictionary<string, string?> { ["nachricht"] = "   " });
        empty.Text("#nachricht-error").ShouldContain("Bitte wählen Sie eine Datei oder schreiben Sie eine Nachricht");
        var tooLong = await applicant.SubmitAsync(status, "/nachreichen", new Dictionary<string, string?> { ["nachricht"] = new string('x', 4001) });
        tooLong.Text("#nachricht-error").ShouldContain("zu lang");

        await using (var context = portal.Get<SozialDatabase>().CreateContext())
        {
            (await context.CaseMessages.CountAsync(m => m.SubmissionId == accepted.Submission.Id)).ShouldBe(0);
            var submission = await context.Submissions.SingleAsync(s => s.Id == accepted.Submission.Id);
            submission.Status = SubmissionStatus.Closed;
            await context.SaveChangesAsync();
        }

        var closed = await applicant.SubmitAsync(status, "/nachreichen", new Dictionary<string, string?> { ["nachricht"] = "Noch etwas." });
        closed.Text(".case-closed").ShouldContain("abgeschlossen");
        closed.Document.QuerySelector(".case-closed")!.GetAttribute("role").ShouldBe("alert");
        closed.Document.QuerySelector("form[action$='/nachreichen']").ShouldBeNull("a closed case offers no hand-in");
    }

    [Fact]
    public async Task Another_applicant_a_wrong_code_another_authority_and_a_foreign_token_are_refused_and_audited()
    {
        using var portal = new InboxPortal();
        await portal.CaseworkerAsync("c-own", InboxPortal.AuthorityA);
        await portal.CaseworkerAsync("c-other", InboxPortal.AuthorityB);
        var mine = await portal.SubmitAsync(InboxPortal.AuthorityA);
        var theirs = await portal.SubmitAsync(InboxPortal.AuthorityB);
        await portal.DeliverAsync();
        var own = await portal.SignInAsync("c-own");
        var ownDetail = await own.GetAsync($"/posteingang/antraege/{mine.Submission.Id}");
        await own.PostAsync($"/posteingang/antraege/{mine.Submission.Id}/mitteilungen", [ownDetail.AntiforgeryToken, ("mitteilung", "x")], [("bescheid", "Bescheid.pdf", InboxPortal.Pdf)]);
        var decisionFile = await FileAsync(portal, mine.Submission.Id, AttachmentPurpose.Decision);

        // Another authority: the preview, a message, a decision and an assignment of A's case.
        var other = await portal.SignInAsync("c-other");
        var otherPage = await other.GetAsync("/posteingang");
        var uploadId = await FileAsync(portal, mine.Submission.Id, AttachmentPurpose.Attachment);
        (await other.Http.GetAsync($"/posteingang/antraege/{mine.Submission.Id}/dateien/{uploadId}/ansicht")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.PostAsync($"/posteingang/antraege/{mine.Submission.Id}/mitteilungen", [otherPage.AntiforgeryToken, ("mitteilung", "fremd")])).Status.ShouldBe(HttpStatusCode.NotFound);
        (await other.PostAsync($"/posteingang/antraege/{mine.Submission.Id}/zuweisung", [otherPage.AntiforgeryToken, ("bearbeiter", "")])).Status.ShouldBe(HttpStatusCode.NotFound);

        // A token of another session (replayed) is refused before anything is read.
        (await other.PostAsync($"/posteingang/antraege/{theirs.Submission.Id}/mitteilungen", [ownDetail.AntiforgeryToken, ("mitteilung", "x")])).Status.ShouldBe(HttpStatusCode.BadRequest);

        // Applicants: a wrong code, another applicant's code, a file of another case.
        var applicant = portal.Browse();
        var theirStatus = await applicant.GetAsync($"/de/status/{theirs.Submission.ReferenceNumber}?key={Uri.EscapeDataString(theirs.StatusSecret)}");
        var form = PortalClient.Collect(theirStatus.Document.QuerySelector("form[action$='/nachreichen']") as AngleSharp.Html.Dom.IHtmlFormElement ?? throw new InvalidOperationException());
        form.RemoveAll(f => f.Name == "key");
        (await applicant.PostAsync($"/de/status/{mine.Submission.ReferenceNumber}/nachreichen", [.. form, ("key", theirs.StatusSecret), ("nachricht", "untergeschoben")])).Status.ShouldBe(HttpStatusCode.NotFound);
        (await applicant.PostAsync($"/de/status/{mine.Submission.ReferenceNumber}/nachreichen", [.. form, ("key", mine.StatusSecret + "x"), ("nachricht", "geraten")])).Status.ShouldBe(HttpStatusCode.NotFound);
        (await applicant.Http.GetAsync($"/de/status/{theirs.Submission.ReferenceNumber}/dateien/{decisionFile}?key={Uri.EscapeDataString(theirs.StatusSecret)}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await applicant.Http.GetAsync($"/de/status/{mine.Submission.ReferenceNumber}/dateien/{decisionFile}?key={Uri.EscapeDataString(theirs.StatusSecret)}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await applicant.Http.GetAsync($"/de/status/{mine.Submission.ReferenceNumber}/dateien/{uploadId}?key={Uri.EscapeDataString(mine.StatusSecret)}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "the applicant's copy of the submission's own uploads is the PDF, not the file store");
        (await applicant.PostAsync($"/de/status/{mine.Submission.ReferenceNumber}/nachreichen", [("key", mine.StatusSecret), ("nachricht", "ohne Token")])).Status.ShouldBe(HttpStatusCode.BadRequest);

        await using var context = portal.Get<SozialDatabase>().CreateContext();
        (await context.CaseMessages.CountAsync(m => m.SubmissionId == mine.Submission.Id)).ShouldBe(1, "only the caseworker's own decision");
        (await context.InboxItems.SingleAsync(i => i.SubmissionId == mine.Submission.Id)).AssigneeId.ShouldBeNull();
        var refusals = await context.AuditLog.Where(a => a.SubmissionId == mine.Submission.Id && a.Action.EndsWith(".refused")).Select(a => new { a.Actor, a.Action }).ToListAsync();
        refusals.Where(r => r.Actor == "c-other").Select(r => r.Action).ShouldBe(["submission.preview.refused", "case.message.refused", "case.assign.refused"], ignoreOrder: true);
        refusals.Count(r => r is { Actor: "applicant", Action: "case.refused" }).ShouldBe(3, "two hand-ins and one download with a code that is not this case's");
    }

    [Fact]
    public async Task Assign_to_me_to_a_colleague_and_back_with_my_cases_filter_and_no_colleague_of_another_authority()
    {
        using var portal = new InboxPortal();
        var me = await portal.CaseworkerAsync("c-me", InboxPortal.AuthorityA);
        var colleague = await portal.CaseworkerAsync("c-colleague", InboxPortal.AuthorityA);
        var stranger = await portal.CaseworkerAsync("c-stranger", InboxPortal.AuthorityB);
        var mine = await portal.SubmitAsync(InboxPortal.AuthorityA);
        var unassigned = await portal.SubmitAsync(InboxPortal.AuthorityA);
        await portal.DeliverAsync();
        var client = await portal.SignInAsync("c-me");
        var detail = await client.GetAsync($"/posteingang/antraege/{mine.Submission.Id}");
        detail.Document.QuerySelectorAll("#bearbeiter option").Select(o => o.TextContent).ShouldBe(["Niemandem zugewiesen", "c-colleague (Test)", "c-me (Test)"]);

        detail = await client.SubmitAsync(detail, "/zuweisung", new Dictionary<string, string?> { ["bearbeiter"] = me.Id.ToString() });
        detail.Text(".case-assignee").ShouldBe("c-me (Test)");
        var myCases = await client.GetAsync("/posteingang?meine=1");
        myCases.Html.ShouldContain(mine.Submission.ReferenceNumber);
        myCases.Html.ShouldNotContain(unassigned.Submission.ReferenceNumber);

        var refused = await client.PostAsync($"/posteingang/antraege/{mine.Submission.Id}/zuweisung", [detail.AntiforgeryToken, ("bearbeiter", stranger.Id.ToString())]);
        refused.Status.ShouldBe(HttpStatusCode.NotFound);
        var junk = await client.PostAsync($"/posteingang/antraege/{mine.Submission.Id}/zuweisung", [detail.AntiforgeryToken, ("bearbeiter", "<script>")]);
        junk.Status.ShouldBe(HttpStatusCode.NotFound);

        detail = await client.SubmitAsync(detail, "/zuweisung", new Dictionary<string, string?> { ["bearbeiter"] = colleague.Id.ToString() });
        detail.Text(".case-assignee").ShouldBe("c-colleague (Test)");
        (await client.GetAsync("/posteingang?meine=1")).Html.ShouldNotContain(mine.Submission.ReferenceNumber);
        detail = await client.SubmitAsync(detail, "/zuweisung", new Dictionary<string, string?> { ["bearbeiter"] = "" });
        detail.Text(".case-assignee").ShouldBe("Niemandem zugewiesen");

        await using var context = portal.Get<SozialDatabase>().CreateContext();
        (await context.AuditLog.Where(a => a.SubmissionId == mine.Submission.Id && a.Action.StartsWith("case.assign")).OrderBy(a => a.Id).Select(a => a.Action + " " + a.Details).ToListAsync())
            .ShouldBe(["case.assign c-me", "case.assign.refused not in sozialamt-test: " + mine.Submission.Id, "case.assign.refused not in sozialamt-test: " + mine.Submission.Id, "case.assign c-colleague", "case.assign none"]);
    }


    private static async Task<Guid> FileAsync(InboxPortal portal, Guid submissionId, AttachmentPurpose purpose)
    {
        await using var context = portal.Get<SozialDatabase>().CreateContext();
        return await context.Attachments.Where(a => a.SubmissionId == submissionId && a.Purpose == purpose).Select(a => a.Id).FirstAsync();
    }
}
