using Sozialplattform.Counselling.Storage;
using Sozialplattform.Counselling.Tests.Infrastructure;
using Sozialplattform.Delivery.Tests.Infrastructure;
using static Sozialplattform.Counselling.Tests.Infrastructure.CounsellingScenario;

namespace Sozialplattform.Counselling.Tests.Storage;

/// <summary>The team's roles as stored: granted, changed, withdrawn, each change audited once, a repeated one not at all; the notice address stays.</summary>
public abstract class CounsellingTeamStorageTests(DatabaseTarget target)
{
    [SkippableFact]
    public async Task A_role_is_granted_changed_and_withdrawn_each_change_audited_once_and_the_notice_address_kept()
    {
        var scenario = await CreateAsync(target);
        var account = Guid.NewGuid();
        await scenario.Team.SetAsync(account, CentreB, TeamRole.Counsellor, "notiz@example.org");

        (await scenario.Team.GrantAsync("admin", account, "anna", CentreA, TeamRole.Counsellor)).ShouldBeTrue();
        (await scenario.Team.GrantAsync("admin", account, "anna", CentreA, TeamRole.Counsellor)).ShouldBeFalse();
        (await scenario.Team.GrantAsync(null, account, "anna", CentreB, TeamRole.Lead)).ShouldBeTrue();
        (await scenario.Team.RolesAsync(account)).OrderBy(r => r.Key).ShouldBe([new(CentreA, TeamRole.Counsellor), new(CentreB, TeamRole.Lead)]);
        (await scenario.Team.NoticeAddressesAsync(CentreB)).ShouldBe(["notiz@example.org"]);
        (await scenario.Team.MembersAsync(CentreA)).ShouldBe(new Dictionary<Guid, TeamRole> { [account] = TeamRole.Counsellor });

        (await scenario.Team.GrantAsync("admin", account, "anna", CentreA, null)).ShouldBeTrue();
        (await scenario.Team.GrantAsync("admin", account, "anna", CentreA, null)).ShouldBeFalse();
        (await scenario.Team.MembersAsync(CentreA)).ShouldBeEmpty();

        (await scenario.AuditAsync()).ShouldBe([
            ("centre-account:admin", "counselling.team.granted", $"account anna; centre {CentreA}; role counsellor"),
            ("operator", "counselling.team.granted", $"account anna; centre {CentreB}; role lead"),
            ("centre-account:admin", "counselling.team.withdrawn", $"account anna; centre {CentreA}; role counsellor"),
        ]);
    }
}

public sealed class CounsellingTeamStorageSqliteTests(SqliteTarget target) : CounsellingTeamStorageTests(target), IClassFixture<SqliteTarget>;

public sealed class CounsellingTeamStoragePostgresTests(PostgresTarget target) : CounsellingTeamStorageTests(target), IClassFixture<PostgresTarget>;
