namespace Sozialplattform.Storage.Entities;

/// <summary>A saved, unfinished application (save and resume), pinned to the form version it was started with.</summary>
public sealed class Draft
{
    public Guid Id { get; set; }
    public required string SecretHash { get; set; }
    public required string TenantId { get; set; }
    public required string FormId { get; set; }
    public required string FormVersion { get; set; }
    public required string ContentHash { get; set; }
    public required byte[] AnswersCipher { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>
    /// The signed-in citizen who owns the draft, as a blind index (<see cref="Submissions.AccountOwner"/>): lists it on
    /// their "Mein Konto" page. Null for drafts of forms without a login.
    /// </summary>
    public string? OwnerToken { get; set; }
}
