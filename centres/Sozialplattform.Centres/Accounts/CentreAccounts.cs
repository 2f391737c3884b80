using Microsoft.EntityFrameworkCore;
using Sozialplattform.Centres.Storage;
using Sozialplattform.Storage.Crypto;

namespace Sozialplattform.Centres.Accounts;

public enum AccountProblem
{
    None,
    LoginTaken,
    PasswordTooShort,
    NoScope,
    CentreUnknown,
}

/// <summary>Creates, finds and checks centre staff and editorial accounts (created by the editorial team: <c>sozial centre-account add</c>).</summary>
public sealed class CentreAccounts(CentresDatabase database, TimeProvider? clock = null)
{
    public const int MinimumPasswordLength = 12;
    private readonly PasswordHasher _hasher = new();

    /// <param name="centreExternalIds">The centres a staff account keeps; or none with <paramref name="carrierKey"/> for a carrier's admin; none for an editor.</param>
    public async Task<(CentreAccountRow? Account, AccountProblem Problem)> CreateAsync(string tenant, string login, string displayName, string password,
        string? carrierKey, IReadOnlyList<string> centreExternalIds, CancellationToken cancellationToken = default, CentreRole role = CentreRole.Staff)
    {
        if (password.Length < MinimumPasswordLength) return (null, AccountProblem.PasswordTooShort);
        if (role == CentreRole.Staff && carrierKey is null && centreExternalIds.Count == 0) return (null, AccountProblem.NoScope);
        await using var context = database.CreateContext();
        if (await context.Accounts.AnyAsync(a => a.Tenant == tenant && a.Login == login, cancellationToken)) return (null, AccountProblem.LoginTaken);
        var centres = await context.Centres.Where(c => c.Tenant == tenant && c.ExternalId != null && centreExternalIds.Contains(c.ExternalId)).Select(c => c.Id).ToListAsync(cancellationToken);
        if (centres.Count != centreExternalIds.Distinct().Count()) return (null, AccountProblem.CentreUnknown);
        var account = new CentreAccountRow
        {
            Id = Guid.NewGuid(), Tenant = tenant, Login = login, DisplayName = displayName, PasswordHash = _hasher.Hash(password), Role = role,
            CarrierKey = role == CentreRole.Editor ? null : carrierKey, CentreIds = role == CentreRole.Editor ? "" : string.Join(' ', centres),
            SecurityStamp = NewStamp(), CreatedAt = (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime,
        };
        context.Accounts.Add(account);
        await context.SaveChangesAsync(cancellationToken);
        return (account, AccountProblem.None);
    }

    /// <summary>The account when login and password match (for the shared LoginProtection's check), else null.</summary>
    public async Task<CentreAccountRow?> CheckAsync(string tenant, string login, string password, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var account = await context.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Tenant == tenant && a.Login == login, cancellationToken);
        return _hasher.Matches(password, account?.PasswordHash) && account is not null ? account : null;
    }

    public async Task<CentreAccountRow?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
    }

    /// <summary>The staff accounts that keep the centre (<see cref="CentreSelfService.MayKeep"/>), carrier admins included, by login.</summary>
    public async Task<IReadOnlyList<CentreAccountRow>> KeepersAsync(CentreRow centre, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var accounts = await context.Accounts.AsNoTracking().Where(a => a.Tenant == centre.Tenant && a.Role == CentreRole.Staff).ToListAsync(cancellationToken);
        return [.. accounts.Where(a => CentreSelfService.MayKeep(a, centre)).OrderBy(a => a.Login, StringComparer.Ordinal)];
    }

    /// <summary>Ends every session of the account (its sessions carry the old stamp).</summary>
    public async Task RenewStampAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        await context.Accounts.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.SecurityStamp, NewStamp()), cancellationToken);
    }

    private static string NewStamp() => Guid.NewGuid().ToString("N");
}
