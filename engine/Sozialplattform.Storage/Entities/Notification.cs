namespace Sozialplattform.Storage.Entities;

/// <summary>
/// An e-mail to the applicant about a status change, written with the change in one transaction and sent
/// later with retries (like an outbox entry), so an unreachable mail server loses nothing.
/// </summary>
public sealed class Notification
{
    public Guid Id { get; set; }
    public Guid SubmissionId { get; set; }

    /// <summary>The authority whose caseworker changed the status; the e-mail is sent in its name.</summary>
    public required string TenantId { get; set; }
    public required string AuthorityId { get; set; }

    /// <summary>The status event the e-mail tells about.</summary>
    public long StatusEventId { get; set; }

    /// <summary>Same life cycle as an outbox entry: pending → delivering (claimed) → delivered, or dead.</summary>
    public OutboxStatus Status { get; set; }

    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTime? LockedUntil { get; set; }
    public string? LockedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
}
