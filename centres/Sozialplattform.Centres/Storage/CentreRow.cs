namespace Sozialplattform.Centres.Storage;

/// <summary>
/// One centre in the database. <see cref="Working"/> is the copy editors change; <see cref="Published"/> the one the
/// public sees — it stays as it was while a change is in review. Both are <see cref="Records.CentreJson"/>.
/// </summary>
public sealed class CentreRow
{
    public Guid Id { get; set; }
    public required string Tenant { get; set; }
    public string? ExternalId { get; set; }
    public required string CarrierKey { get; set; }
    public required string Name { get; set; }
    public CentreStatus Status { get; set; }
    public required string Working { get; set; }
    public string? Published { get; set; }
    public DateTime? PublishedAt { get; set; }
    public DateTime? LastConfirmedAt { get; set; }
    public DateTime? ReminderSentAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Raised by every write; an editor's save names the revision it started from (optimistic concurrency).</summary>
    public int Revision { get; set; }
}

/// <summary>The state of the working copy; a published centre with a change in review is <see cref="InReview"/> and still public.</summary>
public enum CentreStatus
{
    Draft,
    InReview,
    Published,
    Archived,
}

/// <summary>One changed field of one step (who, when, which field, old and new value), or a step without field changes.</summary>
public sealed class CentreChangeRow
{
    public long Id { get; set; }
    public Guid CentreId { get; set; }
    public DateTime At { get; set; }
    public required string Who { get; set; }
    public required string Action { get; set; }
    public string? Field { get; set; }
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
}
