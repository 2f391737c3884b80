using System.Text.Json.Nodes;
using Sozialplattform.Engine.Rules;

namespace Sozialplattform.Designer.Editing.Renaming;

/// <summary>
/// What one name chain of a rule means, resolved as the engine's <see cref="RuleBinder"/> resolves it: the first name
/// among the items of the innermost group, then outward to the root (the items of all pages); <c>row.x</c> in the
/// innermost repeating group; then member by member into plain groups as far as the form defines them. Each entry is
/// the element the name at that index stands for (null: <c>row</c> itself, which no rename changes).
/// </summary>
internal static class NameResolution
{
    public static IReadOnlyList<JsonObject?> Resolve(JsonObject form, IReadOnlyList<string> names, IReadOnlyList<JsonObject> groups)
    {
        for (var level = groups.Count - 1; level >= -1; level--)
        {
            var found = Find(RuleTexts.ItemsOf(form, level < 0 ? null : groups[level]), names[0]);
            if (found is not null) return Follow(names, 0, found, []);
        }

        if (names[0] == RuleBinder.RowName && names.Count > 1 && groups.LastOrDefault(RuleTexts.IsRepeating) is { } repeating
            && Find(RuleTexts.ItemsOf(form, repeating), names[1]) is { } inRow)
            return Follow(names, 1, inRow, [null]);
        return [];
    }

    /// <summary>A stable description of a resolution (element paths), to compare what a name means before and after a rename.</summary>
    public static string Describe(IReadOnlyList<JsonObject?> targets) =>
        targets.Count == 0 ? "-" : string.Join(" ", targets.Select(t => t is null ? "row" : t.GetPath()));

    private static List<JsonObject?> Follow(IReadOnlyList<string> names, int index, JsonObject found, List<JsonObject?> resolved)
    {
        resolved.Add(found);
        var target = found;
        for (var i = index + 1; i < names.Count && RuleTexts.IsGroup(target) && !RuleTexts.IsRepeating(target); i++)
        {
            if (Find(RuleTexts.ItemsOf(null!, target), names[i]) is not { } next) break;
            resolved.Add(next);
            target = next;
        }

        return resolved;
    }

    private static JsonObject? Find(IEnumerable<JsonObject> items, string key) => items.FirstOrDefault(i => i["key"]?.ToString() == key);
}
