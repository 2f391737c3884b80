using Sozialplattform.Delivery.Channels;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Outbox;

namespace Sozialplattform.Delivery.Outbox;

/// <summary>
/// Delivers one follow-up entry (a hand-in, <see cref="OutboxEntry.MessageId"/>) for the <see cref="OutboxDispatcher"/>,
/// which claims, retries and dead-letters it like any entry: over the destination's channel as it is configured now, after
/// the submission's own delivery to that destination (until that is delivered the follow-up waits, as a retryable failure).
/// </summary>
internal sealed class FollowUpDispatch(DeliverySource source, ChannelRegistry channels, Routing.ChosenDestinations chosen)
{
    public async Task<DeliveryResult> DeliverAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        var stored = await source.LoadFollowUpAsync(entry, cancellationToken);
        var authority = stored.Authority;
        var isChosen = chosen.IsChosen(entry.AuthorityId);
        if (isChosen)
        {
            var found = await chosen.ResolveAsync(entry.TenantId, entry.AuthorityId, cancellationToken);
            if (found.Destination is null) return DeliveryResult.Failed($"destination '{entry.AuthorityId}': {found.Refusal!.Message}", retryable: false);
            authority = found.Destination;
        }

        if (authority is null)
            return DeliveryResult.Failed($"authority '{entry.AuthorityId}' is no longer in the configuration of tenant '{entry.TenantId}'", retryable: false);
        if (stored.Original is not { } original)
            return DeliveryResult.Failed($"the submission's own delivery to '{entry.AuthorityId}' is gone; a follow-up needs it as its reference", retryable: false);
        if (original.Status != OutboxStatus.Delivered)
            return DeliveryResult.Failed($"waiting for the submission's own delivery {original.Id} to '{entry.AuthorityId}' ({original.Status.ToString().ToLowerInvariant()})");
        var channel = channels.Find(authority.ChannelType);
        if (channel is null)
            return DeliveryResult.Failed($"channel type '{authority.ChannelType}' of authority '{entry.AuthorityId}' is not registered in this host", retryable: false);
        if (channel is not IFollowUpChannel followUps)
            return DeliveryResult.Failed($"channel type '{authority.ChannelType}' of authority '{entry.AuthorityId}' does not deliver hand-ins as follow-ups", retryable: false);
        return await followUps.DeliverFollowUpAsync(Package(stored, authority, isChosen), cancellationToken);
    }

    private static FollowUpPackage Package(StoredFollowUp stored, Authority authority, bool isChosen)
    {
        var submission = stored.Submission;
        return new FollowUpPackage
        {
            DeliveryId = stored.Entry.Id,
            SubmissionId = submission.Id,
            ReferenceNumber = submission.ReferenceNumber,
            ReceiptNumber = stored.ReceiptNumber,
            HandedInAt = stored.HandedInAt,
            SubmittedAt = submission.CreatedAt,
            FormId = submission.FormId,
            FormVersion = submission.FormVersion,
            FormTitle = submission.FormTitle,
            LeikaKey = submission.LeikaKey,
            Language = submission.Language,
            Message = stored.Text,
            Files = stored.Files.Select(f => new DeliveryFile(f.Id, f.FileName, f.MediaType, f.Content, f.Sha256)).ToList(),
            Authority = new DeliveryAuthority(authority.TenantId, authority.Id, authority.Name, authority.Address.Split('\n'), authority.ContactEmail),
            ChannelOptions = System.Text.Json.Nodes.JsonNode.Parse(authority.ChannelOptionsJson) as System.Text.Json.Nodes.JsonObject ?? [],
            ChosenByApplicant = isChosen,
            OriginalDeliveryId = stored.Original!.Id,
            OriginalReceipt = stored.Original.Receipt,
        };
    }
}
