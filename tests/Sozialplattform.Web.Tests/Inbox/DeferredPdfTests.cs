using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sozialplattform.Delivery.Outbox;
using Sozialplattform.Documents.Pdf;
using Sozialplattform.Engine.Documents;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Submissions;
using Sozialplattform.Web.Catalog;
using Sozialplattform.Web.Localization;
using Sozialplattform.Web.Tests.CaseApi;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Inbox;

/// <summary>
/// The authorities' PDF rendered after the accept, with the real catalog and renderer: the same bytes the request used to
/// render, the authority of the moment of the submit, and what the inbox and the case API hand out.
/// </summary>
public sealed class DeferredPdfTests(DeferredPdfTests.Host host) : IClassFixture<DeferredPdfTests.Host>
{
    public sealed class Host : IDisposable
    {
        public CaseApiPortal Portal { get; } = new();

        public void Dispose() => Portal.Dispose();
    }

    private static readonly string[] AddressA = ["Sozialamt Teststadt", "Rathausplatz 1", "12345 Teststadt"];
    private readonly CaseApiPortal _portal = host.Portal;

    [Fact]
    public async Task The_PDF_rendered_after_the_accept_has_the_bytes_the_request_rendered_before_with_the_authority_of_the_submit_in_inbox_and_case_API()
    {
        var form = _portal.Get<FormCatalog>().Latest("haushalt")!;
        var answers = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Samples, "forms", "haushalt", form.Version, "answers", "valid.json")))!.AsObject();
        var result = form.Engine.Validate(answers);
        var now = new DateTimeOffset(DateTime.UtcNow.Ticks / TimeSpan.TicksPerMillisecond * TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
        var reference = ReferenceNumbers.New(now.UtcDateTime);
        var prefilled = new Dictionary<string, string> { ["antragsteller.vorname"] = "hoch" };
        // What ApplicationSubmitter rendered inside the request before: the validated answers as typed, German, the routed authority.
        var before = _portal.Get<PdfRenderer>().Render(Web.SignIn.IdentityMarks.Mark(
            form.Engine.BuildDocument(result, "de", new DocumentHeader(reference, now, "Sozialamt Teststadt", AddressA)), prefilled, _portal.Get<ChromeTexts>(), "de"),
            new PdfRenderOptions { CreatedAt = now }).Pdf!;

        var accepted = await _portal.Get<SubmissionStore>().AcceptAsync(new NewSubmission
        {
            TenantId = "test", FormId = form.Id, FormVersion = form.Version, ContentHash = form.Definition.ContentHash, FormTitle = form.Definition.Title.Get("de"),
            Language = "de", AnswersJson = result.CleanAnswers.ToJsonString(), IdempotencyKey = Guid.NewGuid().ToString("N"), PostalCode = "12345",
            ReferenceNumber = reference, SubmittedAt = now, PdfAuthority = new PdfAuthority("Sozialamt Teststadt", AddressA), Prefilled = prefilled,
        }, [new Destination(InboxPortal.AuthorityA, "inbox")]);
        (await _portal.Get<FormPdfStore>().FindAsync(accepted.Submission.Id)).ShouldBeNull("the request stores no PDF");
        await RenameAuthorityAsync("Sozialamt Teststadt (umbenannt)");
        try
        {
            await _portal.DeliverAsync();
        }
        finally
        {
            await RenameAuthorityAsync("Sozialamt Teststadt");
        }

        var stored = (await _portal.Get<FormPdfStore>().FindAsync(accepted.Submission.Id)).ShouldNotBeNull("rendered before the first delivery");
        stored.Content.ShouldBe(before, "the same bytes as the PDF rendered in the request");
        Text(stored.Content).ShouldContain("Sozialamt Teststadt Rathausplatz 1 12345 Teststadt");
        Text(stored.Content).ShouldNotContain("umbenannt");

        await _portal.CaseworkerAsync("deferred-pdf", InboxPortal.AuthorityA);
        var caseworker = _portal.Applicant(); // a browser over real HTTP: this host listens on Kestrel for the case API
        var login = await caseworker.GetAsync("/posteingang/anmelden");
        (await caseworker.SubmitAsync(login, "/posteingang/anmelden", new Dictionary<string, string?> { ["login"] = "deferred-pdf", ["password"] = InboxPortal.Password }))
            .Path.ShouldBe("/posteingang");
        var detail = await caseworker.GetAsync($"/posteingang/antraege/{accepted.Submission.Id}");
        detail.Html.ShouldContain($"/posteingang/antraege/{accepted.Submission.Id}/dateien/{stored.Id}");
        var download = await caseworker.Http.GetAsync($"/posteingang/antraege/{accepted.Submission.Id}/dateien/{stored.Id}");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(before);

        using var api = _portal.Fachverfahren(await _portal.ApiClientAsync(InboxPortal.AuthorityA));
        (await api.RequestTokenAsync()).Status.ShouldBe(HttpStatusCode.OK);
        var documents = (await api.FetchAsync(accepted.Submission.Id)).Json.GetProperty("documents").EnumerateArray().ToList();
        var formPdf = documents.Single(d => d.GetProperty("kind").GetString() == "form");
        (await api.DownloadAsync(formPdf.GetProperty("href").GetString()!)).Bytes.ShouldBe(before);
    }

    [Fact]
    public async Task A_submission_s_two_destinations_delivered_in_one_round_share_one_stored_PDF()
    {
        var form = _portal.Get<FormCatalog>().Latest("haushalt")!;
        var answers = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Samples, "forms", "haushalt", form.Version, "answers", "valid.json")))!.AsObject();
        var accepted = await _portal.Get<SubmissionStore>().AcceptAsync(new NewSubmission
        {
            TenantId = "test", FormId = form.Id, FormVersion = form.Version, ContentHash = form.Definition.ContentHash, FormTitle = form.Definition.Title.Get("de"),
            Language = "de", AnswersJson = form.Engine.Validate(answers).CleanAnswers.ToJsonString(), IdempotencyKey = Guid.NewGuid().ToString("N"),
            PdfAuthority = new PdfAuthority("Sozialamt Teststadt", AddressA),
        }, [new Destination(InboxPortal.AuthorityA, "inbox"), new Destination(InboxPortal.AuthorityB, "inbox")]);

        await _portal.DeliverAsync();

        await using var context = _portal.Get<SozialDatabase>().CreateContext();
        (await context.Attachments.CountAsync(a => a.SubmissionId == accepted.Submission.Id && a.Purpose == Storage.Entities.AttachmentPurpose.Form)).ShouldBe(1);
        (await context.Outbox.Where(o => o.SubmissionId == accepted.Submission.Id).Select(o => o.Status).ToListAsync())
            .ShouldAllBe(s => s == Storage.Entities.OutboxStatus.Delivered);
        (await context.InboxItems.CountAsync(i => i.SubmissionId == accepted.Submission.Id)).ShouldBe(2);
    }

    private async Task RenameAuthorityAsync(string name)
    {
        await using var context = _portal.Get<SozialDatabase>().CreateContext();
        await context.Authorities.Where(a => a.TenantId == "test" && a.Id == InboxPortal.AuthorityA).ExecuteUpdateAsync(s => s.SetProperty(a => a.Name, name));
    }

    private static string Text(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
    }
}
