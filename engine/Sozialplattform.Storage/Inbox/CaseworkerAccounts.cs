using Microsoft.EntityFrameworkCore;
using Sozialplattform.Storage.Crypto;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;

namespace Sozialplattform.Storage.Inbox;

/// <summary>
/// Local inbox logins: one role at one authority (operators: at the whole tenant, see <see cref="CaseworkerRole.Operator"/>), passwords as PBKDF2 hashes, a lockout after repeated wrong
/// passwords, and every login, refusal, lockout and logout in the audit log.
/// </summary>
public sealed class CaseworkerAccounts(SozialDatabase database, TimeProvider? clock = null, LoginLockout? lockout = null)
{
    public const int MinimumPasswordLength = 12;

    // Verified against when the login is unknown, so that both refusals take the same time.
    private static readonly string Decoy = PasswordHashing.Hash("decoy password, never valid");

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly LoginLockout _lockout = lockout ?? new LoginLockout();

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    public async Task<CaseworkerAccount> CreateAsync(string login, string displayName, string password, string tenantId, string authorityId, CaseworkerRole role = CaseworkerRole.Caseworker, CancellationToken cancellationToken = default)
    {
        if (password.Length < MinimumPasswordLength) throw new ArgumentException($"The password for '{login}' is too short: at least {MinimumPasswordLength} characters.", nameof(password));
        if (string.IsNullOrWhiteSpace(login) || login.Length > 100 || login.Any(char.IsWhiteSpace)) throw new ArgumentException($"'{login}' is not a login: 1 to 100 characters without spaces.", nameof(login));
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
            Id = Guid.CreateVersion7(), Login = login, DisplayName = displayName, PasswordHash = PasswordHashing.Hash(password),
            TenantId = tenantId, AuthorityId = authorityId, Role = role, CreatedAt = Now,
        };
        context.CaseworkerAccounts.Add(account);
        context.AuditLog.Add(new AuditLogEntry { At = Now, Actor = "operator", Action = "account.created", Details = $"{login} at {Place(tenantId, authorityId)} as {role}" });
        await context.SaveChangesAsync(cancellationToken);
        return account;
    }

    /// <summary>Where an account works: <c>tenant/authority</c>, or the tenant alone for an operator.</summary>
    public static string Place(string tenantId, string authorityId) => authorityId == CaseworkerAccount.NoAuthority ? tenantId : $"{tenantId}/{authorityId}";

    /// <summary>The account if login and password match, else null (same answer for unknown login and wrong password). Counts nothing.</summary>
    public async Task<CaseworkerAccount?> VerifyAsync(string login, string password, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var account = await context.CaseworkerAccounts.AsNoTracking().SingleOrDefaultAsync(c => c.Login == login, cancellationToken);
        return account is not null && PasswordHashing.Verify(password, account.PasswordHash) ? account : null;
    }

    /// <summary>A login attempt: counts wrong passwords, locks the account at the limit, and writes the audit log.</summary>
    public async Task<SignInOutcome> SignInAsync(string login, string password, CancellationToken cancellationToken = default)
    {
        var actor = login.Length > 100 ? login[..100] : login;
        await using var context = database.CreateContext();
        var account = await context.CaseworkerAccounts.SingleOrDefaultAsync(c => c.Login == login, cancellationToken);
        var matches = PasswordHashing.Verify(password, account?.PasswordHash ?? Decoy);
        var now = Now;
        if (account is null)
            return await RecordAsync(context, new SignInOutcome(SignInResult.Refused), actor, "login.failed", "unknown login", cancellationToken);
        if (account.LockedUntil > now)
            return await RecordAsync(context, new SignInOutcome(SignInResult.LockedOut, LockedUntil: account.LockedUntil), actor, "login.refused", $"locked until {account.LockedUntil:O}", cancellationToken);
        if (matches)
        {
            account.FailedLogins = 0;
            account.LockedUntil = null;
            return await RecordAsync(context, new SignInOutcome(SignInResult.SignedIn, account), actor, "login.succeeded", null, cancellationToken);
        }

        account.FailedLogins++;
        if (account.FailedLogins < _lockout.MaxFailures)
            return await RecordAsync(context, new SignInOutcome(SignInResult.Refused), actor, "login.failed", $"wrong password ({account.FailedLogins} of {_lockout.MaxFailures})", cancellationToken);
        account.FailedLogins = 0;
        account.LockedUntil = now + _lockout.Duration;
        return await RecordAsync(context, new SignInOutcome(SignInResult.LockedOut, LockedUntil: account.LockedUntil), actor, "login.locked", $"{_lockout.MaxFailures} wrong passwords; locked until {account.LockedUntil:O}", cancellationToken);
    }

    public async Task SignOutAsync(CaseworkerAccount account, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        context.AuditLog.Add(new AuditLogEntry { At = Now, Actor = account.Login, Action = "logout" });
        await context.SaveChangesAsync(cancellationToken);
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

    /// <summary>Lifts a lockout (operators); false for an unknown login.</summary>
    public async Task<bool> UnlockAsync(string login, string actor, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var account = await context.CaseworkerAccounts.SingleOrDefaultAsync(c => c.Login == login, cancellationToken);
        if (account is null) return false;
        account.FailedLogins = 0;
        account.LockedUntil = null;
        context.AuditLog.Add(new AuditLogEntry { At = Now, Actor = actor, Action = "account.unlocked", Details = login });
        await context.SaveChangesAsync(cancellationToken);
        return true;
    }

    private async Task<SignInOutcome> RecordAsync(SozialDbContext context, SignInOutcome outcome, string actor, string action, string? details, CancellationToken cancellationToken)
    {
        context.AuditLog.Add(new AuditLogEntry { At = Now, Actor = actor, Action = action, Details = details });
        await context.SaveChangesAsync(cancellationToken);
        return outcome;
    }
}
