using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Sozialplattform.Delivery.Channels;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Operations;
using Sozialplattform.Storage.Outbox;

namespace Sozialplattform.Delivery.Outbox;

/// <summary>
/// Delivers due outbox entries: claim a batch, deliver each over its authority's channel, then mark it
/// delivered, retry later (exponential backoff) or dead. Safe to run in several processes on PostgreSQL;
/// on SQLite run one. A crash between delivering and marking means the entry is delivered again after its
/// lease with the same delivery id, which receivers use to recognise the repeat.
/// </summary>
public sealed class OutboxDispatcher(
    OutboxStore outbox,
    DeliverySource source,
    DeliveryPackageBuilder packages,
    ChannelRegistry channels,
    DispatcherOptions options,
    TimeProvider? clock = null,
    ILogger<OutboxDispatcher>? logger = null,
    Routing.ChosenDestinations? chosen = null,
    FormPdfs? pdfs = null)
{
    private readonly Routing.ChosenDestinations _chosen = chosen ?? Routing.ChosenDestinations.None;
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly ILogger _logger = logger ?? NullLogger<OutboxDispatcher>.Instance;
    private readonly FollowUpDispatch _followUps = new(source, channels, chosen ?? Routing.ChosenDestinations.None);

    public DispatcherOptions Options => options;

    /// <summary>One round: claims what is due now and delivers it.</summary>
    public async Task<DispatchReport> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var claimed = await outbox.ClaimAsync(options.WorkerId, options.BatchSize, options.Lease, cancellationToken);
        var outcomes = new List<DispatchOutcome>();
        await Parallel.ForEachAsync(claimed, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken }, async (entry, ct) =>
        {
            var outcome = await DispatchAsync(entry, ct);
            lock (outcomes) outcomes.Add(outcome);
        });
        return new DispatchReport(claimed.Count, outcomes.Count(o => o == DispatchOutcome.Delivered), outcomes.Count(o => o == DispatchOutcome.Retry), outcomes.Count(o => o == DispatchOutcome.Dead));
    }

    /// <summary>Runs rounds until cancelled; pauses for the poll interval only when a round found nothing.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            DispatchReport report;
            try
            {
                report = await RunOnceAsync(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _logger.LogError(e, "Outbox round failed; trying again after {Interval}", options.PollInterval);
                report = new DispatchReport(0, 0, 0, 0);
            }

            if (report.Claimed == 0)
                await Task.Delay(options.PollInterval, _clock, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task<DispatchOutcome> DispatchAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        using var activity = PlatformMetrics.Activities.StartActivity("outbox deliver");
        activity?.SetTag("sozial.channel", entry.Channel);
        var outcome = await AttemptAsync(entry, cancellationToken);
        var name = outcome.ToString().ToLowerInvariant();
        activity?.SetTag("sozial.outcome", name);
        PlatformMetrics.DeliveryAttempted(entry.Channel, name, _clock.GetUtcNow().UtcDateTime - entry.CreatedAt);
        return outcome;
    }

    private async Task<DispatchOutcome> AttemptAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        var result = await DeliverAsync(entry, cancellationToken);
        if (result.Success)
        {
            await outbox.MarkDeliveredAsync(entry.Id, options.WorkerId, result.Receipt, CancellationToken.None);
            _logger.LogInformation("Delivered {DeliveryId} to {Authority} over {Channel} (attempt {Attempt})", entry.Id, entry.AuthorityId, entry.Channel, entry.Attempts);
            return DispatchOutcome.Delivered;
        }

        var dead = !result.Retryable || entry.Attempts >= options.MaxAttempts;
        var retryAt = dead ? (DateTime?)null : _clock.GetUtcNow().UtcDateTime + options.RetryDelay(entry.Attempts);
        var error = $"attempt {entry.Attempts}: {result.Error}";
        await outbox.MarkFailedAsync(entry.Id, options.WorkerId, error, retryAt, CancellationToken.None);
        _logger.LogWarning("Delivery {DeliveryId} to {Authority} failed ({Error}); {Next}", entry.Id, entry.AuthorityId, error, dead ? "moved to dead letters" : $"next attempt at {retryAt:O}");
        return dead ? DispatchOutcome.Dead : DispatchOutcome.Retry;
    }

    private async Task<DeliveryResult> DeliverAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            if (entry.MessageId is not null) return await _followUps.DeliverAsync(entry, cancellationToken);
            var stored = await source.LoadAsync(entry, cancellationToken);
            if (pdfs is not null && !stored.Files.Any(f => f.Purpose == AttachmentPurpose.Form))
            {
                // Accepted without its PDF: rendered (or the winner of a parallel render read) before the first delivery.
                var pdf = await pdfs.EnsureAsync(entry.SubmissionId, cancellationToken);
                if (pdf.Pdf is null) return DeliveryResult.Failed(pdf.Error!);
                stored = stored with { Files = [pdf.Pdf, .. stored.Files] };
            }

            var chosen = _chosen.IsChosen(entry.AuthorityId);
            if (chosen)
            {
                // A destination the applicant chose (a counselling centre) is looked up again: its current address counts.
                var found = await _chosen.ResolveAsync(entry.TenantId, entry.AuthorityId, cancellationToken);
                if (found.Destination is null) return DeliveryResult.Failed($"destination '{entry.AuthorityId}': {found.Refusal!.Message}", retryable: false);
                stored = stored with { Authority = found.Destination };
            }

            if (stored.Authority is null)
                return DeliveryResult.Failed($"authority '{entry.AuthorityId}' is no longer in the configuration of tenant '{entry.TenantId}'", retryable: false);
            var channel = channels.Find(stored.Authority.ChannelType);
            if (channel is null)
                return DeliveryResult.Failed($"channel type '{stored.Authority.ChannelType}' of authority '{entry.AuthorityId}' is not registered in this host", retryable: false);
            var package = await packages.BuildAsync(stored, stored.Authority, cancellationToken) with { ChosenByApplicant = chosen };
            return await channel.DeliverAsync(package, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A channel should return failures as data; anything thrown is treated as a transient failure.
            return DeliveryResult.Failed($"{e.GetType().Name}: {e.Message}");
        }
    }

    private enum DispatchOutcome { Delivered, Retry, Dead }
}

/// <summary>What one round did.</summary>
public sealed record DispatchReport(int Claimed, int Delivered, int Retried, int Dead);
