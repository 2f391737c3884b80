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

    /// <summary>"Nachname, Vorname" of the applicant as found in the answers, encrypted (the list shows it).</summary>
    public byte[]? ApplicantNameCipher { get; set; }

    /// <summary>When someone of the authority last opened the case; the list marks a case new while this is before <see cref="LastActivityAt"/> (or never).</summary>
    public DateTime? LastOpenedAt { get; set; }

    /// <summary>The last time the applicant added something (the delivery itself, a hand-in); null means <see cref="ReceivedAt"/>.</summary>
    public DateTime? LastActivityAt { get; set; }

    /// <summary>The caseworker of the authority the case is assigned to ("meine Fälle"); null: not assigned.</summary>
    public Guid? AssigneeId { get; set; }

    /// <summary>Set when the authority forwarded the case to <see cref="ForwardedTo"/>: from then on this item is only a read-only stub.</summary>
    public DateTime? ForwardedAt { get; set; }

    public string? ForwardedTo { get; set; }
}
