namespace Sozialplattform.Storage.Entities;

/// <summary>
/// One counter of failed logins (see <c>LoginProtection</c>): for a client address, for a login from one address, or
/// for a login from every address. Keyed by hashes, for unknown logins exactly as for real ones.
/// </summary>
public sealed class LoginThrottleEntry
{
    /// <summary><c>address:</c>, <c>pair:</c> or <c>login:</c> and a SHA-256 of what is counted.</summary>
    public required string Key { get; set; }

    /// <summary>SHA-256 of area and login for the <c>pair:</c> and <c>login:</c> counters (what an unlock finds them by).</summary>
    public string? LoginKey { get; set; }

    /// <summary>Failed attempts counted (each is counted before its password is checked, see <c>LoginProtection</c>).</summary>
    public int Failures { get; set; }

    public DateTime? LastFailureAt { get; set; }

    /// <summary>No attempt is checked before this time (UTC).</summary>
    public DateTime? WaitUntil { get; set; }

    /// <summary>On a <c>pair:</c> counter: the login succeeded from this address, which is therefore spared the per-login limit until then.</summary>
    public DateTime? TrustedUntil { get; set; }

    /// <summary>Raised by every change: each change is a compare-and-set on it.</summary>
    public long Version { get; set; }
}
