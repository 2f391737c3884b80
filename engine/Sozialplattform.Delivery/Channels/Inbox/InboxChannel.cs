using Sozialplattform.Storage.Inbox;

namespace Sozialplattform.Delivery.Channels.Inbox;

/// <summary>
/// The built-in inbox: the submission stays in this database and appears in the authority's inbox.
/// Without a database (<paramref name="inbox"/> null, e.g. when only checking configuration) it cannot deliver.
/// </summary>
public sealed class InboxChannel(InboxWriter? inbox) : Channel<InboxChannelOptions>
{
    public const string Name = "inbox";

    public override string Type => Name;

    protected override IReadOnlyList<string> Validate(InboxChannelOptions options) => [];

    protected override async ValueTask<DeliveryResult> DeliverAsync(DeliveryPackage package, InboxChannelOptions options, CancellationToken cancellationToken)
    {
        if (inbox is null) return DeliveryResult.Failed("the inbox channel of this process has no database", retryable: false);
        var (itemId, created) = await inbox.ReceiveAsync(package.DeliveryId, package.SubmissionId, package.Authority.TenantId, package.Authority.Id, package.CaseFileNumber, cancellationToken);
        return DeliveryResult.Delivered(created ? $"inbox item {itemId}" : $"inbox item {itemId} (already received)");
    }
}

/// <summary>The inbox takes no options.</summary>
public sealed class InboxChannelOptions;
