namespace Sozialplattform.Storage.Logins;

/// <summary>
/// How many failed logins are free and how the waits grow after them (configuration section <c>Logins</c>; the reasoning
/// is in docs/OPERATIONS.md). Each counter forgets its failures after <see cref="ForgetAfter"/> without one.
/// </summary>
public sealed record LoginProtectionOptions
{
    public const string Section = "Logins";

    /// <summary>One login from one client address: the limit a person meets after mistyping.</summary>
    public ThrottleLimit PerLoginAndAddress { get; init; } = new() { FreeFailures = 5, FirstWait = TimeSpan.FromSeconds(30), MaxWait = TimeSpan.FromMinutes(15) };

    /// <summary>One client address over all logins (guessing many logins, "password spraying").</summary>
    public ThrottleLimit PerAddress { get; init; } = new() { FreeFailures = 20, FirstWait = TimeSpan.FromSeconds(1), MaxWait = TimeSpan.FromMinutes(15) };

    /// <summary>One login from all addresses from which it has not signed in successfully within <see cref="TrustAddressFor"/> (guessing from many addresses).</summary>
    public ThrottleLimit PerLogin { get; init; } = new() { FreeFailures = 50, FirstWait = TimeSpan.FromSeconds(1), MaxWait = TimeSpan.FromMinutes(15) };

    public TimeSpan ForgetAfter { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Login attempts handled at once per process; more wait their turn (each checks a deliberately slow password hash).</summary>
    public int MaxConcurrentAttempts { get; init; } = 8;

    /// <summary>How long an address from which a login succeeded is spared the per-login limit.</summary>
    public TimeSpan TrustAddressFor { get; init; } = TimeSpan.FromDays(90);
}

/// <summary>After <see cref="FreeFailures"/> failures each further attempt waits <see cref="FirstWait"/>, doubled per failure, at most <see cref="MaxWait"/>.</summary>
public sealed record ThrottleLimit
{
    public int FreeFailures { get; init; }
    public TimeSpan FirstWait { get; init; }
    public TimeSpan MaxWait { get; init; }

    /// <summary>The wait after the <paramref name="failures"/>-th counted failure; none below the free ones.</summary>
    public TimeSpan? WaitAfter(int failures)
    {
        if (failures < FreeFailures) return null;
        var doublings = Math.Min(failures - FreeFailures, 30);
        var wait = FirstWait * Math.Pow(2, doublings);
        return wait < MaxWait ? wait : MaxWait;
    }
}
