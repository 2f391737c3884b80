namespace Sozialplattform.Storage.Entities;

/// <summary>One delivery of one submission to one destination. <see cref="Id"/> is the stable delivery id every retry carries.</summary>
public sealed class OutboxEntry
{
    public Guid Id { get; set; }
    public Guid SubmissionId { get; set; }
    public required string TenantId { get; set; }
    public required string AuthorityId { get; set; }
    public required string Channel { get; set; }
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTime? LockedUntil { get; set; }
    public string? LockedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? DeliveredAt { get; set; }

    /// <summary>What the receiver answered (e.g. the FIT-Connect submission id), for operators.</summary>
    public string? Receipt { get; set; }

    /// <summary>
    /// A follow-up: the applicant's later hand-in (<see cref="CaseMessage"/> of kind <c>HandIn</c>) this entry delivers,
    /// over the channel and to the destination of the submission's own entry. Null for the submission itself.
    /// </summary>
    public Guid? MessageId { get; set; }
}

public enum OutboxStatus
{
    Pending,
    Delivering,
    Delivered,
    Dead,

    /// <summary>Withdrawn before it was sent (only queued mails: e.g. the reminder of a cancelled appointment).</summary>
    Cancelled,
}
