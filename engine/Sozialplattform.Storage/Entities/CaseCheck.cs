namespace Sozialplattform.Storage.Entities;

/// <summary>
/// One ticked item of a case's checklist (declared per service in <c>checklist.json</c> beside its form): who ticked it
/// and when. An unticked item has no row.
/// </summary>
public sealed class CaseCheck
{
    public Guid SubmissionId { get; set; }

    /// <summary>The item's id as the service declares it.</summary>
    public required string ItemId { get; set; }

    public required string TenantId { get; set; }
    public required string AuthorityId { get; set; }

    /// <summary>The display name of the caseworker who ticked it.</summary>
    public required string CheckedBy { get; set; }

    public DateTime CheckedAt { get; set; }
}
