using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Submissions;

namespace Sozialplattform.Delivery.Tests.Storage;

public abstract class SubmissionStoreTests(DatabaseTarget target)
{
    private static readonly Destination[] OneDestination = [new("jobcenter-borken", "inbox")];

    [SkippableFact]
    public async Task An_accepted_submission_is_stored_with_its_outbox_entries_status_event_and_attachments()
    {
        var database = await target.FreshAsync();
        var result = await new SubmissionStore(database).AcceptAsync(Samples.Submission("key-1"), [new("jobcenter-borken", "inbox"), new("sozialamt-borken", "email")]);

        result.Created.ShouldBeTrue();
        result.Submission.ReferenceNumber.ShouldMatch(@"^SP-\d{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$");
        await using var context = database.CreateContext();
        (await context.Outbox.Where(o => o.SubmissionId == result.Submission.Id).Select(o => o.AuthorityId).OrderBy(a => a).ToListAsync())
            .ShouldBe(["jobcenter-borken", "sozialamt-borken"]);
        (await context.Outbox.AllAsync(o => o.Status == OutboxStatus.Pending && o.Attempts == 0)).ShouldBeTrue();
        (await context.StatusEvents.SingleAsync()).Status.ShouldBe(SubmissionStatus.Received);
        (await context.Attachments.CountAsync(a => a.SubmissionId == result.Submission.Id)).ShouldBe(2);
        (await new SubmissionStore(database).ReadAnswersAsync(result.Submission.Id)).ShouldBe(Samples.AnswersJson);
    }

    [SkippableFact]
    public async Task A_second_submit_with_the_same_idempotency_key_returns_the_first_submission_and_writes_nothing()
    {
        var database = await target.FreshAsync();
        var store = new SubmissionStore(database);
        var first = await store.AcceptAsync(Samples.Submission("same-key"), OneDestination);
        var second = await store.AcceptAsync(Samples.Submission("same-key") with { AnswersJson = "{}" }, OneDestination);

        second.Created.ShouldBeFalse();
        second.Submission.Id.ShouldBe(first.Submission.Id);
        second.StatusSecret.ShouldBe(first.StatusSecret);
        await using var context = database.CreateContext();
        (await context.Submissions.CountAsync()).ShouldBe(1);
        (await context.Outbox.CountAsync()).ShouldBe(1);
    }

    [SkippableFact]
    public async Task Parallel_submits_with_the_same_key_store_exactly_one_submission()
    {
        var database = await target.FreshAsync();
        var store = new SubmissionStore(database);
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => store.AcceptAsync(Samples.Submission("race-key"), OneDestination))));

        results.Select(r => r.Submission.Id).Distinct().Count().ShouldBe(1);
        results.Count(r => r.Created).ShouldBe(1);
        await using var context = database.CreateContext();
        (await context.Outbox.CountAsync()).ShouldBe(1);
    }

    [SkippableFact]
    public async Task A_failure_while_writing_the_outbox_leaves_neither_submission_nor_outbox_entry()
    {
        var database = await target.FreshAsync(new FailOnOutboxInsert());
        await Should.ThrowAsync<Exception>(() => new SubmissionStore(database).AcceptAsync(Samples.Submission("doomed"), OneDestination));

        await using var context = database.CreateContext();
        (await context.Submissions.CountAsync()).ShouldBe(0);
        (await context.Outbox.CountAsync()).ShouldBe(0);
        (await context.Attachments.CountAsync()).ShouldBe(0);
        (await context.StatusEvents.CountAsync()).ShouldBe(0);
    }

    [SkippableFact]
    public async Task Answers_attachments_and_email_are_stored_encrypted()
    {
        var database = await target.FreshAsync();
        var result = await new SubmissionStore(database).AcceptAsync(Samples.Submission("enc"), OneDestination);

        await using var context = database.CreateContext();
        var stored = await context.Submissions.SingleAsync();
        System.Text.Encoding.UTF8.GetString(stored.AnswersCipher).ShouldNotContain("Yılmaz");
        System.Text.Encoding.UTF8.GetString(stored.ApplicantEmailCipher!).ShouldNotContain("example.org");
        var attachment = await context.Attachments.SingleAsync(a => a.Purpose == AttachmentPurpose.Attachment);
        System.Text.Encoding.UTF8.GetString(attachment.ContentCipher).ShouldNotContain("Mietvertrag");
        database.Protector.UnprotectText(stored.AnswersCipher, result.Submission.Id).ShouldBe(Samples.AnswersJson);
        Should.Throw<System.Security.Cryptography.CryptographicException>(() => database.Protector.Unprotect(stored.AnswersCipher, attachment.Id));
    }

    [SkippableFact]
    public async Task The_status_page_opens_only_with_the_matching_secret()
    {
        var database = await target.FreshAsync();
        var result = await new SubmissionStore(database).AcceptAsync(Samples.Submission("status"), OneDestination);
        var lookup = new StatusLookup(database);

        var view = await lookup.FindAsync(result.Submission.ReferenceNumber, result.StatusSecret);
        view.ShouldNotBeNull().Status.ShouldBe(SubmissionStatus.Received);
        view.History.Single().Status.ShouldBe(SubmissionStatus.Received);
        (await lookup.FindAsync(result.Submission.ReferenceNumber, "wrong-secret")).ShouldBeNull();
        (await lookup.FindAsync("SP-2026-0000-0000", result.StatusSecret)).ShouldBeNull();
    }

    [SkippableFact]
    public async Task A_drafts_uploads_move_to_the_submission_and_the_draft_is_deleted()
    {
        var database = await target.FreshAsync();
        var drafts = new DraftStore(database);
        var (draftId, secret) = await drafts.CreateAsync(Samples.Tenant, "buergergeld", "1.0.0", "sha256:0f1e2d3c", "{}");
        (await drafts.SaveAsync(draftId, secret, """{"lebtAllein":true}""")).ShouldBeTrue();
        (await drafts.SaveAsync(draftId, "not-the-secret", "{}")).ShouldBeFalse();
        (await drafts.AddAttachmentAsync(draftId, secret, "nachweise.ausweis", "ausweis.pdf", "application/pdf", Samples.MinimalPdf)).ShouldNotBeNull();
        (await drafts.LoadAsync(draftId, secret)).ShouldNotBeNull().AnswersJson.ShouldBe("""{"lebtAllein":true}""");

        var result = await new SubmissionStore(database).AcceptAsync(Samples.Submission("from-draft") with { DraftId = draftId }, OneDestination);

        await using var context = database.CreateContext();
        (await context.Drafts.CountAsync()).ShouldBe(0);
        (await context.Attachments.CountAsync(a => a.SubmissionId == result.Submission.Id)).ShouldBe(3);
    }

    [SkippableFact]
    public async Task Only_the_uploads_the_answers_refer_to_go_with_the_submission_and_the_drafts_other_uploads_are_deleted_with_it()
    {
        var database = await target.FreshAsync();
        var drafts = new DraftStore(database);
        var (draftId, secret) = await drafts.CreateAsync(Samples.Tenant, "buergergeld", "1.0.0", "sha256:0f1e2d3c", "{}");
        var referenced = (await drafts.AddAttachmentAsync(draftId, secret, "nachweise.ausweis", "ausweis.pdf", "application/pdf", Samples.MinimalPdf)).ShouldNotBeNull();
        var removed = (await drafts.AddAttachmentAsync(draftId, secret, "nachweise.alt", "alt.pdf", "application/pdf", Samples.MinimalPdf)).ShouldNotBeNull();
        var (otherDraft, otherSecret) = await drafts.CreateAsync(Samples.Tenant, "buergergeld", "1.0.0", "sha256:0f1e2d3c", "{}");
        var foreign = (await drafts.AddAttachmentAsync(otherDraft, otherSecret, "nachweise.ausweis", "fremd.pdf", "application/pdf", Samples.MinimalPdf)).ShouldNotBeNull();

        var result = await new SubmissionStore(database).AcceptAsync(
            Samples.Submission("referenced-only") with { DraftId = draftId, DraftUploads = DraftUploads.Only(new HashSet<Guid> { referenced, foreign }) }, OneDestination);

        await using var context = database.CreateContext();
        (await context.Attachments.Where(a => a.SubmissionId == result.Submission.Id && a.FieldPath == "nachweise.ausweis").Select(a => a.Id).ToListAsync()).ShouldBe([referenced]);
        (await context.Attachments.AnyAsync(a => a.Id == removed)).ShouldBeFalse("an upload no answer refers to is deleted");
        (await context.Attachments.SingleAsync(a => a.Id == foreign)).DraftId.ShouldBe(otherDraft, "another draft's upload never moves, whatever the answers claim");
        (await context.Drafts.AnyAsync(d => d.Id == draftId)).ShouldBeFalse();
    }

    [SkippableFact]
    public async Task Accepting_a_draft_of_a_form_without_file_fields_sends_two_statements_the_inserts_and_the_drafts_deletion()
    {
        Skip.IfNot(target is PostgresTarget, "SQLite runs in the process: a statement is no round trip, and EF sends its inserts one by one there");
        var statements = new StatementCounter();
        var database = await target.FreshAsync(statements);
        var drafts = new DraftStore(database);
        var (draftId, _) = await drafts.CreateAsync(Samples.Tenant, "kontakt", "1.0.0", "sha256:0f1e2d3c", "{}");
        var store = new SubmissionStore(database);

        statements.Reset();
        var result = await store.AcceptAsync(Samples.Submission("no-files") with { DraftId = draftId, DraftUploads = DraftUploads.None }, OneDestination);

        statements.Count.ShouldBe(2, string.Join("\n---\n", statements.Texts));
        result.Created.ShouldBeTrue();
        await using var context = database.CreateContext();
        (await context.Drafts.AnyAsync(d => d.Id == draftId)).ShouldBeFalse();
        (await context.Outbox.CountAsync(o => o.SubmissionId == result.Submission.Id)).ShouldBe(1);
    }

    [SkippableFact]
    public async Task Drafts_unchanged_since_the_cutoff_are_deleted_with_their_uploads_while_newer_drafts_and_submitted_files_stay()
    {
        var database = await target.FreshAsync();
        var clock = new ManualClock(new DateTimeOffset(2026, 10, 1, 8, 0, 0, TimeSpan.Zero));
        var drafts = new DraftStore(database, clock);
        var (old, oldSecret) = await drafts.CreateAsync(Samples.Tenant, "buergergeld", "1.0.0", "sha256:0f1e2d3c", "{}");
        await drafts.AddAttachmentAsync(old, oldSecret, "nachweise.ausweis", "ausweis.pdf", "application/pdf", Samples.MinimalPdf);
        var (submitted, submittedSecret) = await drafts.CreateAsync(Samples.Tenant, "buergergeld", "1.0.0", "sha256:0f1e2d3c", "{}");
        await drafts.AddAttachmentAsync(submitted, submittedSecret, "nachweise.ausweis", "ausweis.pdf", "application/pdf", Samples.MinimalPdf);
        var submission = await new SubmissionStore(database).AcceptAsync(Samples.Submission("before-cutoff") with { DraftId = submitted }, OneDestination);
        clock.Advance(TimeSpan.FromDays(20));
        var (recent, recentSecret) = await drafts.CreateAsync(Samples.Tenant, "buergergeld", "1.0.0", "sha256:0f1e2d3c", "{}");
        await drafts.AddAttachmentAsync(recent, recentSecret, "nachweise.ausweis", "ausweis.pdf", "application/pdf", Samples.MinimalPdf);

        (await drafts.DeleteUnchangedSinceAsync(clock.GetUtcNow().UtcDateTime.AddDays(-10))).ShouldBe(1);

        (await drafts.LoadAsync(old, oldSecret)).ShouldBeNull();
        (await drafts.LoadAsync(recent, recentSecret)).ShouldNotBeNull();
        await using var context = database.CreateContext();
        (await context.Attachments.CountAsync(a => a.DraftId == old)).ShouldBe(0);
        (await context.Attachments.CountAsync(a => a.DraftId == recent)).ShouldBe(1);
        (await context.Attachments.CountAsync(a => a.SubmissionId == submission.Submission.Id)).ShouldBe(3, "a submission's files are not drafts' files");
        (await drafts.DeleteUnchangedSinceAsync(clock.GetUtcNow().UtcDateTime.AddDays(-10))).ShouldBe(0);
    }

    [SkippableFact]
    public async Task A_submission_without_destination_is_refused_with_a_clear_message()
    {
        var database = await target.FreshAsync();
        var error = await Should.ThrowAsync<ArgumentException>(() => new SubmissionStore(database).AcceptAsync(Samples.Submission("nowhere"), []));
        error.Message.ShouldContain("has no destination");
    }

    /// <summary>Counts the statements sent to the database (each a round trip on PostgreSQL).</summary>
    private sealed class StatementCounter : DbCommandInterceptor
    {
        private readonly List<string> _texts = [];

        public int Count { get { lock (_texts) return _texts.Count; } }

        public IReadOnlyList<string> Texts { get { lock (_texts) return _texts.ToList(); } }

        public void Reset() { lock (_texts) _texts.Clear(); }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }

        private void Record(DbCommand command) { lock (_texts) _texts.Add(command.CommandText); }
    }

    /// <summary>Simulates the database failing between the submission rows and the outbox rows.</summary>
    private sealed class FailOnOutboxInsert : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            command.CommandText.Contains("INSERT INTO \"outbox\"", StringComparison.Ordinal) || command.CommandText.Contains("INSERT INTO outbox", StringComparison.Ordinal)
                ? throw new InvalidOperationException("simulated crash while writing the outbox")
                : base.ReaderExecutingAsync(command, eventData, result, cancellationToken);

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            command.CommandText.Contains("INSERT INTO \"outbox\"", StringComparison.Ordinal) || command.CommandText.Contains("INSERT INTO outbox", StringComparison.Ordinal)
                ? throw new InvalidOperationException("simulated crash while writing the outbox")
                : base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }
}

public sealed class SubmissionStoreSqliteTests(SqliteTarget target) : SubmissionStoreTests(target), IClassFixture<SqliteTarget>;

public sealed class SubmissionStorePostgresTests(PostgresTarget target) : SubmissionStoreTests(target), IClassFixture<PostgresTarget>;
