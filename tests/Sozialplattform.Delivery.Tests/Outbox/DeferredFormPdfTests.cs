using System.Text;
using Microsoft.EntityFrameworkCore;
using Sozialplattform.Delivery.Outbox;
using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Submissions;

namespace Sozialplattform.Delivery.Tests.Outbox;

/// <summary>
/// The portal accepts without the PDF; the dispatcher renders it once before the first delivery (through the host's
/// renderer), two dispatchers racing store one, and no delivery goes out without it.
/// </summary>
public abstract class DeferredFormPdfTests(DatabaseTarget target)
{
    /// <summary>The harness clock's start (its own statements are due only from then on).</summary>
    private static readonly DateTimeOffset SubmittedAt = new ManualClock().GetUtcNow();

    [SkippableFact]
    public async Task An_accept_without_PDF_keeps_the_authority_and_moment_of_the_submit_and_the_first_delivery_renders_and_stores_it_once()
    {
        var harness = await OutboxHarness.StartAsync(target);
        var renderer = new RecordingRenderer();
        var accepted = await AcceptWithoutPdfAsync(harness, "deferred-1", OutboxHarness.DemoAuthority, OutboxHarness.InboxAuthority);
        (await FormPdfRowsAsync(harness, accepted.Submission.Id)).ShouldBe(0, "the request stores no PDF");

        var report = await harness.Dispatcher(pdfs: Pdfs(harness, renderer)).RunOnceAsync();

        report.Delivered.ShouldBe(2);
        renderer.Sources.ShouldHaveSingleItem("rendered once for both destinations, delivered in parallel");
        var source = renderer.Sources.Single();
        source.AuthorityName.ShouldBe("Jobcenter Beispielstadt");
        source.AuthorityAddress.ShouldBe(["Jobcenter Beispielstadt", "Am Markt 1", "46325 Borken"]);
        source.SubmittedAt.ShouldBe(SubmittedAt.UtcDateTime);
        source.ReferenceNumber.ShouldBe(accepted.Submission.ReferenceNumber);
        source.AnswersJson.ShouldBe(Samples.AnswersJson);
        (await FormPdfRowsAsync(harness, accepted.Submission.Id)).ShouldBe(1);
        harness.Demo.Received.ShouldHaveSingleItem().Pdf.Content.ShouldBe(RecordingRenderer.PdfOf(accepted.Submission.ReferenceNumber));
        harness.Demo.Received.Single().Pdf.FileName.ShouldBe($"{accepted.Submission.ReferenceNumber}.pdf");
        harness.Demo.Received.Single().Attachments.ShouldHaveSingleItem().FileName.ShouldBe("mietvertrag.txt");
    }

    [SkippableFact]
    public async Task Two_dispatchers_rendering_one_submission_at_the_same_moment_store_one_PDF_and_both_deliver_it()
    {
        var harness = await OutboxHarness.StartAsync(target);
        var accepted = await AcceptWithoutPdfAsync(harness, "deferred-race", OutboxHarness.DemoAuthority, OutboxHarness.InboxAuthority);
        // Both renders wait for each other, so both find no PDF and both try to store theirs.
        var renderer = new RecordingRenderer(meetAt: 2, distinct: true);

        // Two hosts: each its own dispatcher and its own PDF service.
        var reports = await Task.WhenAll(Enumerable.Range(1, 2).Select(n => Task.Run(() =>
            harness.Dispatcher(harness.Options($"worker-{n}") with { BatchSize = 1 }, Pdfs(harness, renderer)).RunOnceAsync())));

        reports.Sum(r => r.Delivered).ShouldBe(2);
        renderer.Sources.Count.ShouldBe(2, "both rendered: the race is real");
        (await FormPdfRowsAsync(harness, accepted.Submission.Id)).ShouldBe(1, "the unique PDF row keeps the first");
        var stored = (await new FormPdfStore(harness.Database).FindAsync(accepted.Submission.Id))!;
        harness.Demo.Received.ShouldHaveSingleItem().Pdf.Content.ShouldBe(stored.Content);
        await using var context = harness.Database.CreateContext();
        (await context.InboxItems.CountAsync(i => i.SubmissionId == accepted.Submission.Id)).ShouldBe(1);
    }

    [SkippableFact]
    public async Task Parallel_stores_of_one_submission_s_PDF_keep_the_first_and_answer_it_to_every_caller()
    {
        var harness = await OutboxHarness.StartAsync(target);
        var accepted = await AcceptWithoutPdfAsync(harness, "deferred-store", OutboxHarness.DemoAuthority);
        var store = new FormPdfStore(harness.Database);

        var stored = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            store.StoreOnceAsync(accepted.Submission.Id, accepted.Submission.ReferenceNumber, Encoding.ASCII.GetBytes($"%PDF-1.4 copy {i}")))));

        stored.Select(s => s.Id).Distinct().ShouldHaveSingleItem();
        stored.Select(s => Convert.ToHexString(s.Content)).Distinct().ShouldHaveSingleItem();
        (await FormPdfRowsAsync(harness, accepted.Submission.Id)).ShouldBe(1);
    }

    [SkippableFact]
    public async Task A_PDF_that_cannot_be_rendered_yet_holds_the_delivery_back_as_a_retry_and_the_next_attempt_delivers_it()
    {
        var harness = await OutboxHarness.StartAsync(target);
        var accepted = await AcceptWithoutPdfAsync(harness, "deferred-later", OutboxHarness.DemoAuthority);
        var renderer = new RecordingRenderer { Refuse = "form buergergeld 1.0.0 is not in this host's catalog (yet)" };

        (await harness.Dispatcher(pdfs: Pdfs(harness, renderer)).RunOnceAsync()).Retried.ShouldBe(1);
        harness.Demo.Received.ShouldBeEmpty("never delivered without the PDF");
        var entry = (await harness.Outbox.ListAsync()).Single();
        entry.Status.ShouldBe(OutboxStatus.Pending);
        entry.LastError!.ShouldContain("not in this host's catalog");
        (await FormPdfRowsAsync(harness, accepted.Submission.Id)).ShouldBe(0);

        renderer.Refuse = null;
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        (await harness.Dispatcher(pdfs: Pdfs(harness, renderer)).RunOnceAsync()).Delivered.ShouldBe(1);
        harness.Demo.Received.ShouldHaveSingleItem().Pdf.Content.ShouldBe(RecordingRenderer.PdfOf(accepted.Submission.ReferenceNumber));
    }

    [SkippableFact]
    public async Task A_host_without_a_renderer_does_not_deliver_a_submission_without_PDF()
    {
        var harness = await OutboxHarness.StartAsync(target);
        await AcceptWithoutPdfAsync(harness, "deferred-none", OutboxHarness.DemoAuthority);

        (await harness.Dispatcher(pdfs: new FormPdfs(new FormPdfStore(harness.Database, harness.Clock))).RunOnceAsync()).Retried.ShouldBe(1);

        harness.Demo.Received.ShouldBeEmpty();
        (await harness.Outbox.ListAsync()).Single().LastError!.ShouldContain("no PDF renderer");
    }

    [SkippableFact]
    public async Task A_submission_stored_with_its_PDF_is_delivered_with_that_PDF_and_not_rendered_again()
    {
        var harness = await OutboxHarness.StartAsync(target);
        await harness.AcceptAsync("with-pdf", OutboxHarness.DemoAuthority);
        var renderer = new RecordingRenderer();

        (await harness.Dispatcher(pdfs: Pdfs(harness, renderer)).RunOnceAsync()).Delivered.ShouldBe(1);

        renderer.Sources.ShouldBeEmpty();
        harness.Demo.Received.ShouldHaveSingleItem().Pdf.Content.ShouldBe(Samples.MinimalPdf);
    }

    private static FormPdfs Pdfs(OutboxHarness harness, IFormPdfRenderer renderer) => new(new FormPdfStore(harness.Database, harness.Clock), renderer);

    private static Task<AcceptResult> AcceptWithoutPdfAsync(OutboxHarness harness, string key, params string[] authorities) =>
        new SubmissionStore(harness.Database, harness.Clock).AcceptAsync(Samples.Submission(key) with
        {
            Pdf = null,
            SubmittedAt = SubmittedAt,
            PdfAuthority = new PdfAuthority("Jobcenter Beispielstadt", ["Jobcenter Beispielstadt", "Am Markt 1", "46325 Borken"]),
        }, authorities.Select(a => new Destination(a, "")).ToList());

    private static async Task<int> FormPdfRowsAsync(OutboxHarness harness, Guid submissionId)
    {
        await using var context = harness.Database.CreateContext();
        return await context.Attachments.CountAsync(a => a.SubmissionId == submissionId && a.Purpose == AttachmentPurpose.Form);
    }

    /// <summary>Stands in for the portal's renderer (tested with the real one in the web tests): records what it was given.</summary>
    private sealed class RecordingRenderer(int meetAt = 1, bool distinct = false) : IFormPdfRenderer
    {
        private readonly CountdownEvent _meeting = new(meetAt);
        private int _calls;

        public List<FormPdfSource> Sources { get; } = [];

        public string? Refuse { get; set; }

        public static byte[] PdfOf(string reference, int copy = 0) => Encoding.ASCII.GetBytes($"%PDF-1.4 {reference} {copy}");

        public FormPdfRendering Render(FormPdfSource source)
        {
            if (Refuse is { } reason) return FormPdfRendering.Failed(reason);
            lock (Sources) Sources.Add(source);
            var copy = Interlocked.Increment(ref _calls);
            if (!_meeting.IsSet) _meeting.Signal();
            _meeting.Wait(TimeSpan.FromMinutes(2)).ShouldBeTrue("the other dispatcher never rendered");
            return FormPdfRendering.Rendered(PdfOf(source.ReferenceNumber, distinct ? copy : 0));
        }
    }
}

public sealed class DeferredFormPdfSqliteTests(SqliteTarget target) : DeferredFormPdfTests(target), IClassFixture<SqliteTarget>;

public sealed class DeferredFormPdfPostgresTests(PostgresTarget target) : DeferredFormPdfTests(target), IClassFixture<PostgresTarget>;
