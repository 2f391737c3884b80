using Microsoft.EntityFrameworkCore;
using Sozialplattform.Counselling.Conversations;
using Sozialplattform.Counselling.Storage;
using Sozialplattform.Counselling.Tests.Infrastructure;
using Sozialplattform.Delivery.Tests.Infrastructure;

namespace Sozialplattform.Counselling.Tests.Storage;

/// <summary>
/// Video calls on the real databases: of many accepts at once exactly one wins (and binds its connection); of many starts
/// at once each passes after the other, so exactly one call of the conversation stays live; calls go with the account.
/// </summary>
public abstract class CounsellingVideoStorageTests(DatabaseTarget target)
{
    [SkippableFact]
    public async Task Of_twenty_accepts_at_once_exactly_one_wins_and_its_connection_is_bound()
    {
        var (scenario, calls, seeker, id) = await OpenAsync();
        var call = (await calls.StartAsync(Staff(scenario), id, "desk-connection")).Call!;

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => calls.AcceptAsync(new CallParty(seeker, null, null), call.Id, $"tab-{i}"))));

        outcomes.Count(o => o.Done).ShouldBe(1);
        outcomes.Where(o => !o.Done).ShouldAllBe(o => o.Error!.Code == "videoNotRinging");
        var stored = (await calls.FindAsync(call.Id))!;
        stored.State.ShouldBe(CallState.Accepted);
        stored.SeekerConnection.ShouldBe(outcomes.Single(o => o.Done).Call!.SeekerConnection);
        (await calls.SignalAsync(new CallParty(seeker, null, null), call.Id, stored.SeekerConnection!)).Done.ShouldBeTrue();
        (await scenario.AuditAsync()).Count(a => a.Action == "counselling.video.refused").ShouldBe(19);
    }

    [SkippableFact]
    public async Task Twenty_starts_at_once_each_end_the_one_before_and_one_call_stays_live()
    {
        var (scenario, calls, _, id) = await OpenAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => calls.StartAsync(Staff(scenario), id, $"desk-{i}"))));

        outcomes.ShouldAllBe(o => o.Done);
        await using var context = scenario.Database.CreateContext();
        var stored = await context.VideoCalls.Where(v => v.ConversationId == id).ToListAsync();
        stored.Count.ShouldBe(20);
        stored.Count(v => v.State == CallState.Ringing).ShouldBe(1);
        outcomes.Sum(o => o.Replaced!.Count).ShouldBe(19, "each start ended exactly the calls live before it");
    }

    [SkippableFact]
    public async Task Deleting_the_seekers_account_deletes_its_calls()
    {
        var (scenario, calls, seeker, id) = await OpenAsync();
        await calls.StartAsync(Staff(scenario), id, "desk-connection");

        await scenario.Seekers.DeleteAccountAsync(seeker);

        await using var context = scenario.Database.CreateContext();
        (await context.VideoCalls.CountAsync(v => v.ConversationId == id)).ShouldBe(0);
    }

    private static CallParty Staff(CounsellingScenario scenario) => new(null, scenario.Anna.Login, (_, _) => Task.FromResult<Counsellor?>(scenario.Anna));

    private async Task<(CounsellingScenario Scenario, VideoCalls Calls, SeekerRow Seeker, Guid Conversation)> OpenAsync()
    {
        var scenario = await CounsellingScenario.CreateAsync(target);
        var (seeker, id) = await scenario.EnquiryAsync();
        (await scenario.Desk.TakeAsync(scenario.Anna, id)).Result.ShouldBe(StepResult.Done);
        return (scenario, new VideoCalls(scenario.Store, scenario.Desk, scenario.Seekers, TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(120)), seeker.Seeker, id);
    }
}

public sealed class CounsellingVideoStorageSqliteTests(SqliteTarget target) : CounsellingVideoStorageTests(target), IClassFixture<SqliteTarget>;

public sealed class CounsellingVideoStoragePostgresTests(PostgresTarget target) : CounsellingVideoStorageTests(target), IClassFixture<PostgresTarget>;
