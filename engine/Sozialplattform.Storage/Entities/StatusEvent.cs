namespace Sozialplattform.Storage.Entities;

/// <summary>One step in a submission's status history; the applicant sees these on the status page.</summary>
public sealed class StatusEvent
{
    public long Id { get; set; }
    public Guid SubmissionId { get; set; }
    public SubmissionStatus Status { get; set; }

    /// <summary>Message to the applicant (e.g. which documents are missing), encrypted.</summary>
    public byte[]? MessageCipher { get; set; }

    public required string Actor { get; set; }
    public DateTime CreatedAt { get; set; }
}
