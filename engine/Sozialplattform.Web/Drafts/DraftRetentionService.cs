using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sozialplattform.Storage.Operations;
using Sozialplattform.Storage.Submissions;
using Sozialplattform.Web.Hosting;

namespace Sozialplattform.Web.Drafts;

/// <summary>
/// Deletes unsent drafts and their uploads <see cref="PortalOptions.DraftRetentionDays"/> days after their last
/// change: once at start, then every hour. Personal data nobody sends is not kept. With several hosts only the one
/// holding the job's lease sweeps in an hour (<see cref="JobLeases"/>).
/// </summary>
public sealed class DraftRetentionService(DraftStore drafts, ApplicationStore applications, PortalOptions options, JobLeases leases, TimeProvider clock, ILogger<DraftRetentionService> logger) : BackgroundService
{
    public const string Job = "draft-retention";
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

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
                logger.LogError(error, "Deleting drafts past their retention failed; next try in {Interval}", Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Sweeps if this host gets the job's lease for the next interval; null when another host holds it.</summary>
    public Task<int?> RunLeasedAsync(CancellationToken cancellationToken = default) => leases.RunLeasedAsync(Job, Interval, SweepAsync, cancellationToken);

    /// <summary>Deletes the drafts past their retention now; returns how many.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        var deleted = await drafts.DeleteUnchangedSinceAsync(applications.RetentionCutoff, cancellationToken);
        if (deleted > 0) logger.LogInformation("Deleted {Count} drafts unchanged for {Days} days", deleted, options.DraftRetentionDays);
        return deleted;
    }
}
