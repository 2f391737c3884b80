using System.Text.Json.Nodes;
using Sozialplattform.Engine.Definitions;
using Sozialplattform.Engine.Rules;

namespace Sozialplattform.Engine.Evaluation;

/// <summary>
/// What a browser needs to evaluate a form's rules itself, as JSON: the elements, the rules' parameters and the
/// evaluation order. The rule functions themselves are <see cref="RuleProgram.Script"/>; the helpers are
/// <see cref="RuleEngine.RuntimeScript"/>. Both runtimes thus run identical JavaScript.
/// </summary>
internal static class ClientModelExporter
{
    public static JsonObject Export(FormModel model)
    {
        var definition = model.Definition;
        var elements = new JsonArray();
        foreach (var element in model.Elements)
        {
            var rules = model.ElementRules[element.Ordinal];
            var item = new JsonObject
            {
                ["ordinal"] = element.Ordinal,
                ["key"] = element.Key,
                ["parent"] = element.Parent!.IsRoot ? -1 : element.Parent.Ordinal,
                ["page"] = element.Page!.Index,
                ["kind"] = element switch { GroupDefinition { IsRepeating: true } => "repeat", GroupDefinition => "group", _ => "field" },
                ["visible"] = Index(rules.Visible),
            };
            if (element is FieldDefinition field)
            {
                item["type"] = field.Type.Name;
                item["value"] = Index(rules.Value);
                item["required"] = Index(rules.Required);
                item["readOnly"] = Index(rules.ReadOnly);
                item["staticRequired"] = field.Required;
                item["staticReadOnly"] = field.ReadOnly || field.IsComputed;
            }

            elements.Add(item);
        }

        return new JsonObject
        {
            ["form"] = definition.Reference,
            ["contentHash"] = definition.ContentHash,
            ["pages"] = new JsonArray(definition.Pages.Select(p => (JsonNode)new JsonObject { ["id"] = p.Id, ["visible"] = Index(model.PageRules[p.Index].Visible) }).ToArray()),
            ["elements"] = elements,
            ["rules"] = new JsonArray(model.Rules.Select(r => (JsonNode)new JsonObject
            {
                ["kind"] = r.Source.Kind.ToString().ToLowerInvariant(),
                ["params"] = new JsonArray(r.Parameters.Select(Parameter).ToArray()),
            }).ToArray()),
            ["order"] = new JsonArray(model.Graph.Order
                .Where(n => n.Kind != NodeKind.GroupData)
                .Select(n => (JsonNode)new JsonArray(n.Kind.ToString().ToLowerInvariant(), n.Kind == NodeKind.Page ? n.Page!.Index : n.Element!.Ordinal))
                .ToArray()),
        };
    }

    private static JsonNode Parameter(RuleParameter parameter) => new JsonObject
    {
        ["kind"] = parameter.Kind switch { ParameterKind.Row => "row", ParameterKind.RowIndex => "rowIndex", _ => "element" },
        ["scope"] = parameter.Scope.IsRoot ? -1 : parameter.Scope.Ordinal,
        ["path"] = new JsonArray(parameter.Path.Select(p => (JsonNode)JsonValue.Create(p)).ToArray()),
    };

    private static JsonNode? Index(BoundRule? rule) => rule is null ? null : JsonValue.Create(rule.Index);
}
