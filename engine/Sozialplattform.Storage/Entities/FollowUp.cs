namespace Sozialplattform.Storage.Entities;

/// <summary>A Wiedervorlage: look at this submission again on <see cref="DueOn"/>.</summary>
public sealed class FollowUp
{
    public Guid Id { get; set; }
    public Guid SubmissionId { get; set; }
    public required string AuthorityId { get; set; }
    public DateOnly DueOn { get; set; }
    public required string Reason { get; set; }
    public Guid CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? DoneAt { get; set; }
}
