namespace Sozialplattform.Designer.Workspace;

/// <summary>Where the designer reads and publishes forms (the catalog) and keeps drafts.</summary>
public sealed record WorkspaceOptions
{
    /// <summary>The catalog folder (with catalog.json): published versions are read from and written to forms/&lt;id&gt;/&lt;version&gt;/.</summary>
    public required string CatalogDirectory { get; init; }

    /// <summary>Where drafts live, one folder per form id; outside the catalog so that drafts never count as published.</summary>
    public required string DraftDirectory { get; init; }
}
