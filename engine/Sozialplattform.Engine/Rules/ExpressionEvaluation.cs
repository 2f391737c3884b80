using System.Text.Json.Nodes;

namespace Sozialplattform.Engine.Rules;

/// <summary>The outcome of trying one expression: its value, or the syntax error or failure that stopped it.</summary>
public sealed record ExpressionResult(JsonNode? Value, string? SyntaxError, RuleFailure? Failure)
{
    public bool Success => SyntaxError is null && Failure is null;
}

/// <summary>
/// Evaluates a free-standing rule expression with named variables — for the conformance cases and for trying a rule
/// in the designer. The variables become the parameters of the function, exactly as the browser runtime does it.
/// </summary>
public static class ExpressionEvaluation
{
    public static ExpressionResult Evaluate(this RuleEngine engine, string expression, JsonObject variables, DateOnly today)
    {
        var analyzed = ExpressionAnalyzer.Analyze(expression);
        if (analyzed.SyntaxError is not null)
            return new ExpressionResult(null, $"line {analyzed.ErrorLine}, column {analyzed.ErrorColumn}: {analyzed.SyntaxError}", null);

        var names = variables.Select(v => v.Key).ToList();
        var source = $"function ({string.Join(", ", names)}) {{ return (\n{expression}\n); }}";
        var program = engine.Compile("expression", [source]);
        using var session = engine.Open(program, today);
        using var operation = session.Begin();
        var value = session.Compute(0, names.Select(n => variables[n]).ToList(), out var failure);
        return new ExpressionResult(value, null, failure);
    }
}
