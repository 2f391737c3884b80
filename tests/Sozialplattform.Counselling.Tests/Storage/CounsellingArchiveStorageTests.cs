using Sozialplattform.Counselling.Conversations;
using Sozialplattform.Counselling.Storage;
using Sozialplattform.Counselling.Tests.Infrastructure;
using Sozialplattform.Delivery.Tests.Infrastructure;
using static Sozialplattform.Counselling.Tests.Infrastructure.CounsellingScenario;

namespace Sozialplattform.Counselling.Tests.Storage;

/// <summary>
/// The archive: an open or ended conversation leaves the desk for the centre's archive (ended, read-only); a counsellor
/// sees their own there, a lead all of the centre's, another centre none; retention deletes it like any ended one.
/// </summary>
public abstract class CounsellingArchiveStorageTests(DatabaseTarget target)
{
    [SkippableFact]
    public async Task An_archived_conversation_leaves_the_desk_is_read_only_and_retention_still_deletes_it()
    {
        var clock = new ManualClock();
        var scenario = await CreateAsync(target, clock);
        var (seeker, id) = await scenario.EnquiryAsync();
        (await scenario.Desk.ArchiveConversationAsync(scenario.Anna, id)).Result.ShouldBe(StepResult.WrongState, "a new enquiry is not archived");
        await scenario.Desk.TakeAsync(scenario.Anna, id);
        (await scenario.Desk.ArchiveConversationAsync(scenario.Bernd, id)).Result.ShouldBe(StepResult.NotFound);
        (await scenario.Desk.ArchiveConversationAsync(scenario.Arne, id)).Result.ShouldBe(StepResult.NotFound, "taken by a colleague");

        (await scenario.Desk.ArchiveConversationAsync(scenario.Anna, id)).Result.ShouldBe(StepResult.Done);
        (await scenario.Desk.ArchiveConversationAsync(scenario.Anna, id)).Result.ShouldBe(StepResult.WrongState, "archived once");

        (await scenario.Desk.DeskAsync(scenario.Anna, CentreA))!.Mine.ShouldBeEmpty();
        (await scenario.Desk.ArchiveAsync(scenario.Anna, CentreA))!.Select(c => c.Id).ShouldBe([id]);
        (await scenario.Desk.ArchiveAsync(scenario.Lea, CentreA))!.Select(c => c.Id).ShouldBe([id]);
        (await scenario.Desk.ArchiveAsync(scenario.Arne, CentreA))!.ShouldBeEmpty();
        (await scenario.Desk.ArchiveAsync(scenario.Bernd, CentreA)).ShouldBeNull();
        var view = (await scenario.Desk.OpenAsync(scenario.Anna, id))!;
        (view.State, view.ArchivedAt).ShouldBe((ConversationState.Closed, clock.GetUtcNow().UtcDateTime));
        (await scenario.Desk.ReplyAsync(scenario.Anna, id, "Noch etwas")).Result.ShouldBe(StepResult.WrongState);
        (await scenario.Seekers.ReplyAsync(seeker.Seeker, id, "Noch etwas")).Result.ShouldBe(StepResult.WrongState);
        (await scenario.AuditAsync()).ShouldContain(a => a.Action == "counselling.conversation.archived" && a.Actor == "centre-account:anna");

        clock.Advance(TimeSpan.FromDays(31));
        (await new CounsellingRetention(scenario.Store).SweepAsync("test", new RetentionRules())).Deleted.ShouldBe(1);
        (await scenario.Desk.ArchiveAsync(scenario.Lea, CentreA))!.ShouldBeEmpty();
    }
}

public sealed class CounsellingArchiveStorageSqliteTests(SqliteTarget target) : CounsellingArchiveStorageTests(target), IClassFixture<SqliteTarget>;

public sealed class CounsellingArchiveStoragePostgresTests(PostgresTarget target) : CounsellingArchiveStorageTests(target), IClassFixture<PostgresTarget>;
