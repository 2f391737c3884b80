using Microsoft.EntityFrameworkCore;
using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Delivery.Tests.Outbox;
using Sozialplattform.Storage.Cases;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Inbox;

namespace Sozialplattform.Delivery.Tests.Storage;

/// <summary>Case work where the database matters — hand-in numbers under parallel hand-ins, the list's new marker, assignment filter and forwarding — on SQLite and PostgreSQL.</summary>
public abstract class CaseStorageTests(DatabaseTarget target)
{
    private static readonly byte[] Pdf = "%PDF-1.4\n%%EOF\n"u8.ToArray();

    [SkippableFact]
    public async Task Twenty_parallel_hand_ins_get_twenty_different_receipt_numbers_in_one_case()
    {
        var harness = await OutboxHarness.StartAsync(target);
        var accepted = await harness.AcceptAsync("h1", OutboxHarness.InboxAuthority);
        await harness.Dispatcher().RunOnceAsync();
        var cases = new ApplicantCase(harness.Database, harness.Clock);

        var receipts = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            cases.HandInAsync(accepted.Submission.ReferenceNumber, accepted.StatusSecret, $"Teil {i}", [new CaseFile($"teil-{i}.pdf", "application/pdf", Pdf)]))));

        receipts.Select(r => r!.ReceiptNumber).Order().ShouldBe(Enumerable.Range(1, 20).Select(n => $"{accepted.Submission.ReferenceNumber}-N{n}").Order());
        (await cases.HandInAsync(accepted.Submission.ReferenceNumber, "falsch", "x", [])).ShouldBeNull();
        var view = (await cases.OpenAsync(accepted.Submission.ReferenceNumber, accepted.StatusSecret))!;
        view.Messages.Count.ShouldBe(20);
        view.Messages.ShouldAllBe(m => m.Files.Count == 1);
        await using var context = harness.Database.CreateContext();
        (await context.AuditLog.CountAsync(a => a.SubmissionId == accepted.Submission.Id && a.Action == "case.refused")).ShouldBe(1);
    }

    [SkippableFact]
    public async Task The_list_marks_a_hand_in_as_new_filters_by_assignee_and_keeps_a_forwarded_case_as_a_stub()
    {
        var harness = await OutboxHarness.StartAsync(target);
        var accepted = await harness.ReceiveAsync("l1");
        var other = await harness.ReceiveAsync("l2");
        var accounts = new CaseworkerAccounts(harness.Database);
        var alice = await accounts.CreateAsync("alice", "Alice", "correct horse battery", Samples.Tenant, OutboxHarness.InboxAuthority);
        var bob = await accounts.CreateAsync("bob", "Bob", "correct horse battery", Samples.Tenant, OutboxHarness.OtherInboxAuthority);
        var inbox = new CaseworkerInbox(harness.Database, harness.Clock);
        var work = new CaseWork(harness.Database, harness.Clock);

        (await inbox.ListAsync(alice, new InboxFilter(OnlyNew: true))).Total.ShouldBe(2);
        await inbox.OpenAsync(alice, accepted.Submission.Id);
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        (await inbox.ListAsync(alice, new InboxFilter(OnlyNew: true))).Items.Select(i => i.SubmissionId).ShouldBe([other.Submission.Id]);
        await new ApplicantCase(harness.Database, harness.Clock).HandInAsync(accepted.Submission.ReferenceNumber, accepted.StatusSecret, "Nachweis", []);
        (await inbox.ListAsync(alice, new InboxFilter(OnlyNew: true))).Total.ShouldBe(2, "the hand-in makes it new again");

        (await work.AssignAsync(alice, accepted.Submission.Id, alice.Id)).ShouldBeTrue();
        (await work.AssignAsync(alice, accepted.Submission.Id, bob.Id)).ShouldBeFalse("bob is of another authority");
        (await inbox.ListAsync(alice, new InboxFilter(AssigneeId: alice.Id))).Items.ShouldHaveSingleItem().Assignee.ShouldBe("Alice");

        (await new CaseworkerActions(harness.Database, harness.Clock).ChangeStatusAsync(alice, accepted.Submission.Id, SubmissionStatus.InReview, null)).ShouldBeTrue();
        (await new CaseForwarding(harness.Database, harness.Clock).ForwardAsync(alice, accepted.Submission.Id, OutboxHarness.OtherInboxAuthority, "Wohnort")).ShouldBeTrue();
        (await inbox.ListAsync(bob, new InboxFilter(Status: SubmissionStatus.InReview))).Items.Select(i => i.SubmissionId).ShouldBe([accepted.Submission.Id], "the forwarded item carries the status");
        var stub = (await inbox.ListAsync(alice, new InboxFilter(Sort: InboxSort.Reference))).Items.Single(i => i.SubmissionId == accepted.Submission.Id);
        stub.ForwardedTo.ShouldNotBeNull();
        stub.IsNew.ShouldBeFalse();
        (await inbox.OpenAsync(alice, accepted.Submission.Id)).ShouldBeNull();
        (await inbox.OpenAsync(bob, accepted.Submission.Id))!.Messages.Select(m => m.Kind).ShouldBe([CaseMessageKind.HandIn, CaseMessageKind.Forwarded]);
        (await new ApplicantCase(harness.Database, harness.Clock).OpenAsync(accepted.Submission.ReferenceNumber, accepted.StatusSecret))!.Authority!.Id.ShouldBe(OutboxHarness.OtherInboxAuthority);
    }

    [SkippableFact]
    public async Task Ten_parallel_ticks_of_the_same_checklist_items_store_each_item_once_and_another_authority_sees_none()
    {
        var harness = await OutboxHarness.StartAsync(target);
        var accepted = await harness.ReceiveAsync("k1");
        var accounts = new CaseworkerAccounts(harness.Database);
        var alice = await accounts.CreateAsync("k-alice", "Alice", "correct horse battery", Samples.Tenant, OutboxHarness.InboxAuthority);
        var bob = await accounts.CreateAsync("k-bob", "Bob", "correct horse battery", Samples.Tenant, OutboxHarness.OtherInboxAuthority);
        var checklist = new CaseChecklist(harness.Database, harness.Clock);
        string[] declared = ["identitaet", "einkommen", "bescheid"];

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => checklist.SetAsync(alice, accepted.Submission.Id, declared, ["identitaet", "einkommen"]))));

        results.ShouldAllBe(saved => saved);
        (await checklist.TickedAsync(alice, accepted.Submission.Id))!.Select(c => c.ItemId).ShouldBe(["einkommen", "identitaet"]);
        (await checklist.TickedAsync(bob, accepted.Submission.Id)).ShouldBeNull();
        (await checklist.SetAsync(bob, accepted.Submission.Id, declared, [])).ShouldBeFalse();
        await Should.ThrowAsync<CaseInputException>(() => checklist.SetAsync(alice, accepted.Submission.Id, declared, ["erfunden"]));
        (await checklist.TickedAsync(alice, accepted.Submission.Id))!.Count.ShouldBe(2, "bob's and the undeclared attempt changed nothing");
    }
}

public sealed class CaseSqliteTests(SqliteTarget target) : CaseStorageTests(target), IClassFixture<SqliteTarget>;

public sealed class CasePostgresTests(PostgresTarget target) : CaseStorageTests(target), IClassFixture<PostgresTarget>;
