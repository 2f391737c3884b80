using System.Text.Json.Nodes;
using Sozialplattform.Designer.Documents;
using Sozialplattform.Engine.Catalog;

namespace Sozialplattform.Designer.Rules.Conditions;

/// <summary>A choice the value of a condition can take: the option's code and its German label.</summary>
public sealed record ConditionOption(string Code, string Label);

/// <summary>
/// A field the builder offers where the rule is written: its name in the rule, label, type, the operators its type
/// allows, its options (inline or from the code list), and whether it is an answer "in derselben Zeile" of the
/// repeating group the rule sits in.
/// </summary>
public sealed record ConditionField(string Name, string Label, string Type, bool InSameRow, IReadOnlyList<ConditionOperator> Operators, IReadOnlyList<ConditionOption> Options)
{
    /// <summary>A repeating group: its rows can be counted and its number columns summed.</summary>
    public bool Repeating { get; init; }

    /// <summary>The number columns of a repeating group (key and label), for "Summe der Spalte".</summary>
    public IReadOnlyList<ConditionOption> NumberColumns { get; init; } = [];
}

public static class ConditionFields
{
    public static IReadOnlyList<ConditionField> For(JsonObject form, DocumentPath element, string property, CatalogDirectory? catalog = null)
    {
        var scope = RuleScope.For(form, element, property, catalog);
        var innermostRepeats = scope.Levels.Count > 0 && scope.Levels[^1].Repeating;
        var fields = new List<ConditionField>();
        foreach (var name in scope.Names.Where(n => n.Kind is ScopeNameKind.Field or ScopeNameKind.Value or ScopeNameKind.Group or ScopeNameKind.RepeatingGroup))
        {
            if (name.Type is "info") continue;
            var item = name.Kind == ScopeNameKind.Value ? element.Find(form) as JsonObject : Find(scope, name.Name, catalog);
            var label = name.Kind == ScopeNameKind.Value ? "dieses Feld" : name.Label.Length > 0 ? name.Label : name.Name;
            var type = name.Kind is ScopeNameKind.Group or ScopeNameKind.RepeatingGroup ? "group" : name.Type;
            fields.Add(new ConditionField(name.Name, label, type, innermostRepeats && name.Level == 0 && name.Kind != ScopeNameKind.Value,
                ConditionOperators.For(type), item is null ? [] : Options(item, catalog))
            {
                Repeating = name.Kind == ScopeNameKind.RepeatingGroup,
                NumberColumns = name.Kind == ScopeNameKind.RepeatingGroup && item is not null ? NumberColumns(item, catalog) : [],
            });
        }

        return fields;
    }

    private static JsonObject? Find(RuleScope scope, string name, CatalogDirectory? catalog)
    {
        var parts = name.Split('.');
        for (var i = scope.Levels.Count - 1; i >= 0; i--)
        {
            if (scope.Levels[i].Items.FirstOrDefault(item => item["key"]?.ToString() == parts[0]) is not { } item) continue;
            return parts.Length == 1 ? item : RuleScope.Members(item, catalog).FirstOrDefault(m => m["key"]?.ToString() == parts[1]);
        }

        return null;
    }

    private static IReadOnlyList<ConditionOption> NumberColumns(JsonObject group, CatalogDirectory? catalog)
    {
        var items = group["items"] as JsonArray;
        if (items is null && group["block"]?.ToString().Split('@') is [var id, var version] && catalog?.Block(id, version) is { } file)
            items = (JsonNode.Parse(file.Text) as JsonObject)?["items"] as JsonArray;
        return (items ?? []).OfType<JsonObject>()
            .Where(i => i["type"]?.ToString() is "integer" or "decimal" or "money")
            .Select(i => new ConditionOption(i["key"]?.ToString() ?? "", Outline.FormOutline.Label(i, "label", "title")))
            .Where(o => o.Code.Length > 0)
            .ToList();
    }

    private static IReadOnlyList<ConditionOption> Options(JsonObject item, CatalogDirectory? catalog)
    {
        var options = item["options"] as JsonArray;
        if (options is null && item["codeList"]?.ToString().Split('@') is [var id, var version] && catalog?.CodeList(id, version) is { } file)
            options = (JsonNode.Parse(file.Text) as JsonObject)?["items"] as JsonArray;
        return (options ?? []).OfType<JsonObject>()
            .Select(o => new ConditionOption(o["code"]?.ToString() ?? "", Outline.FormOutline.Label(o, "label")))
            .Where(o => o.Code.Length > 0)
            .ToList();
    }
}
