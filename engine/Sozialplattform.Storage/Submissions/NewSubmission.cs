namespace Sozialplattform.Storage.Submissions;

/// <summary>What the portal hands over when the server has accepted an application.</summary>
public sealed record NewSubmission
{
    public required string TenantId { get; init; }
    public required string FormId { get; init; }
    public required string FormVersion { get; init; }
    public required string ContentHash { get; init; }
    public required string FormTitle { get; init; }
    public string? LeikaKey { get; init; }
    public required string Language { get; init; }

    /// <summary>The answers as the engine normalised them (hidden fields dropped).</summary>
    public required string AnswersJson { get; init; }

    /// <summary>
    /// The reference number, when the caller needs it before storing (e.g. to print it on the PDF); drawn with
    /// <see cref="ReferenceNumbers.New"/>. Null: the store draws one.
    /// </summary>
    public string? ReferenceNumber { get; init; }

    /// <summary>Unique per submit attempt (e.g. chosen when the summary page is rendered).</summary>
    public required string IdempotencyKey { get; init; }

    public string? PostalCode { get; init; }
    public string? Kreisschluessel { get; init; }
    public string? ApplicantEmail { get; init; }

    /// <summary>
    /// The submission PDF, when the caller renders it before the accept. The portal leaves it null: the PDF is then rendered
    /// once after the accept (<see cref="FormPdfStore"/>, before the first delivery) from what is stored, and every channel
    /// sends that same document.
    /// </summary>
    public byte[]? Pdf { get; init; }

    /// <summary>The authority the PDF rendered after the accept names (its name and address at the moment of the submit).</summary>
    public PdfAuthority? PdfAuthority { get; init; }

    /// <summary>The moment of the submit as the caller printed it (the PDF's date); null: the store's clock.</summary>
    public DateTimeOffset? SubmittedAt { get; init; }

    public IReadOnlyList<NewAttachment> Attachments { get; init; } = [];

    /// <summary>A draft whose uploaded attachments move to the submission; the draft is deleted in the same transaction.</summary>
    public Guid? DraftId { get; init; }

    /// <summary>Which of the draft's uploads go with the submission; the draft's other uploads are deleted in the same transaction.</summary>
    public DraftUploads DraftUploads { get; init; } = DraftUploads.All;

    /// <summary>The pseudonym of the signed-in citizen who sends it (their "Mein Konto" lists it, <see cref="AccountOwner"/>); null without a login.</summary>
    public string? OwnerPseudonym { get; init; }

    /// <summary>Answers taken from the citizen's account: answer path → level of the login (shown in the PDF and the inbox).</summary>
    public IReadOnlyDictionary<string, string> Prefilled { get; init; } = new Dictionary<string, string>();
}

/// <summary>What becomes of a draft's uploads when it is submitted (<see cref="NewSubmission.DraftUploads"/>).</summary>
public sealed class DraftUploads
{
    private DraftUploads(IReadOnlySet<Guid>? keep, bool any) => (Keep, Any) = (keep, any);

    /// <summary>Every upload of the draft goes with the submission.</summary>
    public static DraftUploads All { get; } = new(null, any: true);

    /// <summary>
    /// The draft cannot have uploads (its form has no file fields: uploads are stored only for file fields), so the
    /// accept neither moves nor deletes any — two statements fewer in its transaction.
    /// </summary>
    public static DraftUploads None { get; } = new(null, any: false);

    /// <summary>Only the uploads the submitted answers refer to go with it; the others (a removed file, files of fields hidden at submit) are deleted.</summary>
    public static DraftUploads Only(IReadOnlySet<Guid> keep) => new(keep, any: true);

    /// <summary>The ids to keep; null: all (or none at all, when <see cref="Any"/> is false).</summary>
    public IReadOnlySet<Guid>? Keep { get; }

    /// <summary>False when the draft cannot have uploads.</summary>
    public bool Any { get; }
}

/// <summary>An uploaded document that is handed over with the submission.</summary>
public sealed record NewAttachment(string FieldPath, string FileName, string MediaType, byte[] Content);

/// <summary>The authority printed on the PDF: its name and address lines.</summary>
public sealed record PdfAuthority(string Name, IReadOnlyList<string> Address);

/// <summary>One destination the routing chose: which authority, over which channel.</summary>
public sealed record Destination(string AuthorityId, string Channel);

/// <summary>
/// The stored submission; <see cref="Created"/> is false when the idempotency key was seen before and
/// the first submission is returned. <see cref="StatusSecret"/> opens the status page.
/// </summary>
public sealed record AcceptResult(Entities.Submission Submission, bool Created, string StatusSecret);
