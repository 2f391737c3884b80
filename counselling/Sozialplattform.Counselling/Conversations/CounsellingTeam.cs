using Microsoft.EntityFrameworkCore;
using Sozialplattform.Counselling.Storage;

namespace Sozialplattform.Counselling.Conversations;

/// <summary>
/// Who counsels for which centre: a role per centre account and centre (<see cref="TeamMemberRow"/>), kept in the
/// counselling's own table so the centres' accounts stay as they are. Whether the account still keeps the centre at all
/// is the centres' question, asked by the web before a role counts.
/// </summary>
public sealed class CounsellingTeam(CounsellingDatabase database)
{
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

    /// <summary>The associated data of a member's address: the pair, so an address copied to another row does not decrypt.</summary>
    private static Guid Owner(Guid accountId, Guid centreId)
    {
        var (a, b) = (accountId.ToByteArray(), centreId.ToByteArray());
        for (var i = 0; i < a.Length; i++) a[i] ^= b[i];
        return new Guid(a);
    }
}
