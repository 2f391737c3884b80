using System.Text.Json.Nodes;
using Sozialplattform.Engine.Definitions;

namespace Sozialplattform.Web.Wizard;

/// <summary>Defaults are initial answers: a new application, and every new row of a repeating group, starts with them.</summary>
public static class InitialAnswers
{
    public static JsonObject For(GroupDefinition group)
    {
        var answers = new JsonObject();
        foreach (var item in group.Items)
        {
            if (item is FieldDefinition { Default: { } value, Type.HasAnswer: true } field && !field.IsComputed) answers[field.Key] = value.DeepClone();
            else if (item is GroupDefinition { IsRepeating: false } inner && For(inner) is { Count: > 0 } nested) answers[inner.Key] = nested;
        }

        return answers;
    }
}
