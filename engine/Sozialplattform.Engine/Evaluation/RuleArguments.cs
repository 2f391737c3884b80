using System.Text.Json.Nodes;
using Sozialplattform.Engine.Definitions;
using Sozialplattform.Engine.Rules;

namespace Sozialplattform.Engine.Evaluation;

/// <summary>Finds the values a rule reads, for one instance: walk up to the rule's scope, then down its path.</summary>
internal static class RuleArguments
{
    public static JsonNode?[] For(BoundRule rule, Instance owner, Container root)
    {
        var parameters = rule.Parameters;
        if (parameters.Count == 0) return [];
        var arguments = new JsonNode?[parameters.Count];
        for (var i = 0; i < arguments.Length; i++) arguments[i] = Value(parameters[i], owner, root);
        return arguments;
    }

    private static JsonNode? Value(RuleParameter parameter, Instance owner, Container root)
    {
        var scope = FindScope(parameter.Scope, owner) ?? root;
        switch (parameter.Kind)
        {
            case ParameterKind.RowIndex:
                return JsonValue.Create(scope.RowIndex);
            case ParameterKind.Row:
                return Data(scope);
        }

        Instance current = scope;
        foreach (var key in parameter.Path)
        {
            if (current is not Container container || !container.Children.TryGetValue(key, out var child)) return null;
            current = child;
        }

        return current is FieldInstance field ? (field.Visible ? field.Effective : null) : Data(current);
    }

    /// <summary>The container of <paramref name="scope"/> that encloses <paramref name="instance"/> (for a repeating scope: the row).</summary>
    public static Container? FindScope(GroupDefinition scope, Instance instance)
    {
        for (Instance? current = instance; current is not null; current = current.Parent)
            if (current is Container container && container.Group == scope) return container;
        return null;
    }

    /// <summary>What a rule sees of an instance: fields' effective values, groups as objects, repeating groups as arrays of rows.</summary>
    public static JsonNode? Data(Instance instance)
    {
        if (!instance.Visible) return null;
        switch (instance)
        {
            case FieldInstance field:
                return field.Effective?.DeepClone();
            case RepeatInstance repeat:
                var rows = new JsonArray();
                foreach (var row in repeat.Rows) rows.Add(Data(row));
                return rows;
            case Container container:
                var obj = new JsonObject();
                foreach (var (key, child) in container.Children)
                    if (child is not FieldInstance { Field.Type.HasAnswer: false }) obj[key] = Data(child);
                return obj;
            default:
                return null;
        }
    }
}
