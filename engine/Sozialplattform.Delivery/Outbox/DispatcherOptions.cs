namespace Sozialplattform.Delivery.Outbox;

/// <summary>How the outbox dispatcher works. The lease must be longer than any channel's timeout.</summary>
public sealed record DispatcherOptions
{
    /// <summary>Names this dispatcher in the outbox's <c>LockedBy</c>; unique per process.</summary>
    public string WorkerId { get; init; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    public int BatchSize { get; init; } = 20;

    /// <summary>Deliveries of one batch that run at the same time.</summary>
    public int Parallelism { get; init; } = 4;

    /// <summary>How long a claimed entry is reserved; after it a crashed dispatcher's entry is claimed again.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Attempts before an entry goes to the dead letters.</summary>
    public int MaxAttempts { get; init; } = 10;

    /// <summary>Delay after the first failure; doubles with each further failure.</summary>
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromHours(6);

    /// <summary>Pause of the loop when nothing was due.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Exponential backoff: first delay × 2^(attempts − 1), capped.</summary>
    public TimeSpan RetryDelay(int attempts)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        var delay = FirstRetryDelay.TotalSeconds * factor;
        return TimeSpan.FromSeconds(Math.Min(delay, MaxRetryDelay.TotalSeconds));
    }
}
