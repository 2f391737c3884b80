namespace Sozialplattform.Storage.Entities;

/// <summary>
/// An e-mail waiting to be sent with retries (like an outbox entry), so an unreachable mail server loses nothing. Two
/// kinds: a status e-mail to the applicant (<see cref="NotificationKind.StatusChange"/>, written with the change in one
/// transaction and composed when sent), or a mail any area composed itself (<see cref="NotificationKind.Mail"/>, queued
/// through <see cref="Notifications.MailQueue"/>, its content stored encrypted).
/// </summary>
public sealed class Notification
{
    public Guid Id { get; set; }
    public NotificationKind Kind { get; set; }

    /// <summary>The submission a status e-mail tells about; null for other mails.</summary>
    public Guid? SubmissionId { get; set; }

    /// <summary>The tenant; for a status e-mail also the authority whose caseworker changed the status (it is sent in its name).</summary>
    public required string TenantId { get; set; }
    public string? AuthorityId { get; set; }

    /// <summary>The status event a status e-mail tells about.</summary>
    public long? StatusEventId { get; set; }

    /// <summary>A short label without personal data for logs, e.g. <c>appointment.reminder</c>.</summary>
    public string? Purpose { get; set; }

    /// <summary>The composed mail of kind <see cref="NotificationKind.Mail"/> (JSON, encrypted with the row's id as associated data).</summary>
    public byte[]? MailCipher { get; set; }

    /// <summary>Makes queueing idempotent: one row per key, ever (unique), so a job that runs twice queues a mail once.</summary>
    public string? DeduplicationKey { get; set; }

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

public enum NotificationKind
{
    StatusChange = 0,
    Mail = 1,
}
