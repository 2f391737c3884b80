using System.Text.Json.Nodes;
using Sozialplattform.Engine.Definitions;
using Sozialplattform.Engine.Fields;
using Sozialplattform.Engine.Rules;

namespace Sozialplattform.Engine.Evaluation;

/// <summary>
/// Runs a form's visibility conditions, computed values and required/read-only rules over an answer tree, node by
/// node in dependency order. One evaluator per call; it is not shared between threads.
/// </summary>
internal sealed class Evaluator(FormModel model, AnswerTree tree, RuleSession rules)
{
    public bool[] PageVisible { get; } = new bool[model.Definition.Pages.Count];

    /// <summary>Why the request's remaining rules were not run (host overloaded, budget spent), if so.</summary>
    public RuleFailure? Refusal => rules.Refusal;

    public void EvaluateAll()
    {
        foreach (var node in model.Graph.Order)
        {
            if (node.Kind == NodeKind.Page) EvaluatePage(node.Page!);
            else if (node.Kind != NodeKind.GroupData)
                foreach (var instance in tree.ByElement[node.Element!.Ordinal]) Evaluate(node, instance);
        }
    }

    /// <summary>Evaluates one node for one instance; true if what it decides changed.</summary>
    public bool Evaluate(GraphNode node, Instance instance) => node.Kind switch
    {
        NodeKind.Element => EvaluateElement(instance),
        NodeKind.Checks => EvaluateChecks((FieldInstance)instance),
        _ => true,
    };

    public bool EvaluatePage(PageDefinition page)
    {
        var rule = model.PageRules[page.Index].Visible;
        var visible = rule is null || Test(rule, tree.Root, tree.Root);
        var changed = PageVisible[page.Index] != visible;
        PageVisible[page.Index] = visible;
        return changed;
    }

    private bool EvaluateElement(Instance instance)
    {
        var element = instance.Definition!;
        var set = model.ElementRules[element.Ordinal];
        var parentVisible = instance.Parent is Container { Group.IsRoot: true } ? PageVisible[element.Page!.Index] : instance.Parent!.Visible;
        var visible = parentVisible && (set.Visible is null || Test(set.Visible, instance, instance));
        var changed = visible != instance.Visible;
        instance.Visible = visible;
        if (instance is RepeatInstance repeat)
            foreach (var row in repeat.Rows) row.Visible = visible;
        if (instance is not FieldInstance field) return changed;

        var effective = !visible ? null : set.Value is not null ? Compute(set.Value, field) : field.Parsed;
        if (!JsonNode.DeepEquals(effective, field.Effective)) changed = true;
        field.Effective = effective;
        return changed;
    }

    private bool EvaluateChecks(FieldInstance field)
    {
        var set = model.ElementRules[field.Field.Ordinal];
        var required = field.Visible && (field.Field.Required || (set.Required is not null && Test(set.Required, field, field)));
        var readOnly = field.Field.ReadOnly || field.Field.IsComputed || (set.ReadOnly is not null && Test(set.ReadOnly, field, field));
        var changed = required != field.Required || readOnly != field.ReadOnly;
        field.Required = required;
        field.ReadOnly = readOnly;
        return changed;
    }

    /// <summary>Fields without requiredIf/readOnlyIf have no check node; their state follows from the definition.</summary>
    public void ApplyStaticChecks()
    {
        foreach (var element in model.Elements)
        {
            if (element is not FieldDefinition field || model.Graph.Checks[field.Ordinal] is not null) continue;
            foreach (FieldInstance instance in tree.ByElement[field.Ordinal])
            {
                instance.Required = instance.Visible && field.Required;
                instance.ReadOnly = field.ReadOnly || field.IsComputed;
            }
        }
    }

    public bool Test(BoundRule rule, Instance owner, Instance scopeStart)
    {
        var result = rules.Test(rule.Index, RuleArguments.For(rule, scopeStart, tree.Root), out var failure);
        if (failure is not null) owner.Failure ??= failure;
        return failure is null ? result : rule.Source.Kind == RuleKind.Visible;
    }

    private JsonNode? Compute(BoundRule rule, FieldInstance field)
    {
        var value = rules.Compute(rule.Index, RuleArguments.For(rule, field, tree.Root), out var failure);
        if (failure is not null)
        {
            field.Failure ??= failure;
            return null;
        }

        if (AnswerValues.IsEmpty(value)) return null;
        var parsed = field.Field.Type.Parse(ComputedValues.Prepare(value!, field.Field), field.Field);
        if (parsed.IsOk) return parsed.Value;
        field.Failure ??= new RuleFailure("ruleError", $"the computed value {value!.ToJsonString()} is not a valid {field.Field.Type.Name}");
        return null;
    }
}

/// <summary>Makes a computed JavaScript result fit its field type: numbers rounded to the type's places, numbers as text for text fields.</summary>
internal static class ComputedValues
{
    public static JsonNode Prepare(JsonNode value, FieldDefinition field)
    {
        if (!AnswerValues.TryGetDecimal(value, out var number)) return value;
        return field.Type.Name switch
        {
            "integer" => JsonValue.Create(Math.Round(number, 0, MidpointRounding.AwayFromZero)),
            "money" => JsonValue.Create(Math.Round(number, 2, MidpointRounding.AwayFromZero)),
            "decimal" => JsonValue.Create(Math.Round(number, field.Decimals ?? 2, MidpointRounding.AwayFromZero)),
            "text" or "textarea" => JsonValue.Create(number.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            _ => value,
        };
    }
}
