using Microsoft.EntityFrameworkCore;
using Sozialplattform.Storage.Crypto;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Logins;

namespace Sozialplattform.Storage.Inbox;

/// <summary>
/// Local inbox logins: one role at one authority (operators: at the whole tenant, see <see cref="CaseworkerRole.Operator"/>), passwords as PBKDF2 hashes,
/// login attempts through the platform's <see cref="LoginProtection"/> (throttling and audit), and a security stamp
/// per account that ends its sessions on logout and unlock.
/// </summary>
public sealed class CaseworkerAccounts(SozialDatabase database, TimeProvider? clock = null, LoginProtection? logins = null, PasswordHasher? passwords = null)
{
    public const int MinimumPasswordLength = 12;

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly LoginProtection _logins = logins ?? new LoginProtection(database, clock);
    private readonly PasswordHasher _passwords = passwords ?? new PasswordHasher();

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    public async Task<CaseworkerAccount> CreateAsync(string login, string displayName, string password, string tenantId, string authorityId, CaseworkerRole role = CaseworkerRole.Caseworker, CancellationToken cancellationToken = default)
    {
        if (password.Length < MinimumPasswordLength) throw new ArgumentException($"The password for '{login}' is too short: at least {MinimumPasswordLength} characters.", nameof(password));
        if (string.IsNullOrWhiteSpace(login) || login.Length > 100 || login.Any(char.IsWhiteSpace)) throw new ArgumentException($"'{login}' is not a login: 1 to 100 characters without spaces.", nameof(login));
        if (SingleSignOnLogins.IsSingleSignOn(login)) throw new ArgumentException($"'{login}' starts with '{SingleSignOnLogins.Prefix}', which is kept for single sign-on accounts.", nameof(login));
        await using var context = database.CreateContext();
        if (role == CaseworkerRole.Operator)
        {
            if (authorityId != CaseworkerAccount.NoAuthority)
                throw new ArgumentException($"An operator is bound to no authority (not '{authorityId}'): operators see the deliveries of the whole tenant.", nameof(authorityId));
            if (!await context.Authorities.AnyAsync(a => a.TenantId == tenantId, cancellationToken))
                throw new ArgumentException($"Tenant '{tenantId}' does not exist (it has no authorities).", nameof(tenantId));
        }
        else if (!await context.Authorities.AnyAsync(a => a.TenantId == tenantId && a.Id == authorityId, cancellationToken))
            throw new ArgumentException($"Authority '{authorityId}' does not exist in tenant '{tenantId}'.", nameof(authorityId));
        if (await context.CaseworkerAccounts.AnyAsync(c => c.Login == login, cancellationToken))
            throw new ArgumentException($"The login '{login}' exists already.", nameof(login));
        var account = new CaseworkerAccount
        {
            Id = Guid.CreateVersion7(), Login = login, DisplayName = displayName, PasswordHash = _passwords.Hash(password), SecurityStamp = SecretHashing.NewSecret(),
            TenantId = tenantId, AuthorityId = authorityId, Role = role, CreatedAt = Now,
        };
        context.CaseworkerAccounts.Add(account);
        context.AuditLog.Add(new AuditLogEntry { At = Now, Actor = "operator", Action = "account.created", Details = $"{login} at {Place(tenantId, authorityId)} as {role}" });
        await context.SaveChangesAsync(cancellationToken);
        return account;
    }

    /// <summary>
    /// A login through the authority's own provider (single sign-on): the account of <paramref name="login"/>
    /// (<see cref="SingleSignOnLogins.For"/>) is made at the first login and takes the role and authority the provider's
    /// claims map to at every login (the provider is where staff are managed); written to the audit log with <paramref name="via"/>.
    /// </summary>
    public async Task<CaseworkerAccount> SignInSingleSignOnAsync(string login, string displayName, string tenantId, string authorityId, CaseworkerRole role, string via,
        CancellationToken cancellationToken = default)
    {
        if (!SingleSignOnLogins.IsSingleSignOn(login)) throw new ArgumentException($"'{login}' is not a single sign-on login.", nameof(login));
        await using var context = database.CreateContext();
        var account = await context.CaseworkerAccounts.SingleOrDefaultAsync(c => c.Login == login, cancellationToken);
        var place = Place(tenantId, authorityId);
        if (account is null)
        {
            account = new CaseworkerAccount
            {
                Id = Guid.CreateVersion7(), Login = login, DisplayName = displayName, PasswordHash = SingleSignOnLogins.NoPassword, SecurityStamp = SecretHashing.NewSecret(),
                TenantId = tenantId, AuthorityId = authorityId, Role = role, CreatedAt = Now,
            };
            context.CaseworkerAccounts.Add(account);
            context.AuditLog.Add(new AuditLogEntry { At = Now, Actor = "single sign-on", Action = "account.created", Details = $"{login} at {place} as {role}" });
        }
        else if (account.TenantId != tenantId || account.AuthorityId != authorityId || account.Role != role)
        {
            context.AuditLog.Add(new AuditLogEntry
            {
                At = Now, Actor = "single sign-on", Action = "account.changed", Details = $"{login} from {Place(account.TenantId, account.AuthorityId)} as {account.Role} to {place} as {role}",
            });
            (account.TenantId, account.AuthorityId, account.Role) = (tenantId, authorityId, role);
        }

        account.DisplayName = displayName.Length > 200 ? displayName[..200] : displayName;
        try
        {
            using var gate = await database.EnterWriteAsync(cancellationToken);
            await context.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (context.Entry(account).State == EntityState.Added)
        {
            // The same person's first login in two tabs at once: the other one made the account; take it.
            return await SignInSingleSignOnAsync(login, displayName, tenantId, authorityId, role, via, cancellationToken);
        }

        await _logins.AuditAsync(LoginArea.Inbox, "sso.login.succeeded", login, $"{via} as {role} at {place}", cancellationToken);
        return account;
    }

    /// <summary>Where an account works: <c>tenant/authority</c>, or the tenant alone for an operator.</summary>
    public static string Place(string tenantId, string authorityId) => authorityId == CaseworkerAccount.NoAuthority ? tenantId : $"{tenantId}/{authorityId}";

    /// <summary>The account if login and password match, else null (same answer and the same work for unknown login and wrong password). Counts nothing.</summary>
    public async Task<CaseworkerAccount?> VerifyAsync(string login, string password, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var account = await context.CaseworkerAccounts.AsNoTracking().SingleOrDefaultAsync(c => c.Login == login, cancellationToken);
        return _passwords.Matches(password, account?.PasswordHash) ? account : null;
    }

    /// <summary>A login attempt from <paramref name="clientAddress"/> (see <see cref="ClientAddress"/>): throttled, checked, counted and audited by <see cref="LoginProtection"/>.</summary>
    public Task<LoginOutcome<CaseworkerAccount>> SignInAsync(string login, string password, string clientAddress = ClientAddress.Unknown, CancellationToken cancellationToken = default) =>
        _logins.SignInAsync(LoginArea.Inbox, login, clientAddress, async token =>
        {
            await using var context = database.CreateContext();
            var account = await context.CaseworkerAccounts.AsNoTracking().SingleOrDefaultAsync(c => c.Login == login, token);
            return new LoginCheck<CaseworkerAccount>(_passwords.Matches(password, account?.PasswordHash) ? account : null, account is not null);
        }, cancellationToken);

    /// <summary>Ends every session of the account (a new security stamp) and writes the logout to the audit log.</summary>
    public async Task SignOutAsync(CaseworkerAccount account, CancellationToken cancellationToken = default)
    {
        await RenewStampAsync(account.Login, cancellationToken);
        await _logins.SignedOutAsync(LoginArea.Inbox, account.Login, cancellationToken);
    }

    /// <summary>The account behind a session (null when it was deleted since).</summary>
    public async Task<CaseworkerAccount?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.CaseworkerAccounts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
    }

    /// <summary>The name of the account's authority as configured (its id when the configuration no longer has it).</summary>
    public async Task<string> AuthorityNameAsync(CaseworkerAccount account, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.Authorities.AsNoTracking().Where(a => a.TenantId == account.TenantId && a.Id == account.AuthorityId)
            .Select(a => a.Name).SingleOrDefaultAsync(cancellationToken) ?? account.AuthorityId;
    }

    public async Task<IReadOnlyList<CaseworkerAccount>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.CaseworkerAccounts.AsNoTracking().OrderBy(c => c.TenantId).ThenBy(c => c.AuthorityId).ThenBy(c => c.Login).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Ends the login's waits after failed attempts at once and its sessions too (operators; for an account that was
    /// attacked, or whose password may be known); false for an unknown login.
    /// </summary>
    public async Task<bool> UnlockAsync(string login, string actor, CancellationToken cancellationToken = default)
    {
        if (!await RenewStampAsync(login, cancellationToken)) return false;
        await _logins.ReleaseAsync(LoginArea.Inbox, login, actor, cancellationToken);
        return true;
    }

    private async Task<bool> RenewStampAsync(string login, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        return await context.CaseworkerAccounts.Where(c => c.Login == login)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.SecurityStamp, SecretHashing.NewSecret()), cancellationToken) == 1;
    }
}
