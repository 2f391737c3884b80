namespace Sozialplattform.Counselling.Storage;

public enum CallState
{
    /// <summary>Started by a counsellor; the seeker may accept or decline until <see cref="VideoCallRow.ExpiresAt"/>.</summary>
    Ringing,

    /// <summary>Accepted by the seeker: the two bound connections may exchange signalling until <see cref="VideoCallRow.ExpiresAt"/>.</summary>
    Accepted,

    /// <summary>Declined by the seeker.</summary>
    Declined,

    /// <summary>Hung up by either side, replaced by a newer call of the conversation, or left by a closed connection.</summary>
    Ended,
}

/// <summary>
/// One video call of a conversation: who started it, whose seeker it rings, its state and how long its join right holds.
/// The right is bound to the conversation, to the two people and to the one hub connection each joined with — never a
/// secret in a link. No content: the media go peer to peer (or through the tenant's TURN relay), never through the platform.
/// </summary>
public sealed class VideoCallRow
{
    public Guid Id { get; set; }
    public Guid ConversationId { get; set; }
    public Guid SeekerId { get; set; }

    /// <summary>The centre account that started the call.</summary>
    public Guid CounsellorId { get; set; }
    public CallState State { get; set; }

    /// <summary>The hub connection that started the call (SignalR's connection id, not its connection token).</summary>
    public required string CounsellorConnection { get; set; }

    /// <summary>The hub connection that accepted it; null while ringing.</summary>
    public string? SeekerConnection { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? AcceptedAt { get; set; }
    public DateTime? EndedAt { get; set; }

    /// <summary>While ringing: the end of the time to accept. Once accepted: the end of the longest call.</summary>
    public DateTime ExpiresAt { get; set; }
}
