namespace Sozialplattform.Storage.Logins;

/// <summary>
/// A place with its own logins (the inbox, the designer, the counselling centres' self-service): its name keeps its counters apart from other
/// areas' — a login "anna" of the inbox is not the designer's "anna" — and prefixes its audit actions.
/// </summary>
public sealed record LoginArea(string Name, string AuditPrefix)
{
    public static readonly LoginArea Inbox = new("inbox", "");
    public static readonly LoginArea Designer = new("designer", "designer.");
    public static readonly LoginArea Centres = new("centres", "centres.");

    public string Action(string action) => AuditPrefix + action;

    /// <summary>
    /// The area's second-factor codes as a login area of their own: their failures count on their own counters of
    /// <see cref="LoginProtection"/> (a wrong code does not slow the password, nor the other way round) and their
    /// audit actions read <c>totp.login.failed</c>, <c>designer.totp.login.locked</c>, ….
    /// </summary>
    public LoginArea SecondFactor => new(Name + "/totp", AuditPrefix + "totp.");
}

public enum LoginResult
{
    SignedIn,

    /// <summary>Unknown login or wrong password: the same answer for both.</summary>
    Refused,

    /// <summary>Too many failed attempts (for this login and address, this address, or this login): nothing was checked; try again at <see cref="LoginOutcome{TAccount}.WaitUntil"/>. The same for unknown logins.</summary>
    Throttled,
}

/// <summary>What a login attempt came to; <see cref="Account"/> only when signed in, <see cref="WaitUntil"/> only when throttled.</summary>
public sealed record LoginOutcome<TAccount>(LoginResult Result, TAccount? Account = null, DateTime? WaitUntil = null) where TAccount : class;

/// <summary>
/// The area's check of a password (or a code): the account if it matches, whether the login exists at all, and — for
/// checks that are not passwords — what was wrong (all three for the audit log only).
/// </summary>
public sealed record LoginCheck<TAccount>(TAccount? Account, bool LoginExists, string? Failure = null) where TAccount : class;
