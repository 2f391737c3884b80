using Microsoft.EntityFrameworkCore;
using Sozialplattform.Storage.Crypto;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;

namespace Sozialplattform.Storage.Inbox;

/// <summary>Local caseworker logins (phase 1: created by operators; the inbox pages add the login form).</summary>
public sealed class CaseworkerAccounts(SozialDatabase database, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public async Task<CaseworkerAccount> CreateAsync(string login, string displayName, string password, string tenantId, string authorityId, CaseworkerRole role = CaseworkerRole.Caseworker, CancellationToken cancellationToken = default)
    {
        if (password.Length < 12) throw new ArgumentException($"The password for '{login}' is too short: at least 12 characters.", nameof(password));
        await using var context = database.CreateContext();
        if (!await context.Authorities.AnyAsync(a => a.TenantId == tenantId && a.Id == authorityId, cancellationToken))
            throw new ArgumentException($"Authority '{authorityId}' does not exist in tenant '{tenantId}'.", nameof(authorityId));
        var account = new CaseworkerAccount
        {
            Id = Guid.CreateVersion7(), Login = login, DisplayName = displayName, PasswordHash = PasswordHashing.Hash(password),
            TenantId = tenantId, AuthorityId = authorityId, Role = role, CreatedAt = _clock.GetUtcNow().UtcDateTime,
        };
        context.CaseworkerAccounts.Add(account);
        await context.SaveChangesAsync(cancellationToken);
        return account;
    }

    /// <summary>The account if login and password match, else null (same answer for unknown login and wrong password).</summary>
    public async Task<CaseworkerAccount?> VerifyAsync(string login, string password, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var account = await context.CaseworkerAccounts.AsNoTracking().SingleOrDefaultAsync(c => c.Login == login, cancellationToken);
        return account is not null && PasswordHashing.Verify(password, account.PasswordHash) ? account : null;
    }
}
