namespace Sozialplattform.Storage.Entities;

/// <summary>
/// One message of a case, either way: a later hand-in of the applicant (text and files, with its own receipt number),
/// or a message or decision of the authority to the applicant (with the time the applicant first opened it).
/// The text is stored encrypted with the message's id as associated data.
/// </summary>
public sealed class CaseMessage
{
    public Guid Id { get; set; }
    public Guid SubmissionId { get; set; }
    public CaseMessageKind Kind { get; set; }

    /// <summary>The authority that sent it, or the one whose case it was handed in to.</summary>
    public required string TenantId { get; set; }
    public required string AuthorityId { get; set; }

    /// <summary>The caseworker's login, or <c>applicant</c>.</summary>
    public required string Actor { get; set; }

    public byte[]? TextCipher { get; set; }

    /// <summary>Hand-ins only: <c>SP-…-N1</c>, <c>SP-…-N2</c>, … — the reference number and the hand-in's number in the case.</summary>
    public string? ReceiptNumber { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Messages and decisions only: when the applicant first opened the status page after it, or downloaded its file.</summary>
    public DateTime? FirstOpenedAt { get; set; }
}

public enum CaseMessageKind
{
    /// <summary>Documents and a message the applicant handed in after the submission.</summary>
    HandIn,

    /// <summary>A message of the authority to the applicant.</summary>
    Message,

    /// <summary>A decision (Bescheid) or letter of the authority, as a PDF.</summary>
    Decision,

    /// <summary>The case was forwarded to another authority (<see cref="CaseMessage.AuthorityId"/>); the text is the reason. Internal: the applicant sees only the new authority.</summary>
    Forwarded,
}
