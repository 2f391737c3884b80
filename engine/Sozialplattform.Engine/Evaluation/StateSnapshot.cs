using System.Text.Json.Nodes;
using Sozialplattform.Engine.Fields;

namespace Sozialplattform.Engine.Evaluation;

/// <summary>Turns an evaluated answer tree into the public <see cref="FormState"/> and the cleaned answers.</summary>
internal static class StateSnapshot
{
    public static FormState Take(FormModel model, AnswerTree tree, Evaluator evaluator)
    {
        var pages = model.Definition.Pages.Select(p => new PageState(p, evaluator.PageVisible[p.Index])).ToList();
        return new FormState(pages, () => Elements(tree), () => Answers(model, tree));
    }

    /// <summary>The current states of a tree that will change (a session): taken now, not on first use.</summary>
    public static FormState Freeze(FormModel model, AnswerTree tree, Evaluator evaluator)
    {
        var state = Take(model, tree, evaluator);
        _ = state.Elements;
        _ = state.Answers;
        return state;
    }

    private static List<ElementState> Elements(AnswerTree tree)
    {
        var elements = new List<ElementState>();
        Collect(tree.Root, elements);
        return elements;
    }

    private static JsonObject Answers(FormModel model, AnswerTree tree)
    {
        var answers = (JsonObject)CleanAnswers(tree.Root)!;
        foreach (var declaration in model.Definition.Declarations)
            if (tree.Declarations[declaration.Key] is JsonValue value && value.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False)
                answers[declaration.Key] = value.DeepClone();
        return answers;
    }

    public static ElementState State(Instance instance) => instance switch
    {
        FieldInstance field => new ElementState(field.Path, field.Field, field.Visible, field.Required, field.ReadOnly, field.Effective, field.Raw, 0, field.Failure?.Message),
        RepeatInstance repeat => new ElementState(repeat.Path, repeat.Group, repeat.Visible, repeat.Group.Repeat!.Min > 0, false, null, null, repeat.Rows.Count, repeat.Failure?.Message),
        Container container => new ElementState(container.Path, container.Definition!, container.Visible, false, false, null, null, 0, container.Failure?.Message),
        _ => throw new InvalidOperationException(),
    };

    private static void Collect(Container container, List<ElementState> states)
    {
        foreach (var child in container.Children.Values)
        {
            states.Add(State(child));
            if (child is Container group) Collect(group, states);
            else if (child is RepeatInstance repeat)
                foreach (var row in repeat.Rows) Collect(row, states);
        }
    }

    private static JsonNode? CleanAnswers(Instance instance)
    {
        if (!instance.Visible) return null;
        switch (instance)
        {
            case FieldInstance field:
                return AnswerValues.IsEmpty(field.Effective) ? null : field.Effective!.DeepClone();
            case RepeatInstance repeat:
                var rows = new JsonArray();
                foreach (var row in repeat.Rows) rows.Add(CleanAnswers(row) ?? new JsonObject());
                return rows;
            case Container container:
                var obj = new JsonObject();
                foreach (var (key, child) in container.Children)
                    if (CleanAnswers(child) is { } value && !(child is Container && value is JsonObject { Count: 0 })) obj[key] = value;
                return obj;
            default:
                return null;
        }
    }
}
