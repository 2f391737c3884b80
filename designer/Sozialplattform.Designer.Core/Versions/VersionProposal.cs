using Sozialplattform.Catalog;
using Sozialplattform.Designer.Diff;

namespace Sozialplattform.Designer.Versions;

/// <summary>The next version the designer proposes for a change, and the changes that decided it.</summary>
public sealed record VersionProposal(string Version, Impact Impact, IReadOnlyList<DiffEntry> Reasons)
{
    /// <summary>
    /// The next semantic version after <paramref name="published"/> for these changes: the highest impact of any change
    /// raises its part and resets the lower ones. With no changes at all, the patch is raised.
    /// </summary>
    public static VersionProposal For(string published, IReadOnlyList<DiffEntry> changes)
    {
        var version = SemanticVersion.Parse(published);
        var impact = changes.Count == 0 ? Impact.Patch : changes.Max(ChangeImpact.Of);
        var next = impact switch
        {
            Impact.Major => $"{version.Major + 1}.0.0",
            Impact.Minor => $"{version.Major}.{version.Minor + 1}.0",
            _ => $"{version.Major}.{version.Minor}.{version.Patch + 1}",
        };
        return new VersionProposal(next, impact, changes.Where(c => ChangeImpact.Of(c) == impact).ToList());
    }
}
