using Microsoft.EntityFrameworkCore;
using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Inbox;
using Sozialplattform.Storage.Outbox;

namespace Sozialplattform.Delivery.Tests.Outbox;

public abstract class OutboxDispatcherTests(DatabaseTarget target)
{
    [SkippableFact]
    public async Task A_due_entry_is_delivered_once_with_its_stable_delivery_id()
    {
        var harness = await OutboxHarness.StartAsync(target);
        var accepted = await harness.AcceptAsync("k1", OutboxHarness.DemoAuthority);
        var dispatcher = harness.Dispatcher();

        (await dispatcher.RunOnceAsync()).ShouldBe(new(1, 1, 0, 0));
        (await dispatcher.RunOnceAsync()).Claimed.ShouldBe(0);

        var entry = (await harness.Outbox.ListAsync()).Single();
        entry.Status.ShouldBe(OutboxStatus.Delivered);
        entry.Attempts.ShouldBe(1);
        var package = harness.Demo.Received.ShouldHaveSingleItem();
        package.DeliveryId.ShouldBe(entry.Id);
        package.ReferenceNumber.ShouldBe(accepted.Submission.ReferenceNumber);
        package.AnswersJson.ShouldBe(Samples.AnswersJson);
        package.Pdf.Content.ShouldBe(Samples.MinimalPdf);
        package.Attachments.ShouldHaveSingleItem().FileName.ShouldBe("mietvertrag.txt");
        package.AnswersXml.Root!.Name.LocalName.ShouldBe("antrag");
    }

    [SkippableFact]
    public async Task A_failing_delivery_is_retried_with_exponential_backoff_then_dead_lettered_and_retry_now_brings_it_back()
    {
        var harness = await OutboxHarness.StartAsync(target);
        await harness.AcceptAsync("k2", OutboxHarness.FailingAuthority);
        var dispatcher = harness.Dispatcher(harness.Options(maxAttempts: 3));
        var start = harness.Clock.GetUtcNow().UtcDateTime;

        (await dispatcher.RunOnceAsync()).Retried.ShouldBe(1);
        var entry = (await harness.Outbox.ListAsync()).Single();
        entry.NextAttemptAt.ShouldBe(start.AddSeconds(30));
        entry.LastError!.ShouldContain("attempt 1: failing-demo channel of 'sozialamt-failing' refused delivery");
        entry.LastError!.ShouldContain("Fachverfahren nicht erreichbar");

        harness.Clock.Advance(TimeSpan.FromSeconds(29));
        (await dispatcher.RunOnceAsync()).Claimed.ShouldBe(0);
        harness.Clock.Advance(TimeSpan.FromSeconds(1));
        (await dispatcher.RunOnceAsync()).Retried.ShouldBe(1);
        (await harness.Outbox.ListAsync()).Single().NextAttemptAt.ShouldBe(start.AddSeconds(30 + 60));

        harness.Clock.Advance(TimeSpan.FromSeconds(60));
        (await dispatcher.RunOnceAsync()).Dead.ShouldBe(1);
        var dead = (await harness.Outbox.ListAsync(OutboxStatus.Dead)).ShouldHaveSingleItem();
        dead.Attempts.ShouldBe(3);
        harness.Clock.Advance(TimeSpan.FromDays(1));
        (await dispatcher.RunOnceAsync()).Claimed.ShouldBe(0);

        // The operator fixes the channel and presses "retry now".
        await using (var context = harness.Database.CreateContext())
            await context.Authorities.Where(a => a.Id == OutboxHarness.FailingAuthority).ExecuteUpdateAsync(s => s.SetProperty(a => a.ChannelType, "demo").SetProperty(a => a.ChannelOptionsJson, "{}"));
        (await harness.Outbox.RetryNowAsync(dead.Id, "operator@example.org")).ShouldBe(RetryNowResult.Scheduled);
        (await dispatcher.RunOnceAsync()).Delivered.ShouldBe(1);
        harness.Demo.Received.ShouldHaveSingleItem().DeliveryId.ShouldBe(dead.Id);
        await using var check = harness.Database.CreateContext();
        (await check.AuditLog.SingleAsync(a => a.Action == "outbox.retry-now")).Actor.ShouldBe("operator@example.org");
    }

    [SkippableFact]
    public async Task A_configuration_error_goes_to_the_dead_letters_at_once()
    {
        var harness = await OutboxHarness.StartAsync(target);
        await using (var context = harness.Database.CreateContext())
            await context.Authorities.Where(a => a.Id == OutboxHarness.DemoAuthority).ExecuteUpdateAsync(s => s.SetProperty(a => a.ChannelType, "telex"));
        await harness.AcceptAsync("k3", OutboxHarness.DemoAuthority);

        (await harness.Dispatcher().RunOnceAsync()).Dead.ShouldBe(1);
        (await harness.Outbox.ListAsync()).Single().LastError.ShouldBe("attempt 1: channel type 'telex' of authority 'jobcenter-demo' is not registered in this host");
    }

    [SkippableFact]
    public async Task An_entry_of_a_crashed_dispatcher_is_delivered_again_after_its_lease_with_the_same_id()
    {
        var harness = await OutboxHarness.StartAsync(target);
        await harness.AcceptAsync("k4", OutboxHarness.DemoAuthority);
        var crashed = (await harness.Outbox.ClaimAsync("crashed-worker", 10, TimeSpan.FromMinutes(5))).ShouldHaveSingleItem();
        var survivor = harness.Dispatcher(harness.Options("survivor"));

        (await survivor.RunOnceAsync()).Claimed.ShouldBe(0);
        harness.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        (await survivor.RunOnceAsync()).Delivered.ShouldBe(1);

        harness.Demo.Received.ShouldHaveSingleItem().DeliveryId.ShouldBe(crashed.Id);
        (await harness.Outbox.MarkDeliveredAsync(crashed.Id, "crashed-worker", "late")).ShouldBeFalse();
        (await harness.Outbox.ListAsync()).Single().Attempts.ShouldBe(2);
    }

    [SkippableFact]
    public async Task A_crash_after_delivering_but_before_marking_still_leaves_exactly_one_submission_in_the_inbox()
    {
        var harness = await OutboxHarness.StartAsync(target);
        var accepted = await harness.AcceptAsync("crash", OutboxHarness.InboxAuthority);
        var entry = (await harness.Outbox.ClaimAsync("dying-worker", 10, TimeSpan.FromMinutes(5))).Single();
        var stored = await new Sozialplattform.Storage.Outbox.DeliverySource(harness.Database).LoadAsync(entry);
        var package = await new Sozialplattform.Delivery.Outbox.DeliveryPackageBuilder(new Sozialplattform.Delivery.Outbox.FixedAnswersSchemaSource()).BuildAsync(stored, stored.Authority!, default);
        (await harness.Channels.Find("inbox")!.DeliverAsync(package, default)).Success.ShouldBeTrue();
        // the process dies here: the entry stays "delivering" until its lease runs out

        harness.Clock.Advance(TimeSpan.FromMinutes(6));
        (await harness.Dispatcher(harness.Options("next-worker")).RunOnceAsync()).Delivered.ShouldBe(1);

        await using var context = harness.Database.CreateContext();
        (await context.InboxItems.CountAsync(i => i.SubmissionId == accepted.Submission.Id)).ShouldBe(1);
        (await harness.Outbox.ListAsync()).Single().Receipt!.ShouldEndWith("(already received)");
    }

    [SkippableFact]
    public async Task The_inbox_channel_stores_a_repeated_delivery_once_and_each_authority_sees_only_its_own()
    {
        var harness = await OutboxHarness.StartAsync(target);
        var mine = await harness.AcceptAsync("k5", OutboxHarness.InboxAuthority);
        var theirs = await harness.AcceptAsync("k6", OutboxHarness.OtherInboxAuthority);
        (await harness.Dispatcher().RunOnceAsync()).Delivered.ShouldBe(2);
        var entry = (await harness.Outbox.ListAsync()).First(o => o.SubmissionId == mine.Submission.Id);
        (await new InboxWriter(harness.Database).ReceiveAsync(entry.Id, mine.Submission.Id, Samples.Tenant, OutboxHarness.InboxAuthority)).Created.ShouldBeFalse();

        var accounts = new CaseworkerAccounts(harness.Database);
        var alice = await accounts.CreateAsync("alice", "Alice", "correct horse battery", Samples.Tenant, OutboxHarness.InboxAuthority);
        var bob = await accounts.CreateAsync("bob", "Bob", "another long password", Samples.Tenant, OutboxHarness.OtherInboxAuthority);
        var inbox = new CaseworkerInbox(harness.Database);

        (await inbox.ListAsync(alice)).Items.Select(i => i.SubmissionId).ShouldBe([mine.Submission.Id]);
        (await inbox.ListAsync(bob)).Items.Select(i => i.SubmissionId).ShouldBe([theirs.Submission.Id]);
        (await inbox.OpenAsync(alice, theirs.Submission.Id)).ShouldBeNull();
        (await new CaseworkerActions(harness.Database).ChangeStatusAsync(alice, theirs.Submission.Id, SubmissionStatus.Decided, "Bewilligt.")).ShouldBeFalse();
        (await inbox.OpenAsync(alice, mine.Submission.Id)).ShouldNotBeNull().AnswersJson.ShouldBe(Samples.AnswersJson);
    }

    [SkippableFact]
    public async Task Caseworker_changes_reach_the_status_page_and_the_audit_log()
    {
        var harness = await OutboxHarness.StartAsync(target);
        var accepted = await harness.AcceptAsync("k7", OutboxHarness.InboxAuthority);
        await harness.Dispatcher().RunOnceAsync();
        var alice = await new CaseworkerAccounts(harness.Database).CreateAsync("alice", "Alice", "correct horse battery", Samples.Tenant, OutboxHarness.InboxAuthority);
        (await new CaseworkerAccounts(harness.Database).VerifyAsync("alice", "correct horse battery")).ShouldNotBeNull();
        (await new CaseworkerAccounts(harness.Database).VerifyAsync("alice", "wrong")).ShouldBeNull();
        var inbox = new CaseworkerInbox(harness.Database);
        var actions = new CaseworkerActions(harness.Database);
        var id = accepted.Submission.Id;

        await inbox.OpenAsync(alice, id);
        (await actions.ChangeStatusAsync(alice, id, SubmissionStatus.DocumentsRequested, "Bitte reichen Sie den Mietvertrag nach.")).ShouldBeTrue();
        (await actions.AddNoteAsync(alice, id, "Vermieter angerufen")).ShouldBeTrue();
        (await actions.AddFollowUpAsync(alice, id, new DateOnly(2026, 3, 16), "Mietvertrag da?")).ShouldBeTrue();
        await Should.ThrowAsync<ArgumentException>(() => actions.ChangeStatusAsync(alice, id, SubmissionStatus.DocumentsRequested, " "));

        var status = await new Sozialplattform.Storage.Submissions.StatusLookup(harness.Database).FindAsync(accepted.Submission.ReferenceNumber, accepted.StatusSecret);
        status!.Status.ShouldBe(SubmissionStatus.DocumentsRequested);
        status.History.Last().Message.ShouldBe("Bitte reichen Sie den Mietvertrag nach.");
        (await inbox.DueFollowUpsAsync(alice, new DateOnly(2026, 3, 31))).ShouldHaveSingleItem().Reason.ShouldBe("Mietvertrag da?");
        (await inbox.OpenAsync(alice, id))!.Notes.Single().Text.ShouldBe("Vermieter angerufen");
        (await inbox.AuditTrailAsync(id)).Select(a => a.Action).ShouldBe(["inbox.received", "submission.view", "submission.status", "submission.note", "submission.follow-up", "submission.view"]);
    }

    [SkippableFact]
    public async Task An_operator_sees_the_dead_letters_first_then_the_waiting_deliveries_of_their_tenant_only_and_retries_within_it()
    {
        var harness = await OutboxHarness.StartAsync(target);
        await harness.AcceptAsync("op-dead", OutboxHarness.FailingAuthority);
        await harness.Dispatcher(harness.Options(maxAttempts: 1)).RunOnceAsync();
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        var waiting = await harness.AcceptAsync("op-wait", OutboxHarness.FailingAuthority);
        await harness.AcceptAsync("op-ok", OutboxHarness.DemoAuthority);
        await harness.Dispatcher(harness.Options(maxAttempts: 3)).RunOnceAsync();
        await harness.AcceptAsync("op-new", OutboxHarness.DemoAuthority);
        var foreign = new OutboxEntry
        {
            Id = Guid.CreateVersion7(), SubmissionId = Guid.NewGuid(), TenantId = "anders", AuthorityId = "amt-anders", Channel = "failing-demo",
            Status = OutboxStatus.Dead, Attempts = 10, NextAttemptAt = harness.Clock.GetUtcNow().UtcDateTime, LastError = "attempt 10: fremd", CreatedAt = harness.Clock.GetUtcNow().UtcDateTime,
        };
        await using (var context = harness.Database.CreateContext())
        {
            context.Outbox.Add(foreign);
            await context.SaveChangesAsync();
        }

        var accounts = new CaseworkerAccounts(harness.Database);
        var betrieb = await accounts.CreateAsync("betrieb", "Betrieb", "correct horse battery", Samples.Tenant, CaseworkerAccount.NoAuthority, CaseworkerRole.Operator);
        var operations = new OutboxOperations(harness.Database, harness.Outbox, harness.Clock);

        var attention = await operations.ListAsync(betrieb);
        attention.Select(a => (a.Status, a.Attempts, a.AuthorityName)).ShouldBe([(OutboxStatus.Dead, 1, "Behörde sozialamt-failing"), (OutboxStatus.Pending, 1, "Behörde sozialamt-failing")]);
        attention[1].ReferenceNumber.ShouldBe(waiting.Submission.ReferenceNumber);
        attention[1].LastError!.ShouldContain("Fachverfahren nicht erreichbar");
        (await operations.ListAsync(betrieb, OutboxView.Dead)).ShouldHaveSingleItem().Status.ShouldBe(OutboxStatus.Dead);
        (await operations.ListAsync(betrieb, OutboxView.Waiting)).ShouldHaveSingleItem().Id.ShouldBe(attention[1].Id);
        (await operations.ListAsync(betrieb, OutboxView.Delivered)).ShouldHaveSingleItem().AuthorityId.ShouldBe(OutboxHarness.DemoAuthority);

        (await operations.RetryNowAsync(betrieb, foreign.Id)).ShouldBe(RetryNowResult.NotFound);
        (await operations.RetryNowAsync(betrieb, Guid.NewGuid())).ShouldBe(RetryNowResult.NotFound);
        (await operations.RetryNowAsync(betrieb, (await operations.ListAsync(betrieb, OutboxView.Delivered)).Single().Id)).ShouldBe(RetryNowResult.NotRetryable);
        (await operations.RetryNowAsync(betrieb, attention[0].Id)).ShouldBe(RetryNowResult.Scheduled);
        var retried = (await operations.ListAsync(betrieb, OutboxView.Waiting)).Single(a => a.Id == attention[0].Id);
        (retried.Status, retried.NextAttemptAt).ShouldBe((OutboxStatus.Pending, harness.Clock.GetUtcNow().UtcDateTime));

        var caseworker = await accounts.CreateAsync("sb", "SB", "correct horse battery", Samples.Tenant, OutboxHarness.InboxAuthority);
        await Should.ThrowAsync<InvalidOperationException>(() => operations.ListAsync(caseworker));
        await using var check = harness.Database.CreateContext();
        (await check.Outbox.SingleAsync(o => o.Id == foreign.Id)).Status.ShouldBe(OutboxStatus.Dead);
        (await check.AuditLog.Where(a => a.Actor == "betrieb").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync())
            .ShouldBe(["outbox.view", "outbox.view", "outbox.view", "outbox.view", "outbox.view", "outbox.retry-now", "outbox.view"]);
    }
}

public sealed class OutboxDispatcherSqliteTests(SqliteTarget target) : OutboxDispatcherTests(target), IClassFixture<SqliteTarget>;

public sealed class OutboxDispatcherPostgresTests(PostgresTarget target) : OutboxDispatcherTests(target), IClassFixture<PostgresTarget>;
