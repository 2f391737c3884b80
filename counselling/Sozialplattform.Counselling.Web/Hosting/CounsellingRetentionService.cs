using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sozialplattform.Counselling.Conversations;
using Sozialplattform.Storage.Operations;

namespace Sozialplattform.Counselling.Web.Hosting;

/// <summary>
/// Runs the counselling's retention (<see cref="CounsellingRetention"/>) once at start and then every hour, on the one
/// host that holds the job's lease (<see cref="JobLeases"/>), with the tenant's rules from <see cref="CounsellingOptions"/>;
/// queues the content-free warnings.
/// </summary>
public sealed class CounsellingRetentionService(CounsellingRetention retention, CounsellingNotices notices, CounsellingOptions options, JobLeases leases, TimeProvider clock,
    ILogger<CounsellingRetentionService> logger) : BackgroundService
{
    public const string Job = "counselling-retention";
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    public RetentionRules Rules => new(options.RetentionInactiveDays, options.RetentionEndedDays, options.RetentionWarnDays);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await RunLeasedAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogError(error, "The counselling's retention failed; next try in {Interval}", Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Sweeps if this host gets the job's lease for the next interval; null when another host holds it.</summary>
    public Task<int?> RunLeasedAsync(CancellationToken cancellationToken = default) => leases.RunLeasedAsync(Job, Interval, SweepAsync, cancellationToken);

    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        var result = await retention.SweepAsync(options.Tenant, Rules, cancellationToken);
        foreach (var warning in result.Warnings) await notices.RetentionWarningAsync(warning, cancellationToken);
        if (result.Deleted > 0) logger.LogInformation("Counselling retention deleted {Count} conversations", result.Deleted);
        return result.Deleted;
    }
}
