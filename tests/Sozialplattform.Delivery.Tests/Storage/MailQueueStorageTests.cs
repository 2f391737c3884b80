using Microsoft.EntityFrameworkCore;
using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Delivery.Tests.Outbox;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Notifications;

namespace Sozialplattform.Delivery.Tests.Storage;

/// <summary>The shared mail queue on SQLite and PostgreSQL: once per key under parallel callers, due at its time, claimed by one worker.</summary>
public abstract class MailQueueStorageTests(DatabaseTarget target)
{
    private static readonly QueuedMail Mail = new("ratsuchend@example.org", "Termin bei Beratung Mitte", "Morgen um 10 Uhr.", "de");

    [SkippableFact]
    public async Task Fifty_parallel_callers_with_one_key_queue_exactly_one_mail()
    {
        var harness = await OutboxHarness.StartAsync(target);
        var queue = new MailQueue(harness.Database, harness.Clock);

        var ids = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => queue.EnqueueAsync("nrw", "centre.confirm-reminder", Mail, key: "confirm:centre-7:20270105"))));

        ids.Distinct().ShouldHaveSingleItem();
        await using var context = harness.Database.CreateContext();
        (await context.Notifications.CountAsync()).ShouldBe(1);
    }

    [SkippableFact]
    public async Task A_mail_for_later_is_claimed_only_when_due_and_then_by_one_worker()
    {
        var harness = await OutboxHarness.StartAsync(target);
        var queue = new MailQueue(harness.Database, harness.Clock);
        var store = new NotificationStore(harness.Database, harness.Clock);
        var id = await queue.EnqueueAsync("nrw", "appointment.reminder", Mail, sendAt: harness.Clock.GetUtcNow().UtcDateTime.AddHours(24));

        (await store.ClaimAsync("w1", 10, TimeSpan.FromMinutes(5))).ShouldBeEmpty();
        harness.Clock.Advance(TimeSpan.FromHours(24));
        var claims = await Task.WhenAll(store.ClaimAsync("w1", 10, TimeSpan.FromMinutes(5)), store.ClaimAsync("w2", 10, TimeSpan.FromMinutes(5)));

        claims.SelectMany(c => c).ShouldHaveSingleItem().Id.ShouldBe(id);
        var claimed = claims.SelectMany(c => c).Single();
        claimed.Kind.ShouldBe(NotificationKind.Mail);
        queue.Read(claimed).Subject.ShouldBe("Termin bei Beratung Mitte");
    }
}

public sealed class MailQueueSqliteTests(SqliteTarget target) : MailQueueStorageTests(target), IClassFixture<SqliteTarget>;

public sealed class MailQueuePostgresTests(PostgresTarget target) : MailQueueStorageTests(target), IClassFixture<PostgresTarget>;
