using Microsoft.EntityFrameworkCore;
using Sozialplattform.Counselling.Storage;
using Sozialplattform.Storage.Crypto;

namespace Sozialplattform.Counselling.Seekers;

/// <summary>A new seeker and the recovery code to show once.</summary>
public sealed record Registration(SeekerRow Seeker, string RecoveryCode);

/// <summary>
/// Seekers' accounts: registration with a pseudonym and a password only, the password check (for the platform's
/// <c>LoginProtection</c>, with the same hash work for unknown pseudonyms), and the reset of a forgotten password with
/// the recovery code — which keeps every conversation (their keys hang on the platform key, not on the password) and
/// gives a new code.
/// </summary>
public sealed class SeekerAccounts(CounsellingDatabase database, PasswordHasher? hasher = null, TimeProvider? clock = null)
{
    private const string PseudonymPurpose = "counselling-pseudonym";
    private readonly PasswordHasher _hasher = hasher ?? new PasswordHasher();
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    public async Task<(Registration? Registration, IReadOnlyList<CounsellingError> Errors)> RegisterAsync(string tenant, string? pseudonym, string? password,
        string? email, string language, CancellationToken cancellationToken = default)
    {
        var (name, nameError) = SeekerInput.Pseudonym(pseudonym);
        var (address, emailError) = SeekerInput.Email(email);
        var errors = new[] { nameError, SeekerInput.Password(password, name), emailError }.OfType<CounsellingError>().ToList();
        if (errors.Count > 0) return (null, errors);

        var protector = database.Platform.Protector;
        var code = RecoveryCode.New();
        var now = Now;
        var seeker = new SeekerRow
        {
            Id = Guid.CreateVersion7(), Tenant = tenant, PseudonymIndex = Index(name!), PasswordHash = _hasher.Hash(password!),
            RecoveryCodeHash = RecoveryCode.Hash(code), Language = language, SecurityStamp = NewStamp(), CreatedAt = now, LastActiveAt = now,
            PseudonymCipher = [],
        };
        seeker.PseudonymCipher = protector.ProtectText(name!, seeker.Id);
        seeker.EmailCipher = address is null ? null : protector.ProtectText(address, seeker.Id);

        await using var context = database.CreateContext();
        if (await context.Seekers.AnyAsync(s => s.Tenant == tenant && s.PseudonymIndex == seeker.PseudonymIndex, cancellationToken))
            return (null, [new("pseudonym", "pseudonymTaken")]);
        context.Seekers.Add(seeker);
        try
        {
            using var gate = await database.Platform.EnterWriteAsync(cancellationToken);
            await context.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return (null, [new("pseudonym", "pseudonymTaken")]);
        }

        return (new Registration(seeker, code), []);
    }

    /// <summary>The seeker when pseudonym and password match, else null — after the same hash work either way.</summary>
    public async Task<SeekerRow?> CheckAsync(string tenant, string pseudonym, string password, CancellationToken cancellationToken = default)
    {
        var seeker = await FindByPseudonymAsync(tenant, pseudonym, cancellationToken);
        return _hasher.Matches(password, seeker?.PasswordHash) ? seeker : null;
    }

    /// <summary>
    /// A new password with the recovery code: the seeker if the code matched (with a new code to show once), else null.
    /// The caller has checked the new password (<see cref="SeekerInput.Password"/>). Every older session ends.
    /// </summary>
    public async Task<Registration?> ResetAsync(string tenant, string pseudonym, string code, string newPassword, CancellationToken cancellationToken = default)
    {
        var seeker = await FindByPseudonymAsync(tenant, pseudonym, cancellationToken);
        if (seeker is null || !RecoveryCode.Matches(code, seeker.RecoveryCodeHash)) return null;
        var newCode = RecoveryCode.New();
        var (hash, codeHash, stamp) = (_hasher.Hash(newPassword), RecoveryCode.Hash(newCode), NewStamp());
        await using var context = database.CreateContext();
        using var gate = await database.Platform.EnterWriteAsync(cancellationToken);
        // only if the code is still the one checked: two resets with one code give one new password
        var changed = await context.Seekers.Where(s => s.Id == seeker.Id && s.RecoveryCodeHash == seeker.RecoveryCodeHash)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.PasswordHash, hash).SetProperty(r => r.RecoveryCodeHash, codeHash).SetProperty(r => r.SecurityStamp, stamp), cancellationToken);
        if (changed == 0) return null;
        (seeker.PasswordHash, seeker.RecoveryCodeHash, seeker.SecurityStamp) = (hash, codeHash, stamp);
        return new Registration(seeker, newCode);
    }

    public async Task<SeekerRow?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.Seekers.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
    }

    public string Pseudonym(SeekerRow seeker) => database.Platform.Protector.UnprotectText(seeker.PseudonymCipher, seeker.Id);

    public string? Email(SeekerRow seeker) => seeker.EmailCipher is { } cipher ? database.Platform.Protector.UnprotectText(cipher, seeker.Id) : null;

    /// <summary>Ends every session of the seeker (logout).</summary>
    public async Task RenewStampAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        using var gate = await database.Platform.EnterWriteAsync(cancellationToken);
        await context.Seekers.Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.SecurityStamp, NewStamp()), cancellationToken);
    }

    private async Task<SeekerRow?> FindByPseudonymAsync(string tenant, string pseudonym, CancellationToken cancellationToken)
    {
        if (SeekerInput.Pseudonym(pseudonym).Pseudonym is not { } name) return null;
        var index = Index(name);
        await using var context = database.CreateContext();
        return await context.Seekers.AsNoTracking().FirstOrDefaultAsync(s => s.Tenant == tenant && s.PseudonymIndex == index, cancellationToken);
    }

    private string Index(string pseudonym) => database.Platform.Protector.SearchToken(PseudonymPurpose, SeekerInput.Normalize(pseudonym));

    private static string NewStamp() => Guid.NewGuid().ToString("N");
}
