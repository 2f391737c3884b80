namespace Sozialplattform.Storage.Inbox;

/// <summary>After <see cref="MaxFailures"/> wrong passwords in a row an account accepts no login for <see cref="Duration"/>.</summary>
public sealed record LoginLockout
{
    public int MaxFailures { get; init; } = 5;
    public TimeSpan Duration { get; init; } = TimeSpan.FromMinutes(15);
}
