using Sozialplattform.Catalog;
using Sozialplattform.Designer.Diff;

namespace Sozialplattform.Designer.Versions;

/// <summary>
/// The next version the designer proposes for a change, and the changes that decided it; <see cref="Unchanged"/> when the
/// draft says nothing the published version does not (nothing to publish, no version proposed).
/// </summary>
public sealed record VersionProposal(string Version, Impact Impact, IReadOnlyList<DiffEntry> Reasons, bool Unchanged = false)
{
    /// <summary>
    /// The next semantic version after <paramref name="published"/> for these changes: the highest impact of any change
    /// raises its part and resets the lower ones. With no changes at all, nothing is proposed: the published version stays.
    /// </summary>
    public static VersionProposal For(string published, IReadOnlyList<DiffEntry> changes)
    {
        if (changes.Count == 0) return new VersionProposal(published, Impact.Patch, [], Unchanged: true);
        var version = SemanticVersion.Parse(published);
        var impact = changes.Max(ChangeImpact.Of);
        var next = impact switch
        {
            Impact.Major => $"{version.Major + 1}.0.0",
            Impact.Minor => $"{version.Major}.{version.Minor + 1}.0",
            _ => $"{version.Major}.{version.Minor}.{version.Patch + 1}",
        };
        return new VersionProposal(next, impact, changes.Where(c => ChangeImpact.Of(c) == impact).ToList());
    }
}
