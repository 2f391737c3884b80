using Microsoft.EntityFrameworkCore;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Inbox;

namespace Sozialplattform.Storage.Cases;

/// <summary>
/// Teams of an authority: its leads create, rename and delete them and set their members (colleagues of the same
/// authority); every caseworker of the authority assigns a case to one of them. Changes are audited (<c>team.create</c>,
/// <c>team.rename</c>, <c>team.delete</c>, <c>team.members</c>, <c>case.team</c>); a caseworker who is not a lead, a team or case of another authority, or a
/// member who is no colleague is refused and audited as <c>….refused</c> — false or null then.
/// </summary>
public sealed class Teams(SozialDatabase database, TimeProvider? clock = null)
{
    public const int NameMaxLength = 100;
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    /// <summary>The authority's teams with their members, by name.</summary>
    public async Task<IReadOnlyList<TeamView>> OfAuthorityAsync(CaseworkerAccount caseworker, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var teams = await OwnTeams(context, caseworker).OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken);
        var ids = teams.Select(t => t.Id).ToList();
        var members = await (from member in context.TeamMembers
                             where ids.Contains(member.TeamId)
                             join account in context.CaseworkerAccounts on member.AccountId equals account.Id
                             orderby account.DisplayName
                             select new { member.TeamId, account.Id, account.DisplayName }).ToListAsync(cancellationToken);
        return teams.Select(t => new TeamView(t.Id, t.Name, members.Where(m => m.TeamId == t.Id).Select(m => new Colleague(m.Id, m.DisplayName)).ToList())).ToList();
    }

    /// <summary>The team the case is assigned to (null: none, or the case is not in the caseworker's inbox).</summary>
    public async Task<Guid?> OfCaseAsync(CaseworkerAccount caseworker, Guid submissionId, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await InboxAccess.ItemsOf(context, caseworker).Where(i => i.SubmissionId == submissionId).Select(i => i.TeamId).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>A new team; null when the caseworker is no lead (audited). <see cref="CaseInputException"/>: "teamName" (empty or too long), "teamNameTaken".</summary>
    public async Task<Guid?> CreateAsync(CaseworkerAccount lead, string? name, CancellationToken cancellationToken = default)
    {
        var trimmed = Checked(name);
        await using var context = database.CreateContext();
        if (lead.Role != CaseworkerRole.Lead)
        {
            await AuditAsync(context, lead, "team.create.refused", $"not a lead: {trimmed}", cancellationToken);
            return null;
        }

        using var gate = await database.EnterWriteAsync(cancellationToken);
        if (await OwnTeams(context, lead).AnyAsync(t => t.Name == trimmed, cancellationToken)) throw new CaseInputException("teamNameTaken");
        var team = new Team { Id = Guid.CreateVersion7(), TenantId = lead.TenantId, AuthorityId = lead.AuthorityId, Name = trimmed, CreatedAt = Now };
        context.Teams.Add(team);
        context.AuditLog.Add(InboxAccess.Audit(Now, lead, "team.create", null, trimmed));
        try
        {
            await context.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw new CaseInputException("teamNameTaken");
        }

        return team.Id;
    }

    /// <summary>Sets the team's members as a whole; false (audited) when the caseworker is no lead, the team is not of their authority, or a member is no colleague.</summary>
    public async Task<bool> SetMembersAsync(CaseworkerAccount lead, Guid teamId, IReadOnlyCollection<Guid> memberIds, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var colleagues = await context.CaseworkerAccounts.CountAsync(c => memberIds.Contains(c.Id) && c.TenantId == lead.TenantId && c.AuthorityId == lead.AuthorityId && c.Role != CaseworkerRole.Operator, cancellationToken);
        if (lead.Role != CaseworkerRole.Lead || !await OwnTeams(context, lead).AnyAsync(t => t.Id == teamId, cancellationToken) || colleagues != memberIds.Distinct().Count())
        {
            await AuditAsync(context, lead, "team.members.refused", $"team {teamId}", cancellationToken);
            return false;
        }

        using var gate = await database.EnterWriteAsync(cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        await context.TeamMembers.Where(m => m.TeamId == teamId).ExecuteDeleteAsync(cancellationToken);
        context.TeamMembers.AddRange(memberIds.Distinct().Select(id => new TeamMember { TeamId = teamId, AccountId = id }));
        context.AuditLog.Add(InboxAccess.Audit(Now, lead, "team.members", null, $"team {teamId}: {memberIds.Distinct().Count()} members"));
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Renames a team of the lead's authority; false (audited as <c>team.rename.refused</c>) when the caseworker is no lead
    /// or the team is another authority's. <see cref="CaseInputException"/>: "teamName", "teamNameTaken".
    /// </summary>
    public async Task<bool> RenameAsync(CaseworkerAccount lead, Guid teamId, string? name, CancellationToken cancellationToken = default)
    {
        var trimmed = Checked(name);
        await using var context = database.CreateContext();
        var old = await OwnTeams(context, lead).Where(t => t.Id == teamId).Select(t => t.Name).SingleOrDefaultAsync(cancellationToken);
        if (lead.Role != CaseworkerRole.Lead || old is null)
        {
            await AuditAsync(context, lead, "team.rename.refused", $"team {teamId}", cancellationToken);
            return false;
        }

        using var gate = await database.EnterWriteAsync(cancellationToken);
        if (await OwnTeams(context, lead).AnyAsync(t => t.Name == trimmed && t.Id != teamId, cancellationToken)) throw new CaseInputException("teamNameTaken");
        try
        {
            await context.Teams.Where(t => t.Id == teamId).ExecuteUpdateAsync(u => u.SetProperty(t => t.Name, trimmed), cancellationToken);
        }
        catch (System.Data.Common.DbException)
        {
            // the unique name of the authority's teams, taken by a parallel rename or creation (ExecuteUpdate reports the provider's error)
            throw new CaseInputException("teamNameTaken");
        }

        context.AuditLog.Add(InboxAccess.Audit(Now, lead, "team.rename", null, $"team {teamId}: {old} → {trimmed}"));
        await context.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Deletes a team of the lead's authority: its cases keep their assignee and belong to no team, its members to one
    /// team fewer. False (audited as <c>team.delete.refused</c>) when the caseworker is no lead or the team is another
    /// authority's (or gone).
    /// </summary>
    public async Task<bool> DeleteAsync(CaseworkerAccount lead, Guid teamId, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var name = await OwnTeams(context, lead).Where(t => t.Id == teamId).Select(t => t.Name).SingleOrDefaultAsync(cancellationToken);
        if (lead.Role != CaseworkerRole.Lead || name is null)
        {
            await AuditAsync(context, lead, "team.delete.refused", $"team {teamId}", cancellationToken);
            return false;
        }

        using var gate = await database.EnterWriteAsync(cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var released = await context.InboxItems.Where(i => i.TeamId == teamId).ExecuteUpdateAsync(u => u.SetProperty(i => i.TeamId, (Guid?)null), cancellationToken);
        await context.TeamMembers.Where(m => m.TeamId == teamId).ExecuteDeleteAsync(cancellationToken);
        if (await context.Teams.Where(t => t.Id == teamId).ExecuteDeleteAsync(cancellationToken) == 0) return false; // deleted at the same moment by another lead
        context.AuditLog.Add(InboxAccess.Audit(Now, lead, "team.delete", null, $"team {teamId}: {name}, {released} cases without a team now"));
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Assigns the case to a team of the authority (null: no team); false (audited as <c>case.team.refused</c>) for a case or team of another authority.</summary>
    public async Task<bool> AssignAsync(CaseworkerAccount caseworker, Guid submissionId, Guid? teamId, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var name = teamId is { } id ? await OwnTeams(context, caseworker).Where(t => t.Id == id).Select(t => t.Name).SingleOrDefaultAsync(cancellationToken) : null;
        if (await InboxAccess.VisibleSubmissionAsync(context, caseworker, submissionId, cancellationToken) is null || (teamId is not null && name is null))
        {
            await InboxAccess.RefusedAsync(database, context, caseworker, "case.team", submissionId, cancellationToken);
            return false;
        }

        using var gate = await database.EnterWriteAsync(cancellationToken);
        await InboxAccess.ItemsOf(context, caseworker).Where(i => i.SubmissionId == submissionId).ExecuteUpdateAsync(u => u.SetProperty(i => i.TeamId, teamId), cancellationToken);
        context.AuditLog.Add(InboxAccess.Audit(Now, caseworker, "case.team", submissionId, name ?? "none"));
        await context.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static string Checked(string? name)
    {
        var trimmed = name?.Trim() ?? "";
        return trimmed.Length is 0 or > NameMaxLength || trimmed.Any(char.IsControl) ? throw new CaseInputException("teamName") : trimmed;
    }

    private static IQueryable<Team> OwnTeams(SozialDbContext context, CaseworkerAccount caseworker) =>
        context.Teams.AsNoTracking().Where(t => t.TenantId == caseworker.TenantId && t.AuthorityId == caseworker.AuthorityId);

    private async Task AuditAsync(SozialDbContext context, CaseworkerAccount caseworker, string action, string details, CancellationToken cancellationToken)
    {
        using var gate = await database.EnterWriteAsync(cancellationToken);
        context.AuditLog.Add(InboxAccess.Audit(Now, caseworker, action, null, details));
        await context.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>A team of the authority with its members.</summary>
public sealed record TeamView(Guid Id, string Name, IReadOnlyList<Colleague> Members);
