namespace Sozialplattform.Storage.Entities;

/// <summary>
/// A legal hold on a case (e.g. a pending lawsuit or objection): while one is active (<see cref="LiftedAt"/> null) the
/// retention job never deletes the case. Set and lifted by a lead of the authority, each with a reason (encrypted with
/// the hold's id as associated data: it may name a court file); the history stays with the case until it is deleted.
/// </summary>
public sealed class CaseHold
{
    public Guid Id { get; set; }
    public Guid SubmissionId { get; set; }
    public required string TenantId { get; set; }
    public required string AuthorityId { get; set; }
    public required byte[] ReasonCipher { get; set; }
    public required string SetBy { get; set; }
    public DateTime SetAt { get; set; }
    public string? LiftedBy { get; set; }
    public DateTime? LiftedAt { get; set; }
    public byte[]? LiftReasonCipher { get; set; }
}
