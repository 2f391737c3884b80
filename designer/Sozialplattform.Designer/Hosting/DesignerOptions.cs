namespace Sozialplattform.Designer.Hosting;

/// <summary>
/// The designer's settings (section <c>Designer</c>): the catalog it edits and publishes to, where drafts and author
/// accounts live, and whether a development author is created on first start.
/// </summary>
public sealed record DesignerOptions
{
    public const string Section = "Designer";

    /// <summary>The catalog folder (with catalog.json). Default: <c>forms-catalog</c> in the content root.</summary>
    public string CatalogDirectory { get; init; } = "forms-catalog";

    /// <summary>Drafts (<c>drafts/</c>) and author accounts (<c>authors.json</c>). Default: <c>data/designer</c>.</summary>
    public string DataDirectory { get; init; } = Path.Combine("data", "designer");

    /// <summary>Creates the development author (docs/DESIGNER.md) when there is no author yet. Only ever true in Development.</summary>
    public bool SeedDevelopmentAuthor { get; init; }

    /// <summary>Authors sign in with a TOTP code besides the password (enrolment at their first login). On unless switched off.</summary>
    public bool RequireSecondFactor { get; init; } = true;
}
