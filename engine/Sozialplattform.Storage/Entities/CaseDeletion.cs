namespace Sozialplattform.Storage.Entities;

/// <summary>
/// The deletion log: one row per case deleted after its retention period, keeping only what proves the deletion —
/// reference, service, dates and who approved it — and nothing of the applicant. Unique per submission, so two job runs
/// at once log (and delete) a case once.
/// </summary>
public sealed class CaseDeletion
{
    public long Id { get; set; }
    public Guid SubmissionId { get; set; }
    public required string TenantId { get; set; }

    /// <summary>The authority whose inbox had the case when it was deleted (after forwarding: the new one); its leads see the row. Null in rows logged before it was kept.</summary>
    public string? AuthorityId { get; set; }

    public required string ReferenceNumber { get; set; }

    /// <summary>The service: the form's id and version.</summary>
    public required string FormId { get; set; }

    public required string FormVersion { get; set; }
    public DateTime SubmittedAt { get; set; }
    public DateTime ClosedAt { get; set; }

    /// <summary>The retention period that applied, in days.</summary>
    public int RetentionDays { get; set; }

    public DateTime DeletedAt { get; set; }

    /// <summary>Who approved: <c>system</c> (the tenant's retention period in <c>tenant.json</c> is the authority's standing approval).</summary>
    public required string ApprovedBy { get; set; }
}
