namespace Sozialplattform.Storage.Entities;

/// <summary>An uploaded file (or the submission's PDF), stored encrypted; belongs to a draft or a submission.</summary>
public sealed class Attachment
{
    public Guid Id { get; set; }
    public Guid? SubmissionId { get; set; }
    public Guid? DraftId { get; set; }
    public AttachmentPurpose Purpose { get; set; }

    /// <summary>Answer path of the file field (e.g. <c>nachweise.mietvertrag</c>); empty for the form PDF.</summary>
    public string? FieldPath { get; set; }

    public required string FileName { get; set; }
    public long Size { get; set; }
    public required string MediaType { get; set; }

    /// <summary>SHA-256 (hex) of the plain bytes, as listed in the PDF.</summary>
    public required string Sha256 { get; set; }

    public required byte[] ContentCipher { get; set; }
    public DateTime CreatedAt { get; set; }
}

public enum AttachmentPurpose
{
    /// <summary>The submission's own PDF.</summary>
    Form,

    /// <summary>A document the applicant uploaded.</summary>
    Attachment,
}
