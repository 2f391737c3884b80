using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sozialplattform.Delivery.Archive;
using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Delivery.Tests.Outbox;
using Sozialplattform.Storage.Cases;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Inbox;
using Sozialplattform.Storage.Submissions;

namespace Sozialplattform.Delivery.Tests.Storage;

/// <summary>
/// Retention on SQLite and PostgreSQL with a controllable clock: the job deletes what is due and nothing else of other
/// cases, keeps what is on hold or not yet due, logs each deletion once (also when two runs meet); legal holds by leads
/// only; the archive package with its manifest.
/// </summary>
public abstract class CaseRetentionStorageTests(DatabaseTarget target)
{
    private static readonly RetentionPeriods Periods = new(null, new Dictionary<string, int> { ["buergergeld"] = 10 });

    [SkippableFact]
    public async Task The_job_deletes_what_is_due_keeps_what_is_on_hold_or_not_yet_due_and_logs_only_reference_service_dates_and_approval()
    {
        var (harness, lead, _) = await StartAsync();
        var due = await ClosedCaseAsync(harness, lead, "due", withEverything: true);
        var closedAt = harness.Clock.GetUtcNow().UtcDateTime;
        var held = await ClosedCaseAsync(harness, lead, "held", withEverything: true);
        (await new CaseHolds(harness.Database, harness.Clock).SetAsync(lead, held.Submission.Id, "Klage beim Sozialgericht")).ShouldBe(CaseAccess.Done);
        var unconfigured = await ClosedCaseAsync(harness, lead, "other-service", formId: "wohngeld");
        var reopened = await ClosedCaseAsync(harness, lead, "reopened");
        await new CaseworkerActions(harness.Database, harness.Clock).ChangeStatusAsync(lead, reopened.Submission.Id, SubmissionStatus.InReview, null);
        var open = await harness.ReceiveAsync("open");
        harness.Clock.Advance(TimeSpan.FromDays(6));
        var notYet = await ClosedCaseAsync(harness, lead, "not-yet");
        var before = await RowsAsync(harness, held, unconfigured, reopened, open, notYet);
        var retention = new CaseRetention(harness.Database, harness.Clock);

        (await retention.DeleteDueAsync(Samples.Tenant, Periods)).ShouldBeEmpty("nothing is ten days closed yet");
        harness.Clock.Advance(TimeSpan.FromDays(4));
        (await retention.DeleteDueAsync(Samples.Tenant, Periods)).ShouldBe([due.Submission.ReferenceNumber]);
        (await retention.DeleteDueAsync(Samples.Tenant, Periods)).ShouldBeEmpty("a second run finds nothing more");

        (await RowsAsync(harness, due)).ShouldBe(0, "every row of the deleted case is gone");
        (await RowsAsync(harness, held, unconfigured, reopened, open, notYet)).ShouldBe(before, "nothing of the other cases is touched");
        var log = (await retention.LogAsync(Samples.Tenant)).ShouldHaveSingleItem();
        (log.ReferenceNumber, log.FormId, log.FormVersion, log.RetentionDays, log.ApprovedBy).ShouldBe((due.Submission.ReferenceNumber, "buergergeld", "1.0.0", 10, "system"));
        log.ClosedAt.ShouldBe(closedAt, TimeSpan.FromSeconds(1));
        log.SubmittedAt.ShouldBe(due.Submission.CreatedAt, TimeSpan.FromSeconds(1));
        log.DeletedAt.ShouldBe(harness.Clock.GetUtcNow().UtcDateTime, TimeSpan.FromSeconds(1));

        (await new CaseHolds(harness.Database, harness.Clock).LiftAsync(lead, held.Submission.Id, "Verfahren beendet")).ShouldBe(CaseAccess.Done);
        (await retention.DeleteDueAsync(Samples.Tenant, Periods)).ShouldBe([held.Submission.ReferenceNumber], "after the hold is lifted the case is due");
        harness.Clock.Advance(TimeSpan.FromDays(6));
        (await retention.DeleteDueAsync(Samples.Tenant, Periods)).ShouldBe([notYet.Submission.ReferenceNumber]);
        await using var context = harness.Database.CreateContext();
        (await context.Submissions.Select(s => s.Id).ToListAsync()).Order().ShouldBe(new[] { unconfigured.Submission.Id, reopened.Submission.Id, open.Submission.Id }.Order(),
            "a service without a period, a reopened and an open case stay");
        (await context.AuditLog.CountAsync(a => a.Action == "case.deleted" && a.Actor == "system")).ShouldBe(3);
    }

    [SkippableFact]
    public async Task Two_runs_at_once_delete_each_due_case_once_and_log_it_once()
    {
        var (harness, lead, _) = await StartAsync();
        var cases = new List<AcceptResult>();
        for (var i = 0; i < 8; i++) cases.Add(await ClosedCaseAsync(harness, lead, $"p{i}", withEverything: i % 2 == 0));
        harness.Clock.Advance(TimeSpan.FromDays(11));

        var runs = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => new CaseRetention(harness.Database, harness.Clock).DeleteDueAsync(Samples.Tenant, Periods))));

        runs.SelectMany(r => r).Order().ShouldBe(cases.Select(c => c.Submission.ReferenceNumber).Order(), "each case is deleted by exactly one run");
        await using var context = harness.Database.CreateContext();
        (await context.CaseDeletions.CountAsync()).ShouldBe(8);
        (await context.AuditLog.CountAsync(a => a.Action == "case.deleted")).ShouldBe(8);
        (await context.Submissions.CountAsync()).ShouldBe(0);
        (await context.Attachments.CountAsync(a => a.SubmissionId != null)).ShouldBe(0);
    }

    [SkippableFact]
    public async Task Only_a_lead_of_the_cases_authority_sets_or_lifts_a_hold_with_a_reason_and_each_refusal_is_audited()
    {
        var (harness, lead, other) = await StartAsync();
        var accounts = new CaseworkerAccounts(harness.Database);
        var worker = await accounts.CreateAsync("r-worker", "Wanda", "correct horse battery", Samples.Tenant, OutboxHarness.InboxAuthority);
        var holds = new CaseHolds(harness.Database, harness.Clock);
        var closed = await ClosedCaseAsync(harness, lead, "h1");

        (await holds.SetAsync(worker, closed.Submission.Id, "Widerspruch")).ShouldBe(CaseAccess.NotLead);
        (await holds.SetAsync(other, closed.Submission.Id, "Widerspruch")).ShouldBe(CaseAccess.NotFound);
        (await holds.SetAsync(lead, Guid.NewGuid(), "Widerspruch")).ShouldBe(CaseAccess.NotFound);
        (await Should.ThrowAsync<CaseInputException>(() => holds.SetAsync(lead, closed.Submission.Id, "   "))).Code.ShouldBe("holdReason");
        (await Should.ThrowAsync<CaseInputException>(() => holds.SetAsync(lead, closed.Submission.Id, new string('x', CaseHolds.ReasonMaxLength + 1)))).Code.ShouldBe("holdReason");
        (await Should.ThrowAsync<CaseInputException>(() => holds.LiftAsync(lead, closed.Submission.Id, "Ende"))).Code.ShouldBe("noHold");
        (await holds.OfAsync(lead, closed.Submission.Id))!.Hold.ShouldBeNull("no refused attempt set a hold");

        (await holds.SetAsync(lead, closed.Submission.Id, "<script>alert(1)</script> Klage S 12 AS 345/26")).ShouldBe(CaseAccess.Done);
        (await Should.ThrowAsync<CaseInputException>(() => holds.SetAsync(lead, closed.Submission.Id, "noch einmal"))).Code.ShouldBe("holdActive");
        var state = (await holds.OfAsync(worker, closed.Submission.Id))!;
        (state.Hold!.Reason, state.Hold.SetBy).ShouldBe(("<script>alert(1)</script> Klage S 12 AS 345/26", lead.Login), "stored as typed; the page encodes it");
        state.ClosedAt.ShouldNotBeNull();
        (await holds.OfAsync(other, closed.Submission.Id)).ShouldBeNull();
        (await holds.LiftAsync(worker, closed.Submission.Id, "Ende")).ShouldBe(CaseAccess.NotLead);

        await using var context = harness.Database.CreateContext();
        (await context.AuditLog.Where(a => a.SubmissionId == closed.Submission.Id && a.Action.StartsWith("case.hold")).OrderBy(a => a.Id).Select(a => a.Action + " " + a.Actor).ToListAsync())
            .ShouldBe(["case.hold.refused r-worker", "case.hold.refused r-other", "case.hold r-lead", "case.hold.refused r-worker"]);
        var cipher = await context.CaseHolds.Select(h => h.ReasonCipher).SingleAsync();
        System.Text.Encoding.Latin1.GetString(cipher).ShouldNotContain("Klage", Case.Sensitive, "the reason is stored encrypted");
    }

    [SkippableFact]
    public async Task The_archive_package_holds_the_pdf_the_answers_messages_and_hand_ins_with_a_manifest_of_sha256_checksums()
    {
        var (harness, lead, other) = await StartAsync();
        var closed = await ClosedCaseAsync(harness, lead, "a1", withEverything: true);
        var archives = new CaseArchiveSource(harness.Database, harness.Clock);
        var worker = await new CaseworkerAccounts(harness.Database).CreateAsync("a-worker", "Wanda", "correct horse battery", Samples.Tenant, OutboxHarness.InboxAuthority);

        (await archives.ForLeadAsync(worker, closed.Submission.Id)).Access.ShouldBe(CaseAccess.NotLead);
        (await archives.ForLeadAsync(other, closed.Submission.Id)).Access.ShouldBe(CaseAccess.NotFound);
        var (access, contents) = await archives.ForLeadAsync(lead, closed.Submission.Id);
        access.ShouldBe(CaseAccess.Done);
        var zip = new ZipArchive(new MemoryStream(CaseArchive.Build(contents!, lead.Login, harness.Clock.GetUtcNow().UtcDateTime)));

        var names = zip.Entries.Select(e => e.FullName).ToList();
        names.ShouldContain($"antrag/{closed.Submission.ReferenceNumber}.pdf");
        names.ShouldContain("antrag/antworten.json");
        names.ShouldContain("antrag/antworten.xml");
        names.ShouldContain("antrag/anlagen/01-mietvertrag.txt");
        names.ShouldContain("nachrichten/01-handin/01-nachweis.pdf");
        names.ShouldContain("nachrichten/02-decision/01-bescheid.pdf");
        Read(zip, "antrag/antworten.json").ShouldBe(System.Text.Encoding.UTF8.GetBytes(Samples.AnswersJson));
        Read(zip, $"antrag/{closed.Submission.ReferenceNumber}.pdf").ShouldBe(Samples.MinimalPdf);
        var messages = JsonNode.Parse(Read(zip, "nachrichten/nachrichten.json"))!.AsArray();
        messages.Select(m => (string?)m!["text"]).ShouldBe(["Hier der Nachweis", "Ihr Bescheid"]);
        var manifest = JsonNode.Parse(Read(zip, CaseArchive.ManifestPath))!;
        ((string?)manifest["referenceNumber"]).ShouldBe(closed.Submission.ReferenceNumber);
        var listed = manifest["files"]!.AsArray().ToDictionary(f => (string)f!["path"]!, f => (string)f!["sha256"]!);
        listed.Keys.Order().ShouldBe(names.Where(n => n != CaseArchive.ManifestPath).Order(), "the manifest lists every other file");
        foreach (var (path, sha) in listed) Convert.ToHexStringLower(SHA256.HashData(Read(zip, path))).ShouldBe(sha, path);
        await using var context = harness.Database.CreateContext();
        (await context.AuditLog.Where(a => a.SubmissionId == closed.Submission.Id && a.Action.StartsWith("case.archive")).Select(a => a.Action).ToListAsync())
            .Order().ShouldBe(["case.archive", "case.archive.refused", "case.archive.refused"]);
    }

    [SkippableFact]
    public async Task A_leads_overview_shows_the_own_authoritys_due_held_and_deleted_cases_only_and_refuses_a_caseworker_who_is_no_lead()
    {
        var (harness, lead, other) = await StartAsync();
        var worker = await new CaseworkerAccounts(harness.Database).CreateAsync("o-worker", "Wanda", "correct horse battery", Samples.Tenant, OutboxHarness.InboxAuthority);
        var deleted = await ClosedCaseAsync(harness, lead, "o-deleted");
        var held = await ClosedCaseAsync(harness, lead, "o-held");
        (await new CaseHolds(harness.Database, harness.Clock).SetAsync(lead, held.Submission.Id, "<b>Klage</b>")).ShouldBe(CaseAccess.Done);
        var foreign = await ClosedCaseAsync(harness, other, "o-foreign");
        var foreignHeld = await ClosedCaseAsync(harness, other, "o-foreign-held");
        (await new CaseHolds(harness.Database, harness.Clock).SetAsync(other, foreignHeld.Submission.Id, "fremd")).ShouldBe(CaseAccess.Done);
        harness.Clock.Advance(TimeSpan.FromDays(3));
        var later = await ClosedCaseAsync(harness, lead, "o-later");
        var overview = new RetentionOverview(harness.Database, harness.Clock);

        var before = (await overview.OfAuthorityAsync(lead, Periods, null, 1, 1))!;
        before.Due.Items.Select(c => c.ReferenceNumber).ShouldBe([deleted.Submission.ReferenceNumber, held.Submission.ReferenceNumber, later.Submission.ReferenceNumber], ignoreOrder: true);
        before.Due.Items.Last().ReferenceNumber.ShouldBe(later.Submission.ReferenceNumber, "ordered by the date due");
        before.Due.Items.Single(c => c.SubmissionId == held.Submission.Id).Hold!.SetBy.ShouldBe(lead.Login);
        before.Due.Items.Single(c => c.SubmissionId == later.Submission.Id).DueAt.ShouldBe(harness.Clock.GetUtcNow().UtcDateTime.AddDays(10), TimeSpan.FromSeconds(1));

        harness.Clock.Advance(TimeSpan.FromDays(8));
        (await new CaseRetention(harness.Database, harness.Clock).DeleteDueAsync(Samples.Tenant, Periods)).Order()
            .ShouldBe(new[] { deleted.Submission.ReferenceNumber, foreign.Submission.ReferenceNumber }.Order());

        var mine = (await overview.OfAuthorityAsync(lead, Periods, null, 1, 1))!;
        var log = mine.Log.Items.ShouldHaveSingleItem("the other authority's deletion is not in this log");
        (log.ReferenceNumber, log.AuthorityId, log.FormId).ShouldBe((deleted.Submission.ReferenceNumber, OutboxHarness.InboxAuthority, "buergergeld"));
        mine.Held.Select(h => (h.ReferenceNumber, h.Hold.Reason)).ShouldBe([(held.Submission.ReferenceNumber, "<b>Klage</b>")]);
        mine.Due.Items.Select(c => c.ReferenceNumber).ShouldBe([held.Submission.ReferenceNumber, later.Submission.ReferenceNumber]);
        mine.LogServices.ShouldBe(["buergergeld"]);
        var theirs = (await overview.OfAuthorityAsync(other, Periods, null, 1, 1))!;
        theirs.Log.Items.Select(d => d.ReferenceNumber).ShouldBe([foreign.Submission.ReferenceNumber]);
        theirs.Held.Select(h => h.ReferenceNumber).ShouldBe([foreignHeld.Submission.ReferenceNumber]);
        var filtered = (await overview.OfAuthorityAsync(lead, Periods, "wohngeld", 1, 1))!;
        (filtered.Log.Total, filtered.Due.Total, filtered.Held.Count).ShouldBe((0, 0, 0), "filtered by another service");
        (await overview.OfAuthorityAsync(lead, Periods, null, 99, 99))!.Log.Page.ShouldBe(1, "a page beyond the last is the last");

        (await overview.OfAuthorityAsync(worker, Periods, null, 1, 1)).ShouldBeNull();
        await using var context = harness.Database.CreateContext();
        (await context.AuditLog.CountAsync(a => a.Action == "case.retention.refused" && a.Actor == "o-worker")).ShouldBe(1);
    }

    private async Task<(OutboxHarness Harness, CaseworkerAccount Lead, CaseworkerAccount Other)> StartAsync()
    {
        var harness = await OutboxHarness.StartAsync(target);
        var accounts = new CaseworkerAccounts(harness.Database);
        var lead = await accounts.CreateAsync("r-lead", "Lena", "correct horse battery", Samples.Tenant, OutboxHarness.InboxAuthority, CaseworkerRole.Lead);
        var other = await accounts.CreateAsync("r-other", "Otto", "correct horse battery", Samples.Tenant, OutboxHarness.OtherInboxAuthority, CaseworkerRole.Lead);
        return (harness, lead, other);
    }

    /// <summary>A case received, worked on (with everything: a hand-in with a file, a decision, a note, a follow-up, a check, a hold history) and closed now.</summary>
    private static async Task<AcceptResult> ClosedCaseAsync(OutboxHarness harness, CaseworkerAccount lead, string key, bool withEverything = false, string formId = "buergergeld")
    {
        var authority = lead.AuthorityId;
        var accepted = formId == "buergergeld" ? await harness.AcceptAsync(key, authority) : await AcceptOtherFormAsync(harness, key, formId);
        var entry = (await harness.Outbox.ListAsync()).Single(o => o.SubmissionId == accepted.Submission.Id);
        await new InboxWriter(harness.Database, harness.Clock).ReceiveAsync(entry.Id, accepted.Submission.Id, Samples.Tenant, authority);
        var actions = new CaseworkerActions(harness.Database, harness.Clock);
        if (withEverything)
        {
            await new ApplicantCase(harness.Database, harness.Clock).HandInAsync(accepted.Submission.ReferenceNumber, accepted.StatusSecret, "Hier der Nachweis",
                [new CaseFile("nachweis.pdf", "application/pdf", Samples.MinimalPdf)]);
            await new CaseWork(harness.Database, harness.Clock).SendAsync(lead, accepted.Submission.Id, "Ihr Bescheid", new CaseFile("bescheid.pdf", "application/pdf", Samples.MinimalPdf));
            await actions.AddNoteAsync(lead, accepted.Submission.Id, "intern");
            await actions.AddFollowUpAsync(lead, accepted.Submission.Id, new DateOnly(2030, 1, 1), "Wiedervorlage");
        }

        (await actions.ChangeStatusAsync(lead, accepted.Submission.Id, SubmissionStatus.Closed, null)).ShouldBeTrue();
        return accepted;
    }

    private static async Task<AcceptResult> AcceptOtherFormAsync(OutboxHarness harness, string key, string formId) =>
        await new SubmissionStore(harness.Database, harness.Clock).AcceptAsync(Samples.Submission(key, formId), [new Destination(OutboxHarness.InboxAuthority, "")]);

    /// <summary>All rows that belong to the cases, over every table a case has rows in.</summary>
    private static async Task<int> RowsAsync(OutboxHarness harness, params AcceptResult[] cases)
    {
        var ids = cases.Select(c => c.Submission.Id).ToList();
        await using var context = harness.Database.CreateContext();
        return await context.Submissions.CountAsync(s => ids.Contains(s.Id))
               + await context.Attachments.CountAsync(a => a.SubmissionId != null && ids.Contains(a.SubmissionId.Value))
               + await context.CaseMessages.CountAsync(m => ids.Contains(m.SubmissionId))
               + await context.StatusEvents.CountAsync(e => ids.Contains(e.SubmissionId))
               + await context.Notes.CountAsync(n => ids.Contains(n.SubmissionId))
               + await context.FollowUps.CountAsync(f => ids.Contains(f.SubmissionId))
               + await context.CaseHolds.CountAsync(h => ids.Contains(h.SubmissionId))
               + await context.InboxItems.CountAsync(i => ids.Contains(i.SubmissionId))
               + await context.InboxSearchTokens.CountAsync(t => ids.Contains(t.SubmissionId))
               + await context.Notifications.CountAsync(n => n.SubmissionId != null && ids.Contains(n.SubmissionId.Value))
               + await context.Outbox.CountAsync(o => ids.Contains(o.SubmissionId));
    }

    private static byte[] Read(ZipArchive zip, string path)
    {
        using var stream = zip.GetEntry(path)!.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}

public sealed class CaseRetentionSqliteTests(SqliteTarget target) : CaseRetentionStorageTests(target), IClassFixture<SqliteTarget>;

public sealed class CaseRetentionPostgresTests(PostgresTarget target) : CaseRetentionStorageTests(target), IClassFixture<PostgresTarget>;
