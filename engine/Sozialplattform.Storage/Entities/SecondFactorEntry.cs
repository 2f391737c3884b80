namespace Sozialplattform.Storage.Entities;

/// <summary>
/// The TOTP second factor of one staff login of one area (see <c>Logins.SecondFactors</c>): its secret (encrypted with
/// the data key, bound to <see cref="Id"/>), whether enrolment was confirmed, the last time step used (a code is
/// accepted once) and the keyed hashes of the unused recovery codes.
/// </summary>
public sealed class SecondFactorEntry
{
    public Guid Id { get; set; }

    /// <summary>The login area's name (<c>LoginArea.Name</c>): an inbox login and a designer login of the same name are different people.</summary>
    public required string Area { get; set; }

    public required string Login { get; set; }

    /// <summary>The shared TOTP secret, AES-GCM with the row's id as associated data.</summary>
    public required byte[] SecretCipher { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When the first code was confirmed; until then the enrolment is pending and the factor does not count.</summary>
    public DateTime? ActivatedAt { get; set; }

    /// <summary>The TOTP time step of the last accepted code: only later steps are accepted (no replay within the window).</summary>
    public long LastUsedStep { get; set; }

    /// <summary>Space-separated keyed hashes (HMAC with the data key) of the recovery codes not used yet.</summary>
    public string RecoveryCodeHashes { get; set; } = "";

    /// <summary>Raised by every change: each change is a compare-and-set on it.</summary>
    public long Version { get; set; }
}
