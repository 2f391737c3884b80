namespace Sozialplattform.Catalog.Bundles;

/// <summary>
/// What an import did (or, with dry run, would do): each item of the bundle is new or already there unchanged; the id of
/// the trusted key that signed it, or null for an unsigned bundle the operator accepted.
/// </summary>
public sealed record BundleImportReport(IReadOnlyList<BundleImportItem> Items, string? SignedBy, bool DryRun)
{
    public IEnumerable<BundleImportItem> New => Items.Where(i => i.Status == BundleImportStatus.New);
    public IEnumerable<BundleImportItem> Unchanged => Items.Where(i => i.Status == BundleImportStatus.Unchanged);
}

public sealed record BundleImportItem(BundleItemKind Kind, CatalogReference Reference, string Path, BundleImportStatus Status);

public enum BundleImportStatus { New, Unchanged }
