using Microsoft.EntityFrameworkCore;
using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Delivery.Tests.Outbox;
using Sozialplattform.Storage.Cases;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Inbox;

namespace Sozialplattform.Delivery.Tests.Storage;

/// <summary>Teams of an authority on SQLite and PostgreSQL: kept by its leads, cases assigned to them, "mein Team"; the wrong person refused and audited.</summary>
public abstract class TeamStorageTests(DatabaseTarget target)
{
    [SkippableFact]
    public async Task A_lead_keeps_the_teams_a_case_goes_to_a_team_and_its_members_find_it_under_mein_Team()
    {
        var harness = await OutboxHarness.StartAsync(target);
        var accepted = await harness.ReceiveAsync("t1");
        await harness.ReceiveAsync("t2");
        var accounts = new CaseworkerAccounts(harness.Database);
        var lead = await accounts.CreateAsync("t-lead", "Lea", "correct horse battery", Samples.Tenant, OutboxHarness.InboxAuthority, CaseworkerRole.Lead);
        var alice = await accounts.CreateAsync("t-alice", "Alice", "correct horse battery", Samples.Tenant, OutboxHarness.InboxAuthority);
        var carl = await accounts.CreateAsync("t-carl", "Carl", "correct horse battery", Samples.Tenant, OutboxHarness.InboxAuthority);
        var otherLead = await accounts.CreateAsync("t-bob", "Bob", "correct horse battery", Samples.Tenant, OutboxHarness.OtherInboxAuthority, CaseworkerRole.Lead);
        var teams = new Teams(harness.Database, harness.Clock);
        var inbox = new CaseworkerInbox(harness.Database, harness.Clock);

        var team = (await teams.CreateAsync(lead, "  Leistung U25 "))!.Value;
        (await teams.SetMembersAsync(lead, team, [alice.Id, lead.Id])).ShouldBeTrue();
        (await teams.AssignAsync(carl, accepted.Submission.Id, team)).ShouldBeTrue("every caseworker of the authority assigns to a team");

        (await teams.OfAuthorityAsync(carl)).ShouldHaveSingleItem().Members.Select(m => m.DisplayName).ShouldBe(["Alice", "Lea"]);
        var mine = await inbox.ListAsync(alice, new InboxFilter(TeamMemberId: alice.Id));
        mine.Items.ShouldHaveSingleItem().Team.ShouldBe("Leistung U25");
        (await inbox.ListAsync(carl, new InboxFilter(TeamMemberId: carl.Id))).Total.ShouldBe(0, "carl is not in the team");

        (await teams.CreateAsync(alice, "Eigenes Team")).ShouldBeNull("only leads keep teams");
        (await teams.SetMembersAsync(alice, team, [alice.Id, carl.Id])).ShouldBeFalse();
        (await teams.SetMembersAsync(otherLead, team, [otherLead.Id])).ShouldBeFalse("a team of another authority");
        (await teams.SetMembersAsync(lead, team, [otherLead.Id])).ShouldBeFalse("a member of another authority");
        (await teams.AssignAsync(otherLead, accepted.Submission.Id, null)).ShouldBeFalse();
        var otherTeam = (await teams.CreateAsync(otherLead, "Leistung U25"))!.Value;
        (await teams.AssignAsync(lead, accepted.Submission.Id, otherTeam)).ShouldBeFalse("a team of another authority");
        (await Should.ThrowAsync<CaseInputException>(() => teams.CreateAsync(lead, "Leistung U25"))).Code.ShouldBe("teamNameTaken");
        (await Should.ThrowAsync<CaseInputException>(() => teams.CreateAsync(lead, " "))).Code.ShouldBe("teamName");

        (await teams.OfAuthorityAsync(lead)).ShouldHaveSingleItem().Members.Count.ShouldBe(2, "the refused changes changed nothing");
        await using var context = harness.Database.CreateContext();
        (await context.AuditLog.Where(a => a.Action.EndsWith(".refused")).Select(a => a.Action).ToListAsync())
            .Order().ShouldBe(["case.team.refused", "case.team.refused", "team.create.refused", "team.members.refused", "team.members.refused", "team.members.refused"]);
    }

    [SkippableFact]
    public async Task A_lead_renames_and_deletes_a_team_its_cases_keep_their_assignee_and_the_wrong_person_changes_nothing()
    {
        var harness = await OutboxHarness.StartAsync(target);
        var accepted = await harness.ReceiveAsync("r1");
        var accounts = new CaseworkerAccounts(harness.Database);
        var lead = await accounts.CreateAsync("rd-lead", "Lea", "correct horse battery", Samples.Tenant, OutboxHarness.InboxAuthority, CaseworkerRole.Lead);
        var alice = await accounts.CreateAsync("rd-alice", "Alice", "correct horse battery", Samples.Tenant, OutboxHarness.InboxAuthority);
        var otherLead = await accounts.CreateAsync("rd-bob", "Bob", "correct horse battery", Samples.Tenant, OutboxHarness.OtherInboxAuthority, CaseworkerRole.Lead);
        var teams = new Teams(harness.Database, harness.Clock);
        var work = new CaseWork(harness.Database, harness.Clock);
        var team = (await teams.CreateAsync(lead, "Eingang"))!.Value;
        var other = (await teams.CreateAsync(lead, "Widerspruch"))!.Value;
        await teams.SetMembersAsync(lead, team, [alice.Id]);
        await teams.AssignAsync(alice, accepted.Submission.Id, team);
        (await work.AssignAsync(alice, accepted.Submission.Id, alice.Id)).ShouldBeTrue();

        (await teams.RenameAsync(alice, team, "Schatten")).ShouldBeFalse("only leads");
        (await teams.RenameAsync(otherLead, team, "Schatten")).ShouldBeFalse("another authority's team");
        (await teams.DeleteAsync(alice, team)).ShouldBeFalse();
        (await teams.DeleteAsync(otherLead, team)).ShouldBeFalse();
        (await Should.ThrowAsync<CaseInputException>(() => teams.RenameAsync(lead, team, "Widerspruch"))).Code.ShouldBe("teamNameTaken");
        (await Should.ThrowAsync<CaseInputException>(() => teams.RenameAsync(lead, team, "a\u0007b"))).Code.ShouldBe("teamName");
        (await teams.OfAuthorityAsync(lead)).Select(t => t.Name).ShouldBe(["Eingang", "Widerspruch"], "refusals change nothing");

        (await teams.RenameAsync(lead, team, "  Eingang und Post ")).ShouldBeTrue();
        (await teams.OfAuthorityAsync(lead)).Select(t => t.Name).ShouldBe(["Eingang und Post", "Widerspruch"]);
        (await teams.DeleteAsync(lead, team)).ShouldBeTrue();

        (await teams.OfAuthorityAsync(lead)).Select(t => t.Name).ShouldBe(["Widerspruch"]);
        (await teams.OfCaseAsync(alice, accepted.Submission.Id)).ShouldBeNull();
        var listed = (await new CaseworkerInbox(harness.Database, harness.Clock).ListAsync(alice, new InboxFilter())).Items.Single(i => i.SubmissionId == accepted.Submission.Id);
        listed.Assignee.ShouldBe("Alice", "the case keeps its caseworker");
        listed.Team.ShouldBeNull();
        (await teams.DeleteAsync(lead, team)).ShouldBeFalse("gone already");
        (await teams.RenameAsync(lead, other, "Widerspruch")).ShouldBeTrue("its own name again is no conflict");
        await using var context = harness.Database.CreateContext();
        (await context.TeamMembers.CountAsync(m => m.TeamId == team)).ShouldBe(0);
        (await context.AuditLog.Where(a => a.Action.StartsWith("team.rename") || a.Action.StartsWith("team.delete")).Select(a => a.Action).ToListAsync()).Order()
            .ShouldBe(["team.delete", "team.delete.refused", "team.delete.refused", "team.delete.refused", "team.rename", "team.rename", "team.rename.refused", "team.rename.refused"]);
    }

    [SkippableFact]
    public async Task Ten_parallel_renames_of_ten_teams_to_one_name_give_it_to_one()
    {
        var harness = await OutboxHarness.StartAsync(target);
        var lead = await new CaseworkerAccounts(harness.Database).CreateAsync("pr-lead", "Lea", "correct horse battery", Samples.Tenant, OutboxHarness.InboxAuthority, CaseworkerRole.Lead);
        var teams = new Teams(harness.Database, harness.Clock);
        var ids = new List<Guid>();
        for (var i = 0; i < 10; i++) ids.Add((await teams.CreateAsync(lead, $"Team {i}"))!.Value);

        var outcomes = await Task.WhenAll(ids.Select(id => Task.Run(async () =>
        {
            try
            {
                return await teams.RenameAsync(lead, id, "Eingang") ? "renamed" : "refused";
            }
            catch (CaseInputException taken)
            {
                return taken.Code;
            }
        })));

        outcomes.Count(o => o == "renamed").ShouldBe(1);
        outcomes.Count(o => o == "teamNameTaken").ShouldBe(9);
        (await teams.OfAuthorityAsync(lead)).Count(t => t.Name == "Eingang").ShouldBe(1);
    }

    [SkippableFact]
    public async Task Ten_parallel_creations_of_one_team_name_store_it_once()
    {
        var harness = await OutboxHarness.StartAsync(target);
        var lead = await new CaseworkerAccounts(harness.Database).CreateAsync("p-lead", "Lea", "correct horse battery", Samples.Tenant, OutboxHarness.InboxAuthority, CaseworkerRole.Lead);
        var teams = new Teams(harness.Database, harness.Clock);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(async () =>
        {
            try
            {
                return (await teams.CreateAsync(lead, "Eingang")).HasValue ? "created" : "refused";
            }
            catch (CaseInputException taken)
            {
                return taken.Code;
            }
        })));

        outcomes.Count(o => o == "created").ShouldBe(1);
        outcomes.Count(o => o == "teamNameTaken").ShouldBe(9);
    }
}

public sealed class TeamSqliteTests(SqliteTarget target) : TeamStorageTests(target), IClassFixture<SqliteTarget>;

public sealed class TeamPostgresTests(PostgresTarget target) : TeamStorageTests(target), IClassFixture<PostgresTarget>;
