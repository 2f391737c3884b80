using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sozialplattform.Delivery;
using Sozialplattform.Delivery.Tenants;
using Sozialplattform.Storage.Cases;
using Sozialplattform.Storage.Operations;
using Sozialplattform.Web.Hosting;

namespace Sozialplattform.Web.Inbox;

/// <summary>
/// The daily retention job: deletes the closed cases of this host's tenant whose service's retention period
/// (<c>caseRetention</c> in <c>tenant.json</c>) ran out and that carry no legal hold (<see cref="CaseRetention"/>). Once at
/// start, then every day. With several hosts only the one holding the job's lease runs in a day (<see cref="JobLeases"/>);
/// should two runs meet anyway, each case is still deleted and logged once (one transaction per case, a unique log row).
/// </summary>
public sealed class CaseRetentionService(CaseRetention retention, DeliveryOptions delivery, PortalOptions portal, JobLeases leases, TimeProvider clock, ILogger<CaseRetentionService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    public string Job => "case-retention:" + portal.Tenant;

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
                logger.LogError(error, "Deleting closed cases past their retention failed; next try in {Interval}", Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Runs if this host gets the job's lease for the next day; null when another host holds it.</summary>
    public Task<int?> RunLeasedAsync(CancellationToken cancellationToken = default) => leases.RunLeasedAsync(Job, Interval, SweepAsync, cancellationToken);

    /// <summary>The host tenant's retention periods (<c>caseRetention</c> in its <c>tenant.json</c>), read anew; null when the configuration cannot be read.</summary>
    public RetentionPeriods? Periods() => TenantFolderReader.Read(Path.Combine(delivery.TenantsFolder, portal.Tenant)).Configuration?.Settings.CaseRetention;

    /// <summary>Deletes the cases due now; returns how many this run deleted.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        var periods = Periods();
        if (periods is null)
        {
            logger.LogWarning("Case retention skipped: the configuration of tenant {Tenant} cannot be read", portal.Tenant);
            return 0;
        }

        var deleted = await retention.DeleteDueAsync(portal.Tenant, periods, cancellationToken);
        if (deleted.Count > 0) logger.LogInformation("Deleted {Count} closed cases past their retention period: {References}", deleted.Count, string.Join(", ", deleted));
        return deleted.Count;
    }
}
