using Sozialplattform.Storage.Logins;
using Sozialplattform.Storage.Notifications;

namespace Sozialplattform.Centres.Accounts;

/// <summary>The content-free notice to an account holder whose second factor was reset, composed by the web layer in its texts.</summary>
public delegate QueuedMail SecondFactorResetNotice(string to);

/// <summary>
/// The editorial team's work on the logins of its tenant: list them, create a staff login (through
/// <see cref="CentreAccounts.AddAsync"/>, the CLI's path), and reset a login's second factor after a lost phone. Every call
/// is scoped to the editor's tenant; an account of another tenant is not found like an unknown id; staff get nothing.
/// </summary>
public sealed class CentreAccountAdministration(CentreAccounts accounts, SecondFactors factors, MailQueue mails, SecondFactorResetNotice notice, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public async Task<IReadOnlyList<(AccountListing Listing, SecondFactorState SecondFactor)>> ListAsync(CentreAccountRow editor, CancellationToken cancellationToken = default)
    {
        if (editor.Role != CentreRole.Editor) return [];
        var listed = new List<(AccountListing, SecondFactorState)>();
        foreach (var listing in await accounts.ListAsync(editor.Tenant, cancellationToken))
            listed.Add((listing, await factors.StateAsync(LoginArea.Centres, listing.Account.Login, cancellationToken)));
        return listed;
    }

    /// <summary>A staff login of the editor's tenant (editorial logins are made by the operator with the CLI).</summary>
    public async Task<AccountCreation> AddStaffAsync(CentreAccountRow editor, NewCentreAccount request, CancellationToken cancellationToken = default) =>
        editor.Role != CentreRole.Editor ? new(null, [new("role", "editorOnly")])
            : await accounts.AddAsync(editor.Tenant, request with { Role = CentreRole.Staff }, editor.Actor(), cancellationToken);

    /// <summary>
    /// The login's second factor is removed (its next login enrols a new one), every session of the account ends (a new
    /// stamp, pending ones included), the reset is audited (<c>centres.totp.reset</c> by the editor) and, when the account has
    /// an address, a notice without any detail goes through the platform's mail queue. Null when the account is not the editor's tenant's.
    /// </summary>
    public async Task<CentreAccountRow?> ResetSecondFactorAsync(CentreAccountRow editor, Guid id, CancellationToken cancellationToken = default)
    {
        if (editor.Role != CentreRole.Editor || await accounts.FindAsync(id, cancellationToken) is not { } account || account.Tenant != editor.Tenant) return null;
        if (!await factors.ResetAsync(LoginArea.Centres, account.Login, editor.Actor(), cancellationToken))
            await accounts.AuditAsync("totp.reset", editor.Actor(), $"{account.Login} (no second factor was set up)", cancellationToken);
        await accounts.RenewStampAsync(account.Id, cancellationToken);
        if (account.Email is { } email)
            await mails.EnqueueAsync(account.Tenant, "centre-account.totp-reset", notice(email),
                key: $"centre-account-totp-reset:{account.Id:N}:{_clock.GetUtcNow().UtcTicks}", cancellationToken: cancellationToken);
        return account;
    }
}
