using Microsoft.EntityFrameworkCore;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;

namespace Sozialplattform.Storage.Cases;

/// <summary>
/// A hand-in as a follow-up of the submission: one outbox entry per destination the submission itself went to over
/// another channel than the built-in inbox (e-mail, FIT-Connect, XTA, …), queued in the hand-in's own transaction, so
/// it is delivered once by the outbox dispatcher with its claims, retries and dead letters. The built-in inbox needs
/// none: the hand-in is in the case already.
/// </summary>
public static class HandInFollowUps
{
    /// <summary>Adds the follow-up entries of <paramref name="message"/> to <paramref name="context"/> (saved by the caller with the hand-in).</summary>
    internal static async Task QueueAsync(SozialDbContext context, CaseMessage message, DateTime now, CancellationToken cancellationToken)
    {
        var originals = await context.Outbox.AsNoTracking()
            .Where(o => o.SubmissionId == message.SubmissionId && o.MessageId == null)
            .OrderBy(o => o.CreatedAt).ToListAsync(cancellationToken);
        var authorityIds = originals.Select(o => o.AuthorityId).ToList();
        // The destination's channel as configured now (the dispatcher uses that one too); a destination the applicant chose
        // (a counselling centre) has no row here and keeps the channel its entry was written with.
        var channels = await context.Authorities.AsNoTracking().Where(a => a.TenantId == message.TenantId && authorityIds.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => a.ChannelType, cancellationToken);
        foreach (var original in originals.DistinctBy(o => (o.TenantId, o.AuthorityId)))
        {
            var channel = channels.GetValueOrDefault(original.AuthorityId) ?? original.Channel;
            if (channel == CaseForwarding.InboxChannel) continue;
            context.Outbox.Add(new OutboxEntry
            {
                Id = Guid.CreateVersion7(),
                SubmissionId = message.SubmissionId,
                MessageId = message.Id,
                TenantId = original.TenantId,
                AuthorityId = original.AuthorityId,
                Channel = channel,
                Status = OutboxStatus.Pending,
                NextAttemptAt = now,
                CreatedAt = now,
            });
        }
    }

    /// <summary>The delivery state of each hand-in's follow-ups, by hand-in: what the status page and the timeline show.</summary>
    public static async Task<IReadOnlyDictionary<Guid, FollowUpState>> StatesAsync(SozialDbContext context, Guid submissionId, CancellationToken cancellationToken)
    {
        var entries = await context.Outbox.AsNoTracking().Where(o => o.SubmissionId == submissionId && o.MessageId != null)
            .Select(o => new { MessageId = o.MessageId!.Value, o.Status, o.DeliveredAt }).ToListAsync(cancellationToken);
        return entries.GroupBy(e => e.MessageId).ToDictionary(g => g.Key, g => g.All(e => e.Status == OutboxStatus.Delivered)
            ? new FollowUpState(FollowUpDelivery.Delivered, g.Max(e => e.DeliveredAt))
            : new FollowUpState(g.Any(e => e.Status == OutboxStatus.Dead) ? FollowUpDelivery.Failed : FollowUpDelivery.Pending, null));
    }
}

/// <summary>Where a hand-in's follow-ups are: all delivered (and when the last one was), still on the way, or one of them dead.</summary>
public sealed record FollowUpState(FollowUpDelivery Delivery, DateTime? DeliveredAt);

public enum FollowUpDelivery
{
    Pending,
    Delivered,

    /// <summary>At least one follow-up is a dead letter: an operator has to look (the applicant reads "wird noch übermittelt").</summary>
    Failed,
}
