using Sozialplattform.Fim.Model;

namespace Sozialplattform.Fim.Mapping;

/// <summary>
/// Finds the groups used in several places (same id and version), which become shared blocks instead of copies.
/// Uses are counted per distinct container: a group inside a block counts once, however often the block is used.
/// </summary>
public static class BlockPlanner
{
    public static IReadOnlySet<FimIdentity> SharedGroups(FimSchema schema)
    {
        var uses = new Dictionary<FimIdentity, int>();
        var visited = new HashSet<FimIdentity>();
        var pending = new Stack<IReadOnlyList<FimUsage>>();
        pending.Push(schema.Children);
        while (pending.TryPop(out var children))
        {
            foreach (var group in children.Select(u => u.Element).OfType<FimGroup>())
            {
                uses[group.Identity] = uses.GetValueOrDefault(group.Identity) + 1;
                if (visited.Add(group.Identity)) pending.Push(group.Children);
            }
        }

        return uses.Where(u => u.Value > 1).Select(u => u.Key).ToHashSet();
    }
}
