using Sozialplattform.Storage.Entities;

namespace Sozialplattform.Storage.Inbox;

public enum SignInResult
{
    SignedIn,

    /// <summary>Unknown login or wrong password: the same answer for both.</summary>
    Refused,

    /// <summary>Too many wrong passwords; no login until <see cref="SignInOutcome.LockedUntil"/>.</summary>
    LockedOut,
}

/// <summary>What a login attempt came to; <see cref="Account"/> only when signed in.</summary>
public sealed record SignInOutcome(SignInResult Result, CaseworkerAccount? Account = null, DateTime? LockedUntil = null);
