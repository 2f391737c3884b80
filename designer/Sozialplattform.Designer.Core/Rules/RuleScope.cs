using System.Text.Json.Nodes;
using Sozialplattform.Designer.Documents;
using Sozialplattform.Engine.Catalog;
using Sozialplattform.Engine.Rules;

namespace Sozialplattform.Designer.Rules;

/// <summary>
/// The names a rule can read where it is written, resolved the way <see cref="RuleBinder"/> resolves them: siblings of
/// the rule's element, then outward through the enclosing groups to the root (the items of all pages); inside a
/// repeating group also <c>row</c> and <c>rowIndex</c>; in a field's own validations <c>value</c>.
/// </summary>
public sealed class RuleScope
{
    private RuleScope(IReadOnlyList<ScopeName> names, IReadOnlyList<ScopeLevel> levels)
    {
        Names = names;
        Levels = levels;
    }

    public IReadOnlyList<ScopeName> Names { get; }

    /// <summary>The groups the rule sits in, outermost first: where their answers are, and whether each repeats.</summary>
    internal IReadOnlyList<ScopeLevel> Levels { get; }

    public bool InRepeatingGroup => Levels.Any(l => l.Repeating);

    /// <param name="element">The page, field or group the rule belongs to (the form itself: the root path).</param>
    /// <param name="property">The rule's property: visibleIf, requiredIf, readOnlyIf, value, or validations.</param>
    public static RuleScope For(JsonObject form, DocumentPath element, string property, CatalogDirectory? catalog = null)
    {
        var levels = LevelsOf(form, element, property);
        var names = new List<ScopeName>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        for (var i = levels.Count - 1; i >= 0; i--)
        {
            foreach (var item in levels[i].Items)
            {
                var key = item["key"]?.ToString() ?? "";
                if (key.Length == 0 || !taken.Add(key)) continue;
                names.Add(Name(key, item, levels.Count - 1 - i));
                foreach (var member in Members(item, catalog))
                    names.Add(Name($"{key}.{member["key"]}", member, levels.Count - 1 - i));
            }
        }

        if (levels.Any(l => l.Repeating))
        {
            names.Add(new ScopeName(RuleBinder.RowName, ScopeNameKind.Row, "object", "", 0));
            names.Add(new ScopeName(RuleBinder.RowIndexName, ScopeNameKind.RowIndex, "integer", "", 0));
        }

        if (property == "validations" && element.Find(form) is JsonObject owner && owner["type"]?.ToString() is { } type && type is not ("group" or "page"))
            names.Add(new ScopeName(RuleBinder.ValueName, ScopeNameKind.Value, type, "", 0));
        return new RuleScope(names, levels);
    }

    private static ScopeName Name(string name, JsonObject item, int level)
    {
        var type = item["type"]?.ToString() ?? "";
        var kind = type != "group" ? ScopeNameKind.Field : item["repeat"] is JsonObject ? ScopeNameKind.RepeatingGroup : ScopeNameKind.Group;
        return new ScopeName(name, kind, type, Outline.FormOutline.Label(item, "label", "title"), level);
    }

    /// <summary>Items of a plain group (inline or from its building block): <c>antragsteller.geburtsdatum</c>.</summary>
    internal static IEnumerable<JsonObject> Members(JsonObject item, CatalogDirectory? catalog)
    {
        if (item["type"]?.ToString() != "group" || item["repeat"] is JsonObject) return [];
        if (item["items"] is JsonArray items) return items.OfType<JsonObject>();
        if (item["block"]?.ToString() is { } block && catalog is not null && block.Split('@') is [var id, var version]
            && catalog.Block(id, version) is { } file && JsonNode.Parse(file.Text) is JsonObject json)
            return (json["items"] as JsonArray ?? []).OfType<JsonObject>();
        return [];
    }

    /// <summary>The containers from the root inward whose items are in scope, with the data path segment of each.</summary>
    private static List<ScopeLevel> LevelsOf(JsonObject form, DocumentPath element, string property)
    {
        var rootItems = (form["pages"] as JsonArray ?? []).OfType<JsonObject>().SelectMany(p => (p["items"] as JsonArray ?? []).OfType<JsonObject>()).ToList();
        var levels = new List<ScopeLevel> { new(null, false, rootItems) };
        var segments = element.Segments;
        // pages[i] . items[j] . items[k] …: every "items[n]" but the last is a group the rule sits in.
        var groups = new List<JsonObject>();
        for (var i = 2; i + 1 < segments.Count; i += 2)
        {
            if (segments[i] is not "items" || segments[i + 1] is not int) break;
            if (DocumentPathOf(segments, i + 2).Find(form) is JsonObject group) groups.Add(group);
        }

        if (groups.Count > 0) groups.RemoveAt(groups.Count - 1);
        if (property == "validations" && element.Find(form) is JsonObject self && self["type"]?.ToString() == "group") groups.Add(self);
        foreach (var group in groups)
            levels.Add(new ScopeLevel(group["key"]?.ToString(), group["repeat"] is JsonObject, (group["items"] as JsonArray ?? []).OfType<JsonObject>().ToList()));
        return levels;
    }

    private static DocumentPath DocumentPathOf(IReadOnlyList<object> segments, int count)
    {
        var path = DocumentPath.Root;
        foreach (var segment in segments.Take(count)) path = segment is int index ? path.Index(index) : path.Property((string)segment);
        return path;
    }
}

/// <summary>One level of a rule's scope: a group (or the root) with its key, whether it repeats, and its items.</summary>
internal sealed record ScopeLevel(string? Key, bool Repeating, IReadOnlyList<JsonObject> Items);
