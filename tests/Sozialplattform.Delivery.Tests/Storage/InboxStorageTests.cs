using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Delivery.Tests.Outbox;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Inbox;
using Sozialplattform.Storage.Notifications;

namespace Sozialplattform.Delivery.Tests.Storage;

/// <summary>The inbox's queries where the database matters — name search, filters, follow-ups, the e-mail queue (logins: LoginProtectionTests) — on SQLite and PostgreSQL.</summary>
public abstract class InboxStorageTests(DatabaseTarget target)
{
    [SkippableFact]
    public async Task The_name_search_finds_whole_folded_words_of_the_own_authority_only()
    {
        var harness = await OutboxHarness.StartAsync(target);
        var mine = await harness.AcceptAsync("s1", OutboxHarness.InboxAuthority);
        await harness.AcceptAsync("s2", OutboxHarness.OtherInboxAuthority);
        await harness.Dispatcher().RunOnceAsync();
        var alice = await new CaseworkerAccounts(harness.Database).CreateAsync("alice", "Alice", "correct horse battery", Samples.Tenant, OutboxHarness.InboxAuthority);
        var inbox = new CaseworkerInbox(harness.Database, harness.Clock);

        async Task<IEnumerable<Guid>> Find(string search) => (await inbox.ListAsync(alice, new InboxFilter(Search: search))).Items.Select(i => i.SubmissionId);

        (await Find("YILMAZ")).ShouldBe([mine.Submission.Id]);
        (await Find("ayse emre")).ShouldBe([mine.Submission.Id]);
        (await Find("ayse hans")).ShouldBeEmpty();
        (await Find("Yil")).ShouldBeEmpty();
        (await Find(mine.Submission.ReferenceNumber[3..9].ToLowerInvariant())).ShouldBe([mine.Submission.Id]);
        (await inbox.ListAsync(alice)).Items.ShouldHaveSingleItem().ApplicantName.ShouldBe("Yılmaz, Ayşe");
    }

    [SkippableFact]
    public async Task A_single_sign_on_account_is_made_once_also_by_parallel_first_logins_and_takes_the_mapped_place_at_every_login()
    {
        var harness = await OutboxHarness.StartAsync(target);
        var accounts = new CaseworkerAccounts(harness.Database);
        const string login = "sso:keycloak:anna";

        var first = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            accounts.SignInSingleSignOnAsync(login, "Anna", Samples.Tenant, OutboxHarness.InboxAuthority, CaseworkerRole.Caseworker, "via keycloak")));
        var moved = await accounts.SignInSingleSignOnAsync(login, "Anna B.", Samples.Tenant, OutboxHarness.OtherInboxAuthority, CaseworkerRole.Lead, "via keycloak");

        first.Select(a => a.Id).Distinct().ShouldHaveSingleItem();
        (moved.Id, moved.AuthorityId, moved.Role, moved.DisplayName).ShouldBe((first[0].Id, OutboxHarness.OtherInboxAuthority, CaseworkerRole.Lead, "Anna B."));
        (await accounts.VerifyAsync(login, Sozialplattform.Storage.Logins.SingleSignOnLogins.NoPassword)).ShouldBeNull("the account has no password");
        await Should.ThrowAsync<ArgumentException>(() => accounts.CreateAsync("sso:keycloak:bob", "Bob", "correct horse battery", Samples.Tenant, OutboxHarness.InboxAuthority));
        await using var context = harness.Database.CreateContext();
        var audit = context.AuditLog.Where(e => e.Details!.StartsWith(login) || e.Actor == login).Select(e => e.Action).ToList();
        audit.Count(a => a == "account.created").ShouldBe(1);
        audit.Count(a => a == "account.changed").ShouldBe(1);
        audit.Count(a => a == "sso.login.succeeded").ShouldBe(9);
    }

    [SkippableFact]
    public async Task Filters_for_status_form_dates_and_due_follow_ups_combine()
    {
        var harness = await OutboxHarness.StartAsync(target);
        var early = await harness.ReceiveAsync("f1");
        harness.Clock.Advance(TimeSpan.FromDays(3));
        var late = await harness.ReceiveAsync("f2");
        var alice = await new CaseworkerAccounts(harness.Database).CreateAsync("alice", "Alice", "correct horse battery", Samples.Tenant, OutboxHarness.InboxAuthority);
        var inbox = new CaseworkerInbox(harness.Database, harness.Clock);
        var actions = new CaseworkerActions(harness.Database, harness.Clock);
        await actions.ChangeStatusAsync(alice, late.Submission.Id, SubmissionStatus.InReview, null);
        await actions.AddFollowUpAsync(alice, early.Submission.Id, new DateOnly(2026, 3, 4), "Rückruf");
        await actions.AddFollowUpAsync(alice, early.Submission.Id, new DateOnly(2026, 3, 20), "Frist");

        async Task<IEnumerable<Guid>> Ids(InboxFilter filter) => (await inbox.ListAsync(alice, filter)).Items.Select(i => i.SubmissionId);

        (await Ids(new InboxFilter())).ShouldBe([late.Submission.Id, early.Submission.Id]);
        (await Ids(new InboxFilter(Status: SubmissionStatus.InReview))).ShouldBe([late.Submission.Id]);
        (await Ids(new InboxFilter(Status: SubmissionStatus.Received))).ShouldBe([early.Submission.Id], "the item's copy of the status changed with the submission's");
        (await inbox.ListAsync(alice, new InboxFilter(Status: SubmissionStatus.InReview))).Total.ShouldBe(1);
        (await Ids(new InboxFilter(FormId: "buergergeld", ReceivedBefore: new DateTime(2026, 3, 3, 0, 0, 0, DateTimeKind.Utc)))).ShouldBe([early.Submission.Id]);
        (await Ids(new InboxFilter(ReceivedFrom: new DateTime(2026, 3, 3, 0, 0, 0, DateTimeKind.Utc)))).ShouldBe([late.Submission.Id]);
        (await Ids(new InboxFilter(FormId: "wohngeld"))).ShouldBeEmpty();
        (await Ids(new InboxFilter(FollowUpDueBy: new DateOnly(2026, 3, 5)))).ShouldBe([early.Submission.Id]);
        (await Ids(new InboxFilter(FollowUpDueBy: new DateOnly(2026, 3, 3)))).ShouldBeEmpty();
        (await inbox.ListAsync(alice)).Items.Single(i => i.SubmissionId == early.Submission.Id).NextFollowUp.ShouldBe(new DateOnly(2026, 3, 4));
        var page = await inbox.ListAsync(alice, new InboxFilter(Take: 1));
        page.More.ShouldBeTrue();
        (await inbox.ListAsync(alice, new InboxFilter(Skip: 1, Take: 1))).More.ShouldBeFalse();

        var due = await inbox.DueFollowUpsAsync(alice, new DateOnly(2026, 3, 31));
        due.Select(d => d.Reason).ShouldBe(["Rückruf", "Frist"]);
        (await actions.CompleteFollowUpAsync(alice, early.Submission.Id, due[0].Id)).ShouldBeTrue();
        (await actions.CompleteFollowUpAsync(alice, early.Submission.Id, due[0].Id)).ShouldBeFalse("done once");
        (await inbox.DueFollowUpsAsync(alice, new DateOnly(2026, 3, 31))).Select(d => d.Reason).ShouldBe(["Frist"]);
    }

    [SkippableFact]
    public async Task A_status_change_queues_one_e_mail_in_its_transaction_and_the_queue_is_claimed_once()
    {
        var harness = await OutboxHarness.StartAsync(target);
        var accepted = await harness.AcceptAsync("n1", OutboxHarness.InboxAuthority);
        await harness.Dispatcher().RunOnceAsync();
        var alice = await new CaseworkerAccounts(harness.Database).CreateAsync("alice", "Alice", "correct horse battery", Samples.Tenant, OutboxHarness.InboxAuthority);
        await Should.ThrowAsync<ArgumentException>(() => new CaseworkerActions(harness.Database, harness.Clock).ChangeStatusAsync(alice, accepted.Submission.Id, SubmissionStatus.Decided, null));
        await new CaseworkerActions(harness.Database, harness.Clock).ChangeStatusAsync(alice, accepted.Submission.Id, SubmissionStatus.Decided, "Bewilligt ab 1. April.");
        var store = new NotificationStore(harness.Database, harness.Clock);

        var claimed = (await store.ClaimAsync("w1", 10, TimeSpan.FromMinutes(5))).ShouldHaveSingleItem();
        (await store.ClaimAsync("w2", 10, TimeSpan.FromMinutes(5))).ShouldBeEmpty();
        var notice = await store.LoadAsync(claimed);
        (notice.Email, notice.Status, notice.Message, notice.AuthorityName).ShouldBe(("ayse.yilmaz@example.org", SubmissionStatus.Decided, "Bewilligt ab 1. April.", "Behörde jobcenter-inbox"));
        (await store.MarkFailedAsync(claimed.Id, "w1", "attempt 1: down", harness.Clock.GetUtcNow().UtcDateTime.AddMinutes(1))).ShouldBeTrue();
        (await store.ClaimAsync("w2", 10, TimeSpan.FromMinutes(5))).ShouldBeEmpty();
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        var again = (await store.ClaimAsync("w2", 10, TimeSpan.FromMinutes(5))).ShouldHaveSingleItem();
        again.Attempts.ShouldBe(2);
        (await store.MarkSentAsync(again.Id, "w1")).ShouldBeFalse("only the holder of the lease marks it");
        (await store.MarkSentAsync(again.Id, "w2")).ShouldBeTrue();
        (await store.ListAsync(accepted.Submission.Id)).ShouldHaveSingleItem().Status.ShouldBe(OutboxStatus.Delivered);
    }
}

public sealed class InboxStorageSqliteTests(SqliteTarget target) : InboxStorageTests(target), IClassFixture<SqliteTarget>;

public sealed class InboxStoragePostgresTests(PostgresTarget target) : InboxStorageTests(target), IClassFixture<PostgresTarget>;
