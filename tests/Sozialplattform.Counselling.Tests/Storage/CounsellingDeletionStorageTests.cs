using Microsoft.EntityFrameworkCore;
using Sozialplattform.Counselling.Conversations;
using Sozialplattform.Counselling.Seekers;
using Sozialplattform.Counselling.Storage;
using Sozialplattform.Counselling.Tests.Infrastructure;
using Sozialplattform.Delivery.Tests.Infrastructure;
using static Sozialplattform.Counselling.Tests.Infrastructure.CounsellingScenario;

namespace Sozialplattform.Counselling.Tests.Storage;

/// <summary>
/// Deletion on a hand-moved clock: single own messages, the whole account, and retention (180 days without activity,
/// 30 days after the end, a warning a week before, once) — each in the deletion log without content.
/// </summary>
public abstract class CounsellingDeletionStorageTests(DatabaseTarget target)
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private static readonly RetentionRules Rules = new();

    [SkippableFact]
    public async Task A_seeker_deletes_only_own_messages_of_own_conversations()
    {
        var scenario = await CreateAsync(target, _clock);
        var (seeker, id) = await scenario.EnquiryAsync(text: "Bitte löschen");
        await scenario.Desk.TakeAsync(scenario.Anna, id);
        await scenario.Desk.ReplyAsync(scenario.Anna, id, "Antwort der Stelle");
        var (other, _) = await scenario.EnquiryAsync("Andere");
        var messages = (await scenario.Seekers.OpenAsync(seeker.Seeker, id))!.Messages;

        (await scenario.Seekers.DeleteMessageAsync(seeker.Seeker, id, messages[1].Id)).Error!.Code.ShouldBe("messageUnknown");
        (await scenario.Seekers.DeleteMessageAsync(other.Seeker, id, messages[0].Id)).Result.ShouldBe(StepResult.NotFound);
        (await scenario.Seekers.DeleteMessageAsync(seeker.Seeker, id, Guid.NewGuid())).Result.ShouldBe(StepResult.Invalid);
        (await scenario.Seekers.DeleteMessageAsync(seeker.Seeker, id, messages[0].Id)).Result.ShouldBe(StepResult.Done);

        (await scenario.Seekers.OpenAsync(seeker.Seeker, id))!.Messages.Select(m => m.Text).ShouldBe(["Antwort der Stelle"]);
        var log = (await scenario.AuditAsync()).Where(a => a.Action.StartsWith("counselling.deleted.")).ToList();
        log.ShouldBe([(Seeker(seeker), "counselling.deleted.message", $"conversation {id}; message {messages[0].Id}")]);
    }

    [SkippableFact]
    public async Task Deleting_the_account_removes_the_seeker_every_conversation_message_and_key_and_logs_no_content()
    {
        var scenario = await CreateAsync(target, _clock);
        var (seeker, first) = await scenario.EnquiryAsync(text: "Erste vertrauliche Nachricht");
        (await scenario.Seekers.StartAsync(seeker.Seeker, CentreB, "schuldnerberatung", "Zweite")).Result.ShouldBe(StepResult.Done);
        await scenario.Seekers.ReplyAsync(seeker.Seeker, first, "Dritte");
        var (stays, kept) = await scenario.EnquiryAsync("Bleibt");

        await scenario.Seekers.DeleteAccountAsync(seeker.Seeker);

        await using var context = scenario.Database.CreateContext();
        (await context.Seekers.Select(s => s.Id).ToListAsync()).ShouldBe([stays.Seeker.Id]);
        (await context.Conversations.Select(c => c.Id).ToListAsync()).ShouldBe([kept]);
        (await context.Messages.CountAsync()).ShouldBe(1);
        var log = (await scenario.AuditAsync()).Single(a => a.Action == "counselling.deleted.seeker");
        log.ShouldBe((Seeker(seeker), "counselling.deleted.seeker", "2 conversation(s), 3 message(s)"));
    }

    [SkippableFact]
    public async Task Retention_warns_once_a_week_before_and_deletes_ended_conversations_after_30_days_and_quiet_ones_after_180()
    {
        var scenario = await CreateAsync(target, _clock);
        var retention = new CounsellingRetention(scenario.Store);
        var (seeker, quiet) = await scenario.EnquiryAsync(text: "Ruhiges Gespräch");
        var (endedSeeker, ended) = await scenario.EnquiryAsync("Beendet", "Beendetes Gespräch");
        (await scenario.Seekers.EndAsync(endedSeeker.Seeker, ended)).Result.ShouldBe(StepResult.Done);

        _clock.Advance(TimeSpan.FromDays(22));
        (await Summary(retention)).ShouldBe("0 deleted, 0 warned", "nothing due yet");
        _clock.Advance(TimeSpan.FromDays(2));
        var warned = await retention.SweepAsync("test", Rules);
        warned.Deleted.ShouldBe(0);
        warned.Warnings.Single().DeleteOn.ShouldBe(new DateTime(2026, 4, 1, 9, 0, 0));
        (await retention.SweepAsync("test", Rules)).Warnings.ShouldBeEmpty("warned once");

        _clock.Advance(TimeSpan.FromDays(7));
        (await retention.SweepAsync("test", Rules)).Deleted.ShouldBe(1);
        (await scenario.Store.FindAsync(ended, default)).ShouldBeNull();

        _clock.Advance(TimeSpan.FromDays(143));
        (await retention.SweepAsync("test", Rules)).Warnings.Select(w => w.SeekerId).ShouldBe([seeker.Seeker.Id]);
        await scenario.Seekers.ReplyAsync(seeker.Seeker, quiet, "Ich bin noch da");
        _clock.Advance(TimeSpan.FromDays(10));
        (await Summary(retention)).ShouldBe("0 deleted, 0 warned", "the reply counts as activity and cleared the warning");
        _clock.Advance(TimeSpan.FromDays(171));
        (await retention.SweepAsync("test", Rules)).Deleted.ShouldBe(1);

        await using var context = scenario.Database.CreateContext();
        (await context.Conversations.CountAsync()).ShouldBe(0);
        (await context.Messages.CountAsync()).ShouldBe(0);
        var log = (await scenario.AuditAsync()).Where(a => a.Action == "counselling.deleted.retention").ToList();
        log.Select(a => (a.Actor, a.Details)).ShouldBe([
            ("retention", $"conversation {ended}; centre {CentreA}; ended more than 30 days ago"),
            ("retention", $"conversation {quiet}; centre {CentreA}; no activity for 180 days"),
        ]);
        log.ShouldAllBe(a => !a.Details!.Contains("Gespräch"));
    }

    private static async Task<string> Summary(CounsellingRetention retention)
    {
        var result = await retention.SweepAsync("test", Rules);
        return $"{result.Deleted} deleted, {result.Warnings.Count} warned";
    }

    private static string Seeker(Registration registration) => "seeker:" + registration.Seeker.Id;
}

public sealed class CounsellingDeletionStorageSqliteTests(SqliteTarget target) : CounsellingDeletionStorageTests(target), IClassFixture<SqliteTarget>;

public sealed class CounsellingDeletionStoragePostgresTests(PostgresTarget target) : CounsellingDeletionStorageTests(target), IClassFixture<PostgresTarget>;
