namespace Sozialplattform.Storage.Entities;

/// <summary>An accepted application. Personal data (answers, e-mail) is stored only encrypted.</summary>
public sealed class Submission
{
    public Guid Id { get; set; }

    /// <summary>Human reference like <c>SP-2026-7K3M-Q9TD</c>; random, so it cannot be guessed from another one.</summary>
    public required string ReferenceNumber { get; set; }

    public required string TenantId { get; set; }
    public required string FormId { get; set; }
    public required string FormVersion { get; set; }
    public required string ContentHash { get; set; }
    public required string FormTitle { get; set; }
    public string? LeikaKey { get; set; }
    public required string Language { get; set; }
    public required byte[] AnswersCipher { get; set; }
    public byte[]? ApplicantEmailCipher { get; set; }
    public string? PostalCode { get; set; }
    public string? Kreisschluessel { get; set; }
    public DateTime CreatedAt { get; set; }
    public SubmissionStatus Status { get; set; }

    /// <summary>SHA-256 of the status-page secret; the secret itself is only ever shown to the applicant.</summary>
    public required string StatusSecretHash { get; set; }

    /// <summary>Chosen by the portal per submit attempt; a second submit with the same key returns this submission.</summary>
    public required string IdempotencyKey { get; set; }

    /// <summary>The signed-in citizen who sent it, as a blind index (<see cref="Submissions.AccountOwner"/>); null when sent without a login.</summary>
    public string? OwnerToken { get; set; }

    /// <summary>Answers taken from the citizen's account: JSON object answer path → level of the login (no personal data); null when none.</summary>
    public string? PrefilledJson { get; set; }

    /// <summary>
    /// The authority printed on the authorities' PDF as it was at the submit (name; address lines joined by a line break),
    /// kept because the PDF is rendered after the accept (<c>FormPdfStore</c>) and the tenant's configuration may change
    /// meanwhile; null for submissions stored with their PDF.
    /// </summary>
    public string? PdfAuthorityName { get; set; }

    public string? PdfAuthorityAddress { get; set; }
}
