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

    /// <summary>The case message the file came with (a later hand-in, a decision); null for the files of the submission itself.</summary>
    public Guid? MessageId { get; set; }
}

public enum AttachmentPurpose
{
    /// <summary>The submission's own PDF.</summary>
    Form,

    /// <summary>A document the applicant uploaded.</summary>
    Attachment,

    /// <summary>A document the applicant handed in later, on the status page (with a <see cref="CaseMessage"/>).</summary>
    HandIn,

    /// <summary>A decision or letter of the authority to the applicant (with a <see cref="CaseMessage"/>).</summary>
    Decision,
}
