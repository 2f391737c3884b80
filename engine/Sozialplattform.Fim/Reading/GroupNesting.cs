using Sozialplattform.Fim.Diagnostics;
using Sozialplattform.Fim.Model;

namespace Sozialplattform.Fim.Reading;

/// <summary>
/// Refuses a schema whose groups nest deeper than <see cref="MaxDepth"/>, naming the first group beyond it.
/// Measured on the model, not on the XML: a group is read once and may be used again further down, so a file of
/// shallow XML can still describe a deep form. Real Stammdatenschemata nest at most 5 groups; the definition reader
/// accepts JSON 64 levels deep and every group level costs two. Iterative, so no file can exhaust the stack here.
/// </summary>
public static class GroupNesting
{
    public const int MaxDepth = 16;
    private const int Cap = MaxDepth + 1;

    public static void Check(FimSchema schema, DiagnosticBag diagnostics)
    {
        var heights = Heights(schema);
        var children = schema.Children;
        for (var depth = 1; depth <= Cap; depth++)
        {
            var tooDeep = children.FirstOrDefault(u => u.Element is FimGroup group && depth - 1 + heights[group] > MaxDepth);
            if (tooDeep is null) return;
            if (depth == Cap)
            {
                diagnostics.Error(DiagnosticCodes.GroupTooDeep, tooDeep.Element.Identity, tooDeep.Line,
                    ("group", tooDeep.Element.Identity), ("depth", depth), ("limit", MaxDepth));
                return;
            }

            children = ((FimGroup)tooDeep.Element).Children;
        }
    }

    /// <summary>
    /// The height of every group (1 for a group without groups inside), capped at <see cref="Cap"/>, by an iterative
    /// depth-first walk. A group that contains itself counts its inner use as 0 (the mapper skips that use).
    /// </summary>
    private static Dictionary<FimGroup, int> Heights(FimSchema schema)
    {
        var heights = new Dictionary<FimGroup, int>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<(FimGroup Group, bool ChildrenDone)>();
        foreach (var group in Groups(schema.Children)) pending.Push((group, false));
        while (pending.TryPop(out var entry))
        {
            var (group, childrenDone) = entry;
            if (childrenDone)
            {
                heights[group] = Math.Min(Cap, 1 + Groups(group.Children).Select(c => heights[c]).DefaultIfEmpty(0).Max());
                continue;
            }

            if (!heights.TryAdd(group, 0)) continue;
            pending.Push((group, true));
            foreach (var child in Groups(group.Children))
                if (!heights.ContainsKey(child)) pending.Push((child, false));
        }

        return heights;
    }

    private static IEnumerable<FimGroup> Groups(IEnumerable<FimUsage> usages) => usages.Select(u => u.Element).OfType<FimGroup>();
}
