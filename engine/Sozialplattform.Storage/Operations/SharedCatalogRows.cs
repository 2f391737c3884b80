namespace Sozialplattform.Storage.Operations;

/// <summary>
/// A form version published in the designer (table <c>published_form_versions</c>): inserted once, never updated or
/// deleted, so (form id, version) always means the same bytes, pinned by <see cref="ContentHash"/>.
/// </summary>
public sealed class PublishedFormVersion
{
    public required string FormId { get; set; }
    public required string Version { get; set; }
    public byte[] Content { get; set; } = [];
    public string ContentHash { get; set; } = "";

    /// <summary>The sample answers that travel with the version: a JSON object of file name → answers (<c>{}</c> for none).</summary>
    public string SampleAnswers { get; set; } = "{}";

    /// <summary>
    /// The service's files made in the designer that travel with the version — its checklist (<c>checklist.json</c>),
    /// decision letters (<c>letters/&lt;name&gt;.de.scriban</c>) and e-mail/PDF templates
    /// (<c>templates/&lt;template&gt;.&lt;lang&gt;.scriban</c>): a JSON object of path → text (<c>{}</c> for none).
    /// </summary>
    public string ServiceFiles { get; set; } = "{}";

    public string PublishedBy { get; set; } = "";
    public DateTime PublishedAt { get; set; }

    /// <summary>Who proposed the published draft and who approved it (review before publishing; empty for versions published before it).</summary>
    public string ProposedBy { get; set; } = "";
    public string ApprovedBy { get; set; } = "";
}

/// <summary>A designer draft (table <c>designer_drafts</c>): one per form; a save names the <see cref="ETag"/> it started from.</summary>
public sealed class DesignerDraftRow
{
    public required string FormId { get; set; }
    public byte[] Content { get; set; } = [];
    public string ETag { get; set; } = "";
    public string? BaseVersion { get; set; }
    public string SavedBy { get; set; } = "";
    public DateTime SavedAt { get; set; }
}

/// <summary>A form author's account (table <c>designer_authors</c>): the password only as its hash.</summary>
public sealed class DesignerAuthorRow
{
    public required string Login { get; set; }
    public string DisplayName { get; set; } = "";
    public string PasswordHash { get; set; } = "";
    public string? SecurityStamp { get; set; }

    /// <summary><c>author</c> (edit, propose) or <c>editor</c> (Redaktion: review, approve, publish); rows from before roles became <c>editor</c>.</summary>
    public string Role { get; set; } = "editor";
}

/// <summary>
/// A proposal to publish a designer draft (table <c>designer_proposals</c>), pinned to the draft's content by
/// <see cref="ETag"/>: an approval holds only for that content. Status moves open → approved → published, or to
/// returned (sent back with a comment) or superseded (a newer proposal of the form); each move is one conditional update.
/// </summary>
public sealed class DesignerProposalRow
{
    public required string Id { get; set; }
    public required string FormId { get; set; }
    public string ETag { get; set; } = "";
    public string Version { get; set; } = "";
    public string Status { get; set; } = "open";
    public string ProposedBy { get; set; } = "";
    public DateTime ProposedAt { get; set; }
    public string? ReviewedBy { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public string? Comment { get; set; }
    public string? PublishedBy { get; set; }
    public DateTime? PublishedAt { get; set; }

    /// <summary>The fingerprint of the draft's service files at the proposal (an approval holds only for exactly them); null for older proposals.</summary>
    public string? ServiceFiles { get; set; }
}

/// <summary>
/// A block or code list the designer added (table <c>shared_catalog_files</c>), by its path inside a catalog
/// (<c>codelists/&lt;id&gt;/&lt;version&gt;.json</c>): inserted once and never changed, so the path always means the same
/// bytes, pinned by <see cref="ContentHash"/>.
/// </summary>
public sealed class SharedCatalogFile
{
    public required string Path { get; set; }
    public byte[] Content { get; set; } = [];
    public string ContentHash { get; set; } = "";
    public string AddedBy { get; set; } = "";
    public DateTime AddedAt { get; set; }
}
