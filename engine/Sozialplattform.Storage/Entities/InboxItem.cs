namespace Sozialplattform.Storage.Entities;

/// <summary>A submission delivered into an authority's built-in inbox. Unique per delivery id, so a repeated delivery is a no-op.</summary>
public sealed class InboxItem
{
    public Guid Id { get; set; }
    public Guid DeliveryId { get; set; }
    public Guid SubmissionId { get; set; }
    public required string TenantId { get; set; }
    public required string AuthorityId { get; set; }
    public DateTime ReceivedAt { get; set; }

    /// <summary>A copy of the submission's status, changed with it (<c>CaseworkerActions</c>): the list counts a status without joining the submissions.</summary>
    public SubmissionStatus Status { get; set; }

    /// <summary>"Nachname, Vorname" of the applicant as found in the answers, encrypted (the list shows it).</summary>
    public byte[]? ApplicantNameCipher { get; set; }

    /// <summary>When someone of the authority last opened the case; the list marks a case new while this is before <see cref="LastActivityAt"/> (or never).</summary>
    public DateTime? LastOpenedAt { get; set; }

    /// <summary>The last time the applicant added something (the delivery itself, a hand-in); null means <see cref="ReceivedAt"/>.</summary>
    public DateTime? LastActivityAt { get; set; }

    /// <summary>
    /// When the case last changed for the authority's specialist system: its arrival (delivery or forwarding) or the
    /// applicant's latest hand-in. The API's "new and changed since" list is ordered and paged by it (indexed).
    /// </summary>
    public DateTime ChangedAt { get; set; }

    /// <summary>When the authority's specialist system last confirmed it took the case over the API; the case is new for it again when it changed later.</summary>
    public DateTime? AcknowledgedAt { get; set; }

    /// <summary>The caseworker of the authority the case is assigned to ("meine Fälle"); null: not assigned.</summary>
    public Guid? AssigneeId { get; set; }

    /// <summary>Set when the authority forwarded the case to <see cref="ForwardedTo"/>: from then on this item is only a read-only stub.</summary>
    public DateTime? ForwardedAt { get; set; }

    public string? ForwardedTo { get; set; }

    /// <summary>The authority's case file (Akte) the case belongs to; cases of the same applicant or household share one. Null: no file yet.</summary>
    public Guid? DossierId { get; set; }

    /// <summary>
    /// The file or customer number the application named in the field its form declares (<c>caseFileField</c>) when the
    /// authority had no file of that number on arrival, encrypted: shown to the caseworker as a suggestion, never opened
    /// as a file by itself. Null when the number was linked or none was named.
    /// </summary>
    public byte[]? SuggestedFileNumberCipher { get; set; }

    /// <summary>The team of the authority the case is assigned to ("mein Team"); null: no team.</summary>
    public Guid? TeamId { get; set; }
}
