using Microsoft.EntityFrameworkCore;
using Sozialplattform.Counselling.Storage;

namespace Sozialplattform.Counselling.Conversations;

/// <summary>
/// Who counsels for which centre: a role per centre account and centre (<see cref="TeamMemberRow"/>), kept in the
/// counselling's own table so the centres' accounts stay as they are. Whether the account still keeps the centre at all
/// is the centres' question, asked by the web before a role counts.
/// </summary>
public sealed class CounsellingTeam(CounsellingDatabase database, TimeProvider? clock = null)
{
    private DateTime Now => (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime;

    /// <summary>
    /// A centre's admin (<paramref name="grantedBy"/>: their login; null: an operator at the command line) gives a
    /// staff account a role in the centre's counselling, or withdraws it (<paramref name="role"/> null). Its notice
    /// address stays. Audited as <c>counselling.team.granted|withdrawn</c> with account, centre and role; false when
    /// nothing changed (the same role again, or withdrawing none).
    /// </summary>
    public async Task<bool> GrantAsync(string? grantedBy, Guid accountId, string accountLogin, Guid centreId, TeamRole? role, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var row = await context.Team.FirstOrDefaultAsync(t => t.AccountId == accountId && t.CentreId == centreId, cancellationToken);
        if (row?.Role == role) return false;
        if (role is { } granted)
        {
            if (row is null) context.Team.Add(row = new TeamMemberRow { AccountId = accountId, CentreId = centreId });
            row.Role = granted;
        }
        else context.Team.Remove(row!);

        using (await database.Platform.EnterWriteAsync(cancellationToken)) await context.SaveChangesAsync(cancellationToken);
        await CounsellingAudit.EntryAsync(database, Actor(grantedBy), role is null ? "team.withdrawn" : "team.granted",
            $"account {accountLogin}; centre {centreId}; role {(role ?? row!.Role).ToString().ToLowerInvariant()}", Now, cancellationToken);
        return true;
    }

    /// <summary>A refused attempt at the team's roles (not the centre's admin), in the audit log.</summary>
    public Task AuditRefusedAsync(string login, Guid centreId, string reason, CancellationToken cancellationToken = default) =>
        CounsellingAudit.EntryAsync(database, Actor(login), "team.refused", $"centre {centreId}; {reason}", Now, cancellationToken);

    /// <summary>The roles of a centre's members by account.</summary>
    public async Task<IReadOnlyDictionary<Guid, TeamRole>> MembersAsync(Guid centreId, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.Team.AsNoTracking().Where(t => t.CentreId == centreId).ToDictionaryAsync(t => t.AccountId, t => t.Role, cancellationToken);
    }

    public async Task SetAsync(Guid accountId, Guid centreId, TeamRole role, string? noticeEmail = null, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var row = await context.Team.FirstOrDefaultAsync(t => t.AccountId == accountId && t.CentreId == centreId, cancellationToken);
        if (row is null) context.Team.Add(row = new TeamMemberRow { AccountId = accountId, CentreId = centreId });
        row.Role = role;
        row.NoticeEmailCipher = noticeEmail is null ? null : database.Platform.Protector.ProtectText(noticeEmail, Owner(accountId, centreId));
        using var gate = await database.Platform.EnterWriteAsync(cancellationToken);
        await context.SaveChangesAsync(cancellationToken);
    }

    public async Task RemoveAsync(Guid accountId, Guid centreId, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        using var gate = await database.Platform.EnterWriteAsync(cancellationToken);
        await context.Team.Where(t => t.AccountId == accountId && t.CentreId == centreId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The account's roles by centre.</summary>
    public async Task<IReadOnlyDictionary<Guid, TeamRole>> RolesAsync(Guid accountId, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.Team.AsNoTracking().Where(t => t.AccountId == accountId).ToDictionaryAsync(t => t.CentreId, t => t.Role, cancellationToken);
    }

    /// <summary>The notice addresses of a centre's members (only those who gave one), for <paramref name="only"/> one account or all.</summary>
    public async Task<IReadOnlyList<string>> NoticeAddressesAsync(Guid centreId, Guid? only = null, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var rows = await context.Team.AsNoTracking().Where(t => t.CentreId == centreId && t.NoticeEmailCipher != null && (only == null || t.AccountId == only)).ToListAsync(cancellationToken);
        return [.. rows.Select(t => database.Platform.Protector.UnprotectText(t.NoticeEmailCipher!, Owner(t.AccountId, t.CentreId)))];
    }

    private static string Actor(string? login) => login is null ? CounsellingAudit.Operator : CounsellingAudit.Staff(login);

    /// <summary>The associated data of a member's address: the pair, so an address copied to another row does not decrypt.</summary>
    public static Guid Owner(Guid accountId, Guid centreId)
    {
        var (a, b) = (accountId.ToByteArray(), centreId.ToByteArray());
        for (var i = 0; i < a.Length; i++) a[i] ^= b[i];
        return new Guid(a);
    }
}
