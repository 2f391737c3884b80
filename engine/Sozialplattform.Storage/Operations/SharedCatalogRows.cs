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

    public string PublishedBy { get; set; } = "";
    public DateTime PublishedAt { get; set; }
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
