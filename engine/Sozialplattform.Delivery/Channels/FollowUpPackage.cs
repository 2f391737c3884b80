using System.Text.Json.Nodes;

namespace Sozialplattform.Delivery.Channels;

/// <summary>
/// A hand-in the applicant made after the submission, to deliver as a follow-up over the channel the submission used.
/// <see cref="DeliveryId"/> is the follow-up's own outbox entry (the same on every retry); <see cref="OriginalDeliveryId"/>
/// and <see cref="OriginalReceipt"/> are those of the submission's delivery to the same destination — the reference.
/// </summary>
public sealed record FollowUpPackage
{
    public required Guid DeliveryId { get; init; }
    public required Guid SubmissionId { get; init; }
    public required string ReferenceNumber { get; init; }

    /// <summary>The hand-in's own receipt number (<c>SP-…-N1</c>).</summary>
    public required string ReceiptNumber { get; init; }

    public required DateTime HandedInAt { get; init; }
    public required DateTime SubmittedAt { get; init; }
    public required string FormId { get; init; }
    public required string FormVersion { get; init; }
    public required string FormTitle { get; init; }
    public string? LeikaKey { get; init; }
    public required string Language { get; init; }

    /// <summary>The applicant's message, as typed (plain text; never markup to any receiver).</summary>
    public string? Message { get; init; }

    public IReadOnlyList<DeliveryFile> Files { get; init; } = [];
    public required DeliveryAuthority Authority { get; init; }
    public required JsonObject ChannelOptions { get; init; }
    public bool ChosenByApplicant { get; init; }

    /// <summary>The delivery id of the submission itself to this destination.</summary>
    public required Guid OriginalDeliveryId { get; init; }

    /// <summary>What the receiver answered to the submission (e.g. the FIT-Connect submission and case id).</summary>
    public string? OriginalReceipt { get; init; }
}

/// <summary>A channel that can deliver hand-ins as follow-ups to a submission it delivered before.</summary>
public interface IFollowUpChannel
{
    /// <summary>Same error contract as <see cref="IChannel.DeliverAsync"/>: failures as data, repeats of one delivery id tolerated.</summary>
    ValueTask<DeliveryResult> DeliverFollowUpAsync(FollowUpPackage package, CancellationToken cancellationToken);
}
