namespace Sozialplattform.Storage.Entities;

/// <summary>
/// A case file (Akte) of one authority: its file number (Aktenzeichen, unique within the authority) and the cases linked
/// to it (<see cref="InboxItem.DossierId"/>). Called dossier in code because a <c>CaseFile</c> is a handed-in file.
/// </summary>
public sealed class Dossier
{
    public Guid Id { get; set; }
    public required string TenantId { get; set; }
    public required string AuthorityId { get; set; }

    /// <summary>The Aktenzeichen as shown, upper case (so "soz-1" and "SOZ-1" are one file).</summary>
    public required string FileNumber { get; set; }

    /// <summary>Year and running number when the platform generated the file number (the next one counts on from the highest); null when a caseworker typed it.</summary>
    public int? Year { get; set; }

    public int? Sequence { get; set; }

    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
}
