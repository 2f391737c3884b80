using System.Globalization;
using System.Text;

namespace Sozialplattform.Designer.Rules.Conditions;

/// <summary>The expression a condition writes, or why it cannot be written (each problem once, in order).</summary>
public sealed record ConditionWriteResult(string? Expression, IReadOnlyList<ConditionProblem> Problems)
{
    public bool Success => Expression is not null;
}

/// <summary>
/// Writes a condition as the JavaScript expression the engine runs. Inner groups and "ist eine von" inside a group are
/// parenthesised; everything else is written without parentheses, so <see cref="ConditionReader"/> reads back exactly
/// the condition that was written.
/// </summary>
public static class ConditionWriter
{
    public static ConditionWriteResult Write(Condition condition)
    {
        var problems = new List<ConditionProblem>();
        var text = new StringBuilder();
        Write(condition, text, problems, inner: false);
        return problems.Count == 0 ? new ConditionWriteResult(text.ToString(), []) : new ConditionWriteResult(null, problems);
    }

    private static void Write(Condition condition, StringBuilder text, List<ConditionProblem> problems, bool inner)
    {
        switch (condition)
        {
            case ConditionGroup group:
                if (group.Items.Count < 2) problems.Add(new ConditionProblem("group-too-small", group.Items.Count.ToString(CultureInfo.InvariantCulture)));
                if (inner) text.Append('(');
                for (var i = 0; i < group.Items.Count; i++)
                {
                    if (i > 0) text.Append(group.Combinator == Combinator.And ? " && " : " || ");
                    Write(group.Items[i], text, problems, inner: true);
                }

                if (inner) text.Append(')');
                return;
            case Comparison comparison:
                Write(comparison, text, problems, inner);
                return;
        }
    }

    private static void Write(Comparison c, StringBuilder text, List<ConditionProblem> problems, bool inner)
    {
        var shape = ConditionOperators.Shape(c.Operator);
        var before = problems.Count;
        CheckSubject(c, problems);
        if (c.Values.Count < shape.MinValues || c.Values.Count > shape.MaxValues)
            problems.Add(new ConditionProblem("value-count", c.Field, shape.Label, c.Values.Count.ToString(CultureInfo.InvariantCulture)));
        foreach (var value in c.Values) Check(c, shape, value, problems);
        if (problems.Count > before) return;

        var f = Subject(c);
        var v = c.Values.Select(Literal).ToList();
        text.Append(c.Operator switch
        {
            ConditionOperator.Is => $"{f} === {v[0]}",
            ConditionOperator.IsNot => $"{f} !== {v[0]}",
            ConditionOperator.IsOneOf => (inner ? "(" : "") + string.Join(" || ", v.Select(x => $"{f} === {x}")) + (inner ? ")" : ""),
            ConditionOperator.Contains => $"has({f}, {v[0]})",
            ConditionOperator.NotContains => $"!has({f}, {v[0]})",
            ConditionOperator.Greater or ConditionOperator.After => $"{f} > {v[0]}",
            ConditionOperator.GreaterOrEqual => $"{f} >= {v[0]}",
            ConditionOperator.Less or ConditionOperator.Before => $"{f} < {v[0]}",
            ConditionOperator.LessOrEqual => $"{f} <= {v[0]}",
            ConditionOperator.AgeAtLeast => $"age({f}) >= {v[0]}",
            ConditionOperator.AgeUnder => $"age({f}) < {v[0]}",
            ConditionOperator.IsEmpty => $"isEmpty({f})",
            ConditionOperator.IsFilled => $"isFilled({f})",
            ConditionOperator.IsChecked => $"{f} === true",
            ConditionOperator.IsNotChecked => $"{f} === false",
            _ => throw new ArgumentOutOfRangeException(nameof(c), c.Operator, null),
        });
    }

    /// <summary>The left side as the engine's helper call: <c>sum(rows, 'column')</c>, <c>count(rows)</c>, <c>daysBetween(von, bis)</c>.</summary>
    private static string Subject(Comparison c) => c.Measure switch
    {
        Measure.Sum => $"sum({c.Field}, {Quote(c.Argument!)})",
        Measure.Count => $"count({c.Field})",
        Measure.DaysBetween => $"daysBetween({c.Field}, {c.Argument})",
        Measure.MonthsBetween => $"monthsBetween({c.Field}, {c.Argument})",
        _ => c.Field,
    };

    private static void CheckSubject(Comparison c, List<ConditionProblem> problems)
    {
        var dates = c.Measure is Measure.DaysBetween or Measure.MonthsBetween;
        if (!(dates ? IsDateOperand(c.Field) : IsFieldPath(c.Field))) problems.Add(new ConditionProblem("field-invalid", c.Field));
        if (c.Measure == Measure.Answer) return;
        if (!ConditionOperators.ForMeasure(c.Measure).Contains(c.Operator))
            problems.Add(new ConditionProblem("measure-operator", c.Field, ConditionOperators.Shape(c.Operator).Label));
        var argumentValid = c.Measure switch
        {
            Measure.Sum => c.Argument is { } column && IsFieldPath(column),
            Measure.Count => c.Argument is null,
            _ => c.Argument is { } later && IsDateOperand(later),
        };
        if (!argumentValid) problems.Add(new ConditionProblem("argument-invalid", c.Field, c.Argument ?? ""));
    }

    private static void Check(Comparison c, OperatorShape shape, ConditionValue value, List<ConditionProblem> problems)
    {
        var kind = c.Measure == Measure.Answer ? shape.Kind : ValueKind.Number;
        if (value.Kind == ValueKind.Answer)
        {
            if (!IsFieldPath(value.Text)) problems.Add(new ConditionProblem("answer-invalid", c.Field, value.Text));
        }
        else if (kind is { } expected && value.Kind != expected && !(expected == ValueKind.Text && value.Kind == ValueKind.Date))
            problems.Add(new ConditionProblem("value-kind", c.Field, shape.Label, value.Text));
        else if (value.Kind == ValueKind.Number && !IsNumber(value.Text))
            problems.Add(new ConditionProblem("value-not-a-number", c.Field, value.Text));
        else if (value.Kind == ValueKind.Date && !DateOnly.TryParseExact(value.Text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            problems.Add(new ConditionProblem("value-not-a-date", c.Field, value.Text));
    }

    /// <summary>The end of a span of days or months: a date field, or today.</summary>
    public const string Today = "today()";

    internal static bool IsDateOperand(string text) => text == Today || IsFieldPath(text);

    internal static bool IsNumber(string text) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
        && number.ToString(CultureInfo.InvariantCulture) == text;

    internal static string Literal(ConditionValue value) => value.Kind is ValueKind.Number or ValueKind.Answer ? value.Text : Quote(value.Text);

    private static string Quote(string text)
    {
        var quoted = new StringBuilder("'");
        foreach (var ch in text)
        {
            quoted.Append(ch switch
            {
                '\'' => "\\'",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\u2028' => "\\u2028",
                '\u2029' => "\\u2029",
                _ when char.IsControl(ch) => $"\\u{(int)ch:x4}",
                _ => ch.ToString(),
            });
        }

        return quoted.Append('\'').ToString();
    }

    /// <summary>Names joined by dots, each a plain JavaScript identifier (ASCII letters, digits, _ and $; not a digit first).</summary>
    public static bool IsFieldPath(string field) =>
        field.Length > 0 && field.Split('.').All(part => part.Length > 0 && !char.IsAsciiDigit(part[0]) && part.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '_' or '$') && !Reserved.Contains(part));

    /// <summary>Words that are not names in a strict-mode expression (rules run in strict mode), and values that look like names.</summary>
    private static readonly HashSet<string> Reserved =
    [
        "true", "false", "null", "undefined", "NaN", "Infinity", "this", "super", "new", "typeof", "void", "delete", "in", "instanceof",
        "function", "class", "return", "var", "let", "const", "if", "else", "do", "for", "while", "switch", "case", "default", "break",
        "continue", "throw", "try", "catch", "finally", "with", "debugger", "export", "import", "extends", "yield", "await", "enum",
        "implements", "interface", "package", "private", "protected", "public", "static", "arguments", "eval",
    ];
}
