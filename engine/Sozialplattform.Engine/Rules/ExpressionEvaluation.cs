using System.Text.Json.Nodes;

namespace Sozialplattform.Engine.Rules;

/// <summary>
/// The outcome of trying one expression: its value, or the syntax error, the refusal of the rule checks (the same
/// the binder applies when a definition is loaded) or the failure that stopped it.
/// </summary>
public sealed record ExpressionResult(JsonNode? Value, string? SyntaxError, RuleFailure? Failure)
{
    /// <summary>Why the rule checks refuse the expression (unknown or forbidden names, non-determinism, changing built-ins); it did not run.</summary>
    public IReadOnlyList<string> Refusals { get; init; } = [];

    public bool Success => SyntaxError is null && Failure is null && Refusals.Count == 0;
}

/// <summary>
/// Evaluates a free-standing rule expression with named variables — for the conformance cases and for trying a rule
/// in the designer. It passes the same checks as a rule of a definition (every free name is a variable, a helper or an
/// allowed global; no hazards) and runs in the same frozen sandbox. The variables become the parameters of the
/// function, exactly as the browser runtime does it.
/// </summary>
public static class ExpressionEvaluation
{
    public static ExpressionResult Evaluate(this RuleEngine engine, string expression, JsonObject variables, DateOnly today, string language = "en")
    {
        var analyzed = ExpressionAnalyzer.Analyze(expression);
        if (analyzed.SyntaxError is not null)
            return new ExpressionResult(null, $"line {analyzed.ErrorLine}, column {analyzed.ErrorColumn}: {analyzed.SyntaxError}", null);

        var refusals = Refusals(engine, analyzed, variables, language);
        if (refusals.Count > 0) return new ExpressionResult(null, null, null) { Refusals = refusals };
        return Run(engine, expression, variables, today);
    }

    /// <summary>
    /// Runs the expression past the rule checks — for the conformance cases, which pin what the runtime itself does
    /// (also with names no rule may use), never for anything an author typed.
    /// </summary>
    public static ExpressionResult EvaluateUnchecked(this RuleEngine engine, string expression, JsonObject variables, DateOnly today)
    {
        var analyzed = ExpressionAnalyzer.Analyze(expression);
        if (analyzed.SyntaxError is not null)
            return new ExpressionResult(null, $"line {analyzed.ErrorLine}, column {analyzed.ErrorColumn}: {analyzed.SyntaxError}", null);
        return Run(engine, expression, variables, today);
    }

    private static ExpressionResult Run(RuleEngine engine, string expression, JsonObject variables, DateOnly today)
    {
        var names = variables.Select(v => v.Key).ToList();
        var source = $"function ({string.Join(", ", names)}) {{ return (\n{expression}\n); }}";
        var program = engine.Compile("expression", [source]);
        using var session = engine.Open(program, today);
        using var operation = session.Begin();
        var value = session.Compute(0, names.Select(n => variables[n]).ToList(), out var failure);
        return new ExpressionResult(value, null, failure);
    }

    private static List<string> Refusals(RuleEngine engine, AnalyzedExpression analyzed, JsonObject variables, string language)
    {
        var refusals = analyzed.Hazards.Select(h => h.Reason(language)).ToList();
        foreach (var reference in analyzed.References)
        {
            if (analyzed.Hazards.Any(h => h.Start == reference.Start)) continue;
            var name = reference.Names[0];
            if (variables.ContainsKey(name) && !reference.Assigned) continue;
            if (variables.ContainsKey(name)) refusals.Add($"rules must not change answers ('{name}' is assigned)");
            else if (RuleBinder.RefuseGlobal(reference, engine.IsHelper) is { } refusal) refusals.Add($"'{name}': {refusal.Reason}");
        }

        return refusals.Distinct().ToList();
    }
}
