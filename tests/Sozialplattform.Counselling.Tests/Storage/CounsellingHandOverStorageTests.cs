using Sozialplattform.Counselling.Conversations;
using Sozialplattform.Counselling.Storage;
using Sozialplattform.Counselling.Tests.Infrastructure;
using Sozialplattform.Delivery.Tests.Infrastructure;
using static Sozialplattform.Counselling.Tests.Infrastructure.CounsellingScenario;

namespace Sozialplattform.Counselling.Tests.Storage;

/// <summary>Hand-over of a taken conversation: only to a colleague of the same centre, one winner of two at once, audited.</summary>
public abstract class CounsellingHandOverStorageTests(DatabaseTarget target)
{
    [SkippableFact]
    public async Task A_conversation_goes_to_a_colleague_of_the_same_centre_and_the_giver_no_longer_reads_it()
    {
        var scenario = await TeamAsync();
        var (_, id) = await scenario.EnquiryAsync();
        await scenario.Desk.TakeAsync(scenario.Anna, id);

        (await scenario.Desk.HandOverAsync(scenario.Anna, id, scenario.Arne.AccountId)).Result.ShouldBe(StepResult.Done);

        (await scenario.Desk.OpenAsync(scenario.Arne, id))!.CounsellorId.ShouldBe(scenario.Arne.AccountId);
        (await scenario.Desk.OpenAsync(scenario.Anna, id)).ShouldBeNull();
        (await scenario.Desk.OpenAsync(scenario.Lea, id)).ShouldNotBeNull();
        (await scenario.Desk.DeskAsync(scenario.Arne, CentreA))!.Mine.Select(c => c.Id).ShouldBe([id]);
        (await scenario.AuditAsync()).ShouldContain(("centre-account:anna", "counselling.conversation.handedover",
            $"conversation {id}; centre {CentreA}; from {scenario.Anna.AccountId} to {scenario.Arne.AccountId}"));
    }

    [SkippableFact]
    public async Task Never_to_another_centre_nor_to_the_same_counsellor_nor_by_a_stranger_and_nothing_changes()
    {
        var scenario = await TeamAsync();
        var (_, id) = await scenario.EnquiryAsync();
        await scenario.Desk.TakeAsync(scenario.Anna, id);

        foreach (var to in new Guid?[] { scenario.Bernd.AccountId, scenario.Anna.AccountId, Guid.NewGuid(), null })
            (await scenario.Desk.HandOverAsync(scenario.Anna, id, to)).Error!.Code.ShouldBe("colleagueUnknown");
        (await scenario.Desk.HandOverAsync(scenario.Bernd, id, scenario.Bernd.AccountId)).Result.ShouldBe(StepResult.NotFound);
        (await scenario.Desk.HandOverAsync(scenario.Arne, id, scenario.Arne.AccountId)).Result.ShouldBe(StepResult.NotFound);
        var (_, fresh) = await scenario.EnquiryAsync("Neu");
        (await scenario.Desk.HandOverAsync(scenario.Anna, fresh, scenario.Arne.AccountId)).Result.ShouldBe(StepResult.WrongState);

        (await scenario.Desk.OpenAsync(scenario.Anna, id))!.CounsellorId.ShouldBe(scenario.Anna.AccountId);
        (await scenario.AuditAsync()).ShouldNotContain(a => a.Action == "counselling.conversation.handedover");
        (await scenario.AuditAsync()).ShouldContain(a => a.Actor == "centre-account:bernd" && a.Action == "counselling.handover.refused");
    }

    [SkippableFact]
    public async Task Of_two_hand_overs_at_once_exactly_one_wins()
    {
        var scenario = await TeamAsync();
        var (_, id) = await scenario.EnquiryAsync();
        await scenario.Desk.TakeAsync(scenario.Anna, id);

        var results = await Task.WhenAll(
            Task.Run(() => scenario.Desk.HandOverAsync(scenario.Anna, id, scenario.Arne.AccountId)),
            Task.Run(() => scenario.Desk.HandOverAsync(scenario.Anna, id, scenario.Lea.AccountId)));

        results.Count(r => r.Result == StepResult.Done).ShouldBe(1, "the loser no longer holds the conversation");
        var holder = (await scenario.Desk.OpenAsync(scenario.Lea, id))!.CounsellorId;
        holder.ShouldBe(results[0].Result == StepResult.Done ? scenario.Arne.AccountId : scenario.Lea.AccountId);
    }

    private async Task<CounsellingScenario> TeamAsync()
    {
        var scenario = await CreateAsync(target);
        foreach (var (member, centre, role) in new[] { (scenario.Anna, CentreA, TeamRole.Counsellor), (scenario.Arne, CentreA, TeamRole.Counsellor), (scenario.Lea, CentreA, TeamRole.Lead), (scenario.Bernd, CentreB, TeamRole.Counsellor) })
            await scenario.Team.SetAsync(member.AccountId, centre, role);
        return scenario;
    }
}

public sealed class CounsellingHandOverStorageSqliteTests(SqliteTarget target) : CounsellingHandOverStorageTests(target), IClassFixture<SqliteTarget>;

public sealed class CounsellingHandOverStoragePostgresTests(PostgresTarget target) : CounsellingHandOverStorageTests(target), IClassFixture<PostgresTarget>;
