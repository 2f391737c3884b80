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
}
