using Sozialplattform.Counselling.Conversations;
using Sozialplattform.Counselling.Storage;
using Sozialplattform.Counselling.Tests.Infrastructure;
using Sozialplattform.Delivery.Tests.Infrastructure;
using static Sozialplattform.Counselling.Tests.Infrastructure.CounsellingScenario;

namespace Sozialplattform.Counselling.Tests.Storage;

/// <summary>
/// Absences on a hand-moved clock: the deputy reads and answers the absent counsellor's conversations on the absence's
/// days only, the seeker's notice names the dates and the deputy's name, bad absences store nothing; the reply time is
/// the leads'.
/// </summary>
public abstract class CounsellingAbsenceStorageTests(DatabaseTarget target)
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    [SkippableFact]
    public async Task The_deputy_reads_and_answers_the_absent_counsellors_conversations_on_the_absences_days_only()
    {
        var scenario = await CreateAsync(target, _clock);
        await scenario.Team.SetAsync(scenario.Anna.AccountId, CentreA, TeamRole.Counsellor);
        await scenario.Team.SetAsync(scenario.Arne.AccountId, CentreA, TeamRole.Counsellor);
        (await scenario.Absences.SetDisplayNameAsync(scenario.Arne, CentreA, "  Herr A. ")).ShouldBeNull();
        var (_, id) = await scenario.EnquiryAsync();
        (await scenario.Desk.TakeAsync(scenario.Anna, id)).Result.ShouldBe(StepResult.Done);

        (await scenario.Absences.SetAsync(scenario.Anna, CentreA, new DateOnly(2026, 3, 3), new DateOnly(2026, 3, 5), scenario.Arne.AccountId)).ShouldBeEmpty();
        (await scenario.Desk.OpenAsync(scenario.Arne, id)).ShouldBeNull("the absence starts tomorrow");
        (await scenario.Absences.NoticeAsync((await scenario.Desk.OpenAsync(scenario.Anna, id))!)).Absence.ShouldBeNull();

        _clock.Advance(TimeSpan.FromDays(1));
        (await scenario.Desk.DeskAsync(scenario.Arne, CentreA))!.Deputising.Select(c => c.Id).ShouldBe([id]);
        (await scenario.Desk.OpenAsync(scenario.Arne, id)).ShouldNotBeNull();
        (await scenario.Desk.ReplyAsync(scenario.Arne, id, "Ich vertrete meine Kollegin.")).Result.ShouldBe(StepResult.Done);
        var notice = await scenario.Absences.NoticeAsync((await scenario.Desk.OpenAsync(scenario.Anna, id))!);
        notice.Absence.ShouldBe(new AbsenceNote(new DateOnly(2026, 3, 3), new DateOnly(2026, 3, 5), "Herr A."));
        (await scenario.Desk.DeskAsync(scenario.Bernd, CentreB))!.Deputising.ShouldBeEmpty();

        _clock.Advance(TimeSpan.FromDays(3));
        (await scenario.Desk.OpenAsync(scenario.Arne, id)).ShouldBeNull("the absence ended yesterday");
        (await scenario.Desk.DeskAsync(scenario.Arne, CentreA))!.Deputising.ShouldBeEmpty();
        var audit = await scenario.AuditAsync();
        audit.ShouldContain(("centre-account:anna", "counselling.absence.set", $"centre {CentreA}; 2026-03-03 to 2026-03-05; deputy {scenario.Arne.AccountId}"));
        audit.Count(a => a.Actor == "centre-account:arne" && a.Action == "counselling.open.refused").ShouldBe(2);
    }

    [SkippableFact]
    public async Task Bad_absences_are_refused_with_their_reasons_and_store_nothing()
    {
        var scenario = await CreateAsync(target, _clock);
        await scenario.Team.SetAsync(scenario.Arne.AccountId, CentreA, TeamRole.Counsellor);
        await scenario.Team.SetAsync(scenario.Bernd.AccountId, CentreB, TeamRole.Counsellor);
        var today = new DateOnly(2026, 3, 2);

        async Task<string> Refused(DateOnly? from, DateOnly? to, Guid? deputy) =>
            string.Join(", ", (await scenario.Absences.SetAsync(scenario.Anna, CentreA, from, to, deputy)).Select(e => $"{e.Field}:{e.Code}"));

        (await Refused(today, today, scenario.Bernd.AccountId)).ShouldBe("deputy:deputyUnknown");
        (await Refused(today, today, scenario.Anna.AccountId)).ShouldBe("deputy:deputyUnknown");
        (await Refused(today, today, null)).ShouldBe("deputy:deputyUnknown");
        (await Refused(today, today.AddDays(-1), scenario.Arne.AccountId)).ShouldBe("to:toBeforeFrom");
        (await Refused(today.AddDays(-5), today.AddDays(-1), scenario.Arne.AccountId)).ShouldBe("to:toInPast");
        (await Refused(today, today.AddDays(CounsellingAbsences.MaxDays), scenario.Arne.AccountId)).ShouldBe("to:absenceTooLong");
        (await Refused(null, null, scenario.Arne.AccountId)).ShouldBe("from:dateMissing, to:dateMissing");
        (await scenario.Absences.SetAsync(scenario.Bernd, CentreA, today, today, scenario.Arne.AccountId)).Single().Code.ShouldBe("centreUnknown");
        (await scenario.Absences.SetDisplayNameAsync(scenario.Arne, CentreA, new string('x', 41)))!.Code.ShouldBe("displayNameTooLong");
        (await scenario.Absences.SetDisplayNameAsync(scenario.Arne, CentreA, "A\u0007")).ShouldNotBeNull();

        (await scenario.Absences.OfAsync(scenario.Anna.AccountId, CentreA)).ShouldBeNull();
        (await scenario.Absences.MembersAsync(CentreA))[scenario.Arne.AccountId].ShouldBeNull();
        (await scenario.AuditAsync()).ShouldBeEmpty();
    }

    [SkippableFact]
    public async Task Only_a_lead_sets_the_centres_reply_time_within_its_range()
    {
        var scenario = await CreateAsync(target, _clock);

        (await scenario.Absences.SetReplyDaysAsync(scenario.Anna, CentreA, 3))!.Code.ShouldBe("notLead");
        (await scenario.Absences.SetReplyDaysAsync(scenario.Lea, CentreA, 0))!.Code.ShouldBe("replyDaysRange");
        (await scenario.Absences.SetReplyDaysAsync(scenario.Lea, CentreA, CounsellingAbsences.ReplyDaysMax + 1))!.Code.ShouldBe("replyDaysRange");
        (await scenario.Absences.SetReplyDaysAsync(scenario.Lea, CentreA, null))!.Code.ShouldBe("replyDaysRange");
        (await scenario.Absences.ReplyDaysAsync(CentreA)).ShouldBeNull();

        (await scenario.Absences.SetReplyDaysAsync(scenario.Lea, CentreA, 3)).ShouldBeNull();
        (await scenario.Absences.SetReplyDaysAsync(scenario.Lea, CentreA, 4)).ShouldBeNull();
        (await scenario.Absences.ReplyDaysAsync(CentreA)).ShouldBe(4);
        (await scenario.Absences.ReplyDaysAsync(CentreB)).ShouldBeNull();
        (await scenario.AuditAsync()).Select(a => a.Details).ShouldBe([$"centre {CentreA}; 3 working days", $"centre {CentreA}; 4 working days"]);
    }
}

public sealed class CounsellingAbsenceStorageSqliteTests(SqliteTarget target) : CounsellingAbsenceStorageTests(target), IClassFixture<SqliteTarget>;

public sealed class CounsellingAbsenceStoragePostgresTests(PostgresTarget target) : CounsellingAbsenceStorageTests(target), IClassFixture<PostgresTarget>;
