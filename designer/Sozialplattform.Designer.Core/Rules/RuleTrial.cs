using System.Text.Json.Nodes;
using Sozialplattform.Engine;
using Sozialplattform.Engine.Rules;

namespace Sozialplattform.Designer.Rules;

/// <summary>The outcome of trying a rule: the engine's result and the inputs it was given.</summary>
public sealed record RuleTrialResult(ExpressionResult Result, JsonObject Inputs);

/// <summary>
/// "Try it": runs a rule with the values sample answers give the names in its scope — inside a repeating group those of
/// one row (<paramref name="rows"/>: the row index per repeating level, default the first). The text passes the same
/// checks as a rule of the definition (names no rule may use, non-determinism, changing built-ins are refused, it does
/// not run) and runs in the same frozen sandbox, so an experiment cannot change what any form decides.
/// </summary>
public static class RuleTrial
{
    public static RuleTrialResult Try(RuleScope scope, string expression, JsonObject answers, string? ownKey = null, IReadOnlyList<int>? rows = null, FormEngineOptions? options = null)
    {
        options ??= FormEngineOptions.Default;
        var inputs = new JsonObject();
        JsonNode? current = answers;
        JsonObject? row = null;
        var rowIndex = 0;
        var repeating = 0;
        foreach (var level in scope.Levels)
        {
            if (level.Key is not null)
            {
                current = (current as JsonObject)?[level.Key];
                if (level.Repeating)
                {
                    rowIndex = rows is not null && repeating < rows.Count ? rows[repeating] : 0;
                    repeating++;
                    current = current is JsonArray list && rowIndex < list.Count ? list[rowIndex] : null;
                    row = current as JsonObject;
                }
            }

            foreach (var item in level.Items)
                if (item["key"]?.ToString() is { Length: > 0 } key) inputs[key] = (current as JsonObject)?[key]?.DeepClone();
        }

        if (scope.InRepeatingGroup)
        {
            inputs[RuleBinder.RowName] = row?.DeepClone() ?? new JsonObject();
            inputs[RuleBinder.RowIndexName] = rowIndex;
        }

        if (ownKey is not null && scope.Names.Any(n => n.Kind == ScopeNameKind.Value)) inputs[RuleBinder.ValueName] = inputs[ownKey]?.DeepClone();
        var result = options.RuleEngine.Evaluate(expression, inputs, options.Today(), "de");
        return new RuleTrialResult(result, inputs);
    }
}
