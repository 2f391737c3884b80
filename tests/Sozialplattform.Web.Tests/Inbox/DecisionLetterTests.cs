using System.Net;
using Microsoft.EntityFrameworkCore;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Web.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace Sozialplattform.Web.Tests.Inbox;

/// <summary>
/// A decision letter from a template of the service (samples/forms/haushalt/1.0.0/letters/), through the real pages
/// without JavaScript: the caseworker picks a template, edits the filled draft, and sends it; the applicant downloads
/// the rendered PDF from the status page. Hostile answers stay text; another authority gets 404, audited.
/// </summary>
public sealed class DecisionLetterTests(InboxHost host) : IClassFixture<InboxHost>
{
    private const string Hostile = "<script>alert(1)</script>{{ 7 * 7 }}";

    private InboxPortal Portal => host.Portal;

    [Fact]
    public async Task A_letter_drafted_from_a_template_and_edited_reaches_the_applicant_as_a_pdf_decision()
    {
        await Portal.CaseworkerAsync("l-journey", InboxPortal.AuthorityA);
        var accepted = await Portal.SubmitAsync(InboxPortal.AuthorityA);
        await Portal.DeliverAsync();
        var caseworker = await Portal.SignInAsync("l-journey");
        var detail = await caseworker.GetAsync($"/posteingang/antraege/{accepted.Submission.Id}");
        detail.Document.QuerySelectorAll("#vorlage option").Select(o => o.GetAttribute("value")).ShouldBe(["ablehnung", "bewilligung"]);

        var draft = await caseworker.SubmitAsync(detail, "/bescheidentwurf", new Dictionary<string, string?> { ["vorlage"] = "bewilligung" });
        draft.Status.ShouldBe(HttpStatusCode.OK);
        var text = draft.Document.QuerySelector("#brief")!.TextContent;
        text.ShouldStartWith($"Bescheid über Ihren Antrag {accepted.Submission.ReferenceNumber}\n");
        text.ShouldContain("Herr Yılmaz,");
        text.ShouldContain("l-journey (Test)\nSozialamt Teststadt, ");

        var sent = await caseworker.SubmitAsync(draft, "/bescheidbrief", new Dictionary<string, string?> { ["brief"] = text.Replace("bewilligen wir", "bewilligen wir ab 1. Januar 2027") });
        sent.Text(".inbox-saved").ShouldBe("Gespeichert.");
        sent.Document.QuerySelector(".case-timeline__entry--decision")!.TextContent.ShouldContain($"Bescheid-{accepted.Submission.ReferenceNumber}.pdf");

        var applicant = Portal.Browse();
        var status = await applicant.GetAsync($"/de/status/{accepted.Submission.ReferenceNumber}?key={Uri.EscapeDataString(accepted.StatusSecret)}");
        using var download = await applicant.Http.GetAsync(status.Document.QuerySelector(".case-message--decision a")!.GetAttribute("href"));
        var pdf = await download.Content.ReadAsByteArrayAsync();
        using var document = PdfDocument.Open(pdf);
        document.Information.Title.ShouldBe($"Bescheid über Ihren Antrag {accepted.Submission.ReferenceNumber}");
        var words = string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        words.ShouldContain("bewilligen wir ab 1. Januar 2027");
        words.ShouldContain("Sozialamt Teststadt");
        await using var context = Portal.Get<SozialDatabase>().CreateContext();
        (await context.AuditLog.CountAsync(a => a.SubmissionId == accepted.Submission.Id && a.Action == "case.decision")).ShouldBe(1);
    }

    [Fact]
    public async Task Script_and_template_syntax_in_the_answers_are_shown_as_text_in_the_draft_and_printed_as_written()
    {
        await Portal.CaseworkerAsync("l-hostile", InboxPortal.AuthorityA);
        var accepted = await Portal.SubmitAsync(InboxPortal.AuthorityA, change: a => a["antragsteller"]!["nachname"] = Hostile);
        await Portal.DeliverAsync();
        var caseworker = await Portal.SignInAsync("l-hostile");
        var detail = await caseworker.GetAsync($"/posteingang/antraege/{accepted.Submission.Id}");

        var draft = await caseworker.SubmitAsync(detail, "/bescheidentwurf", new Dictionary<string, string?> { ["vorlage"] = "bewilligung" });

        draft.Html.ShouldNotContain("<script>alert(1)");
        draft.Document.QuerySelector("#brief")!.TextContent.ShouldContain($"Herr {Hostile},", customMessage: "the answer is text: neither markup nor a template");
        await caseworker.SubmitAsync(draft, "/bescheidbrief");
        var file = await Portal.Get<Sozialplattform.Storage.Inbox.CaseworkerInbox>().ReadFileAsync(await Caseworker("l-hostile"), accepted.Submission.Id, await DecisionFileAsync(accepted.Submission.Id));
        using var document = PdfDocument.Open(file!.Content);
        string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)).ShouldContain("<script>alert(1)</script>{{ 7 * 7 }}");
    }

    [Fact]
    public async Task An_unknown_template_an_empty_letter_and_another_authority_are_refused_and_store_nothing()
    {
        await Portal.CaseworkerAsync("l-own", InboxPortal.AuthorityA);
        await Portal.CaseworkerAsync("l-other", InboxPortal.AuthorityB);
        var accepted = await Portal.SubmitAsync(InboxPortal.AuthorityA);
        await Portal.DeliverAsync();
        var own = await Portal.SignInAsync("l-own");
        var detail = await own.GetAsync($"/posteingang/antraege/{accepted.Submission.Id}");

        var unknown = await own.SubmitAsync(detail, "/bescheidentwurf", new Dictionary<string, string?> { ["vorlage"] = "../../../receipt" });
        unknown.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        unknown.Text(".case-letter-errors").ShouldContain("Zeile 0, Spalte 0");
        var empty = await own.PostAsync($"/posteingang/antraege/{accepted.Submission.Id}/bescheidbrief", [detail.AntiforgeryToken, ("vorlage", "bewilligung"), ("brief", "Nur ein Betreff")]);
        empty.Text("#brief-error").ShouldContain("Betreff in die erste Zeile");

        var other = await Portal.SignInAsync("l-other");
        var otherPage = await other.GetAsync("/posteingang");
        (await other.PostAsync($"/posteingang/antraege/{accepted.Submission.Id}/bescheidentwurf", [otherPage.AntiforgeryToken, ("vorlage", "bewilligung")])).Status.ShouldBe(HttpStatusCode.NotFound);
        (await other.PostAsync($"/posteingang/antraege/{accepted.Submission.Id}/bescheidbrief", [otherPage.AntiforgeryToken, ("brief", "Betreff\nText")])).Status.ShouldBe(HttpStatusCode.NotFound);
        (await other.PostAsync($"/posteingang/antraege/{accepted.Submission.Id}/bescheidbrief", [detail.AntiforgeryToken, ("brief", "Betreff\nText")])).Status.ShouldBe(HttpStatusCode.BadRequest);

        await using var context = Portal.Get<SozialDatabase>().CreateContext();
        (await context.CaseMessages.CountAsync(m => m.SubmissionId == accepted.Submission.Id)).ShouldBe(0);
        (await context.AuditLog.CountAsync(a => a.SubmissionId == accepted.Submission.Id && a.Action == "case.letter.refused")).ShouldBe(2);
    }

    private async Task<CaseworkerAccount> Caseworker(string login)
    {
        await using var context = Portal.Get<SozialDatabase>().CreateContext();
        return await context.CaseworkerAccounts.SingleAsync(c => c.Login == login);
    }

    private async Task<Guid> DecisionFileAsync(Guid submissionId)
    {
        await using var context = Portal.Get<SozialDatabase>().CreateContext();
        return await context.Attachments.Where(a => a.SubmissionId == submissionId && a.Purpose == AttachmentPurpose.Decision).Select(a => a.Id).SingleAsync();
    }
}
