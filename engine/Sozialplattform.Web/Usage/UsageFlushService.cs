using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sozialplattform.Storage.Operations;

namespace Sozialplattform.Web.Usage;

/// <summary>Writes the usage counters every few seconds and once more when the host stops.</summary>
public sealed class UsageFlushService(UsageCounters counters, UsageOptions options, ILogger<UsageFlushService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.FlushSeconds)));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await FlushAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken);
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            await counters.FlushAsync(cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // The counts stay in memory for the next try; the application itself never waits for them.
            logger.LogWarning(error, "Usage counters could not be written; keeping {Count} for the next flush", counters.Pending);
        }
    }
}

/// <summary>Settings of the usage figures (section <c>Sozialplattform:UsageFigures</c>).</summary>
public sealed class UsageOptions
{
    public const string Section = "Sozialplattform:UsageFigures";

    /// <summary>How often counts are written to the database.</summary>
    public int FlushSeconds { get; set; } = 5;

    /// <summary>Below this many applications (or errors, or times) a figure is not shown.</summary>
    public int MinimumGroupSize { get; set; } = 10;
}
