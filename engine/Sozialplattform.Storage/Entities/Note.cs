namespace Sozialplattform.Storage.Entities;

/// <summary>A caseworker's internal note on a submission (never shown to the applicant), encrypted.</summary>
public sealed class Note
{
    public Guid Id { get; set; }
    public Guid SubmissionId { get; set; }
    public Guid AuthorId { get; set; }
    public required byte[] TextCipher { get; set; }
    public DateTime CreatedAt { get; set; }
}
