using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using OtpNet;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;

namespace Sozialplattform.Storage.Logins;

/// <summary>
/// The one TOTP second factor of every staff login area (inbox, designer, counselling centres …): enrolment with a
/// secret, an <c>otpauth://</c> URI and its QR code; verification of a code — accepted once (a code's time step must
/// be later than the last one used), throttled and audited through <see cref="LoginProtection"/>'s counters of the
/// area's <see cref="LoginArea.SecondFactor"/>; recovery codes (stored as keyed hashes, each accepted once); reset by an
/// administrator. Areas keep their own accounts and call this after the password was right.
/// </summary>
public sealed class SecondFactors(SozialDatabase database, LoginProtection logins, TimeProvider? clock = null)
{
    public const int RecoveryCodeCount = 10;
    private const string RecoveryPurpose = "totp-recovery-code";

    /// <summary>One step before and after the current one: a phone clock a little off still works.</summary>
    private static readonly VerificationWindow Window = new(previous: 1, future: 1);

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    /// <summary>Whether the login has a confirmed second factor, one whose enrolment waits for its first code, or none.</summary>
    public async Task<SecondFactorState> StateAsync(LoginArea area, string login, CancellationToken cancellationToken = default)
    {
        var entry = await FindAsync(area, login, cancellationToken);
        return entry is null ? SecondFactorState.None : entry.ActivatedAt is null ? SecondFactorState.Pending : SecondFactorState.Active;
    }

    /// <summary>
    /// The pending enrolment of the login (the same secret on every call, so reloading the page shows the same QR code),
    /// or a new one; null when the login has a confirmed factor already (only a reset starts over).
    /// </summary>
    public async Task<TotpEnrolment?> EnrolmentAsync(LoginArea area, string login, string issuer, CancellationToken cancellationToken = default)
    {
        var entry = await FindAsync(area, login, cancellationToken);
        if (entry?.ActivatedAt is not null) return null;
        if (entry is null)
        {
            var id = Guid.CreateVersion7();
            entry = new SecondFactorEntry
            {
                Id = id, Area = area.Name, Login = login, CreatedAt = Now,
                SecretCipher = database.Protector.Protect(KeyGeneration.GenerateRandomKey(20), id),
            };
            await using var context = database.CreateContext();
            context.SecondFactors.Add(entry);
            using var gate = await database.EnterWriteAsync(cancellationToken);
            try
            {
                await context.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // A parallel request enrolled the same login first: show its secret.
                entry = await FindAsync(area, login, cancellationToken) ?? throw new InvalidOperationException($"The second factor of '{login}' could neither be stored nor read.");
                if (entry.ActivatedAt is not null) return null;
            }
        }

        return TotpEnrolment.For(Base32Encoding.ToString(database.Protector.Unprotect(entry.SecretCipher, entry.Id)), login, issuer);
    }

    /// <summary>
    /// The first code of a pending enrolment: when it is right the factor counts from now on and the recovery codes
    /// are returned (shown once, stored only as hashes). Throttled like every code.
    /// </summary>
    public Task<SecondFactorOutcome> ConfirmEnrolmentAsync(LoginArea area, string login, string code, string clientAddress, CancellationToken cancellationToken = default) =>
        AttemptAsync(area, login, code, clientAddress, confirming: true, cancellationToken);

    /// <summary>A code at login: a TOTP code (not used before) or an unused recovery code. Throttled, counted and audited by <see cref="LoginProtection"/>.</summary>
    public Task<SecondFactorOutcome> VerifyAsync(LoginArea area, string login, string code, string clientAddress, CancellationToken cancellationToken = default) =>
        AttemptAsync(area, login, code, clientAddress, confirming: false, cancellationToken);

    /// <summary>Removes the login's second factor (an administrator's reset after a lost phone); the next login enrols again. False when there was none.</summary>
    public async Task<bool> ResetAsync(LoginArea area, string login, string actor, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        int removed;
        using (await database.EnterWriteAsync(cancellationToken))
            removed = await context.SecondFactors.Where(f => f.Area == area.Name && f.Login == login).ExecuteDeleteAsync(cancellationToken);
        if (removed == 0) return false;
        await logins.AuditAsync(area, "totp.reset", actor, login, cancellationToken);
        return true;
    }

    private async Task<SecondFactorOutcome> AttemptAsync(LoginArea area, string login, string code, string clientAddress, bool confirming, CancellationToken cancellationToken)
    {
        IReadOnlyList<string>? recoveryCodes = null;
        var outcome = await logins.SignInAsync(area.SecondFactor, login, clientAddress, async token =>
        {
            var (check, codes) = await CheckAsync(area, login, code.Trim(), confirming, token);
            recoveryCodes = codes;
            return check;
        }, cancellationToken);
        if (outcome.Account is { Recovery: true }) await logins.AuditAsync(area, "totp.recovery-code.used", login, null, cancellationToken);
        if (recoveryCodes is not null) await logins.AuditAsync(area, "totp.enrolled", login, null, cancellationToken);
        return new SecondFactorOutcome(outcome.Result, outcome.WaitUntil, recoveryCodes, outcome.Account?.Recovery ?? false);
    }

    /// <summary>The check inside the counters: right, and not used before (the accepted step or recovery code is written with a compare-and-set).</summary>
    private async Task<(LoginCheck<AcceptedCode> Check, IReadOnlyList<string>? RecoveryCodes)> CheckAsync(LoginArea area, string login, string code, bool confirming, CancellationToken cancellationToken)
    {
        while (true)
        {
            var entry = await FindAsync(area, login, cancellationToken);
            if (entry is null || (entry.ActivatedAt is null) != confirming) return (Refused("no second factor " + (confirming ? "waiting for confirmation" : "enrolled")), null);
            var totp = new Totp(database.Protector.Unprotect(entry.SecretCipher, entry.Id));
            if (code.Length == 6 && code.All(char.IsAsciiDigit))
            {
                if (!totp.VerifyTotp(Now, code, out var step, Window)) return (Refused("wrong code"), null);
                if (step <= entry.LastUsedStep) return (Refused("code already used"), null);
                var codes = confirming ? NewRecoveryCodes() : null;
                var hashes = codes is null ? entry.RecoveryCodeHashes : string.Join(' ', codes.Select(RecoveryHash));
                if (await SetAsync(entry, step, hashes, confirming ? Now : entry.ActivatedAt, cancellationToken))
                    return (new LoginCheck<AcceptedCode>(new AcceptedCode(false), true), codes);
                continue;
            }

            var hash = RecoveryHash(code);
            var remaining = entry.RecoveryCodeHashes.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            if (confirming || !remaining.Remove(hash)) return (Refused(confirming ? "wrong code" : "wrong or used recovery code"), null);
            if (await SetAsync(entry, entry.LastUsedStep, string.Join(' ', remaining), entry.ActivatedAt, cancellationToken))
                return (new LoginCheck<AcceptedCode>(new AcceptedCode(true), true), null);
        }
    }

    private static LoginCheck<AcceptedCode> Refused(string why) => new(null, true, why);

    private async Task<SecondFactorEntry?> FindAsync(LoginArea area, string login, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        return await context.SecondFactors.AsNoTracking().SingleOrDefaultAsync(f => f.Area == area.Name && f.Login == login, cancellationToken);
    }

    private async Task<bool> SetAsync(SecondFactorEntry entry, long step, string recoveryHashes, DateTime? activatedAt, CancellationToken cancellationToken)
    {
        using var gate = await database.EnterWriteAsync(cancellationToken);
        await using var context = database.CreateContext();
        return await context.SecondFactors.Where(f => f.Id == entry.Id && f.Version == entry.Version).ExecuteUpdateAsync(s => s
            .SetProperty(f => f.LastUsedStep, step)
            .SetProperty(f => f.RecoveryCodeHashes, recoveryHashes)
            .SetProperty(f => f.ActivatedAt, activatedAt)
            .SetProperty(f => f.Version, entry.Version + 1), cancellationToken) == 1;
    }

    /// <summary>Ten codes of 10 characters from an alphabet without look-alikes (50 bits each), written in two groups: <c>K7QM2-XR4TD</c>.</summary>
    private static List<string> NewRecoveryCodes()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return Enumerable.Range(0, RecoveryCodeCount).Select(_ =>
        {
            var chars = Enumerable.Range(0, 10).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]).ToArray();
            return new string(chars, 0, 5) + "-" + new string(chars, 5, 5);
        }).ToList();
    }

    /// <summary>Keyed with the data key: a copy of the database alone does not let anyone try codes offline.</summary>
    private string RecoveryHash(string code) =>
        database.Protector.SearchToken(RecoveryPurpose, new string(code.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray()));

    private sealed record AcceptedCode(bool Recovery);
}

public enum SecondFactorState
{
    None,
    Pending,
    Active,
}

/// <summary>What a code came to: signed in, refused or throttled (until <see cref="WaitUntil"/>); at a confirmed enrolment the recovery codes to show once.</summary>
public sealed record SecondFactorOutcome(LoginResult Result, DateTime? WaitUntil = null, IReadOnlyList<string>? RecoveryCodes = null, bool UsedRecoveryCode = false);
