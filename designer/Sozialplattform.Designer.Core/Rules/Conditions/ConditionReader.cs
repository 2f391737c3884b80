using System.Globalization;
using Acornima;
using Acornima.Ast;

namespace Sozialplattform.Designer.Rules.Conditions;

/// <summary>The condition an expression shows as, or why the builder cannot show it (the expression stays text).</summary>
public sealed record ConditionReadResult(Condition? Condition, ConditionProblem? NotExpressible)
{
    public bool Expressible => Condition is not null;
}

/// <summary>
/// Reads an expression back into a condition: everything <see cref="ConditionWriter"/> writes, and the same shapes
/// written by hand (<c>x !== null</c> shows as "ist nicht leer", <c>x === null</c> as "ist leer"). Parentheses are
/// kept (the parser preserves them), so an inner group stays a group. Anything else — arithmetic, helpers other than
/// <c>has</c>/<c>age</c>/<c>isEmpty</c>/<c>isFilled</c>, a negated group, a comparison of two answers — is "not
/// expressible" with the reason and the position of the part the builder cannot show.
/// </summary>
public static class ConditionReader
{
    private static readonly ParserOptions Options = new() { EcmaVersion = EcmaVersion.Latest, PreserveParens = true };

    public static ConditionReadResult Read(string expression)
    {
        Expression root;
        try
        {
            root = new Parser(Options).ParseExpression(expression);
        }
        catch (ParseErrorException error)
        {
            return new ConditionReadResult(null, new ConditionProblem("syntax", error.Error.Description, error.LineNumber.ToString(CultureInfo.InvariantCulture), (error.Column + 1).ToString(CultureInfo.InvariantCulture)));
        }

        try
        {
            return new ConditionReadResult(Condition(root, expression), null);
        }
        catch (NotExpressibleException problem)
        {
            return new ConditionReadResult(null, problem.Problem);
        }
    }

    private static Condition Condition(Expression node, string source)
    {
        if (node is ParenthesizedExpression parenthesized)
        {
            // The writer puts an inner group and an inner "ist eine von" in parentheses; a parenthesised comparison is
            // shown as the comparison (written back without the parentheses, which mean nothing there).
            return Condition(parenthesized.Expression, source);
        }

        if (node is LogicalExpression logical && logical.Operator is Operator.LogicalAnd or Operator.LogicalOr)
        {
            var combinator = logical.Operator == Operator.LogicalAnd ? Combinator.And : Combinator.Or;
            var items = new List<Condition>();
            Flatten(logical, logical.Operator, source, items);
            if (combinator == Combinator.Or && AsOneOf(items) is { } oneOf) return oneOf;
            return new ConditionGroup(combinator, items);
        }

        return Comparison(node, source);
    }

    /// <summary><c>a && b && c</c> is one group of three; a parenthesised part is a group of its own.</summary>
    private static void Flatten(Expression node, Operator op, string source, List<Condition> items)
    {
        if (node is LogicalExpression logical && logical.Operator == op)
        {
            Flatten(logical.Left, op, source, items);
            Flatten(logical.Right, op, source, items);
            return;
        }

        items.Add(Condition(node, source));
    }

    /// <summary><c>x === 'a' || x === 'b'</c> (no parentheses between) is "x ist eine von a, b".</summary>
    private static Comparison? AsOneOf(List<Condition> items)
    {
        var comparisons = items.OfType<Comparison>().Where(c => c.Operator == ConditionOperator.Is).ToList();
        if (comparisons.Count != items.Count || comparisons.Select(c => c.Field).Distinct().Count() != 1) return null;
        return new Comparison(comparisons[0].Field, ConditionOperator.IsOneOf, comparisons.Select(c => c.Values[0]).ToList());
    }

    private static Comparison Comparison(Expression node, string source)
    {
        switch (node)
        {
            case NonLogicalBinaryExpression binary:
                return Binary(binary, source);
            case CallExpression call:
                return Call(call, source, negated: false);
            case UnaryExpression { Operator: Operator.LogicalNot, Argument: CallExpression call }:
                return Call(call, source, negated: true);
            case UnaryExpression { Operator: Operator.LogicalNot }:
                throw NotExpressible("negation", node, source);
            default:
                throw NotExpressible("not-a-comparison", node, source);
        }
    }

    private static Comparison Binary(NonLogicalBinaryExpression binary, string source)
    {
        var field = binary.Left is CallExpression { Callee: Identifier { Name: "age" }, Optional: false, Arguments: [var dateField] }
            ? (Age: true, Name: Field(dateField, source))
            : (Age: false, Name: Field(binary.Left, source));
        var right = binary.Right;
        if (!field.Age && right is Literal { Value: null } && binary.Operator is Operator.StrictEquality or Operator.StrictInequality)
            return new Comparison(field.Name, binary.Operator == Operator.StrictEquality ? ConditionOperator.IsEmpty : ConditionOperator.IsFilled);
        if (!field.Age && right is BooleanLiteral boolean && binary.Operator == Operator.StrictEquality)
            return new Comparison(field.Name, boolean.Value is true ? ConditionOperator.IsChecked : ConditionOperator.IsNotChecked);

        var value = Value(right, source);
        ConditionOperator? op = (field.Age, binary.Operator, value.Kind) switch
        {
            (true, Operator.GreaterThanOrEqual, ValueKind.Number) => ConditionOperator.AgeAtLeast,
            (true, Operator.LessThan, ValueKind.Number) => ConditionOperator.AgeUnder,
            (true, _, _) => null,
            (false, Operator.StrictEquality, _) => ConditionOperator.Is,
            (false, Operator.StrictInequality, _) => ConditionOperator.IsNot,
            (false, Operator.GreaterThan, ValueKind.Number) => ConditionOperator.Greater,
            (false, Operator.GreaterThanOrEqual, ValueKind.Number) => ConditionOperator.GreaterOrEqual,
            (false, Operator.LessThan, ValueKind.Number) => ConditionOperator.Less,
            (false, Operator.LessThanOrEqual, ValueKind.Number) => ConditionOperator.LessOrEqual,
            (false, Operator.GreaterThan, ValueKind.Date) => ConditionOperator.After,
            (false, Operator.LessThan, ValueKind.Date) => ConditionOperator.Before,
            _ => null,
        };
        if (op is null) throw NotExpressible("operator", binary, source);
        return new Comparison(field.Name, op.Value, value);
    }

    private static Comparison Call(CallExpression call, string source, bool negated)
    {
        var name = call is { Callee: Identifier identifier, Optional: false } ? identifier.Name : "";
        switch (name, call.Arguments.Count, negated)
        {
            case ("has", 2, _):
                var value = Value(call.Arguments[1], source);
                if (value.Kind == ValueKind.Number) throw NotExpressible("value", call.Arguments[1], source);
                return new Comparison(Field(call.Arguments[0], source), negated ? ConditionOperator.NotContains : ConditionOperator.Contains, value);
            case ("isEmpty", 1, false):
                return new Comparison(Field(call.Arguments[0], source), ConditionOperator.IsEmpty);
            case ("isFilled", 1, false):
                return new Comparison(Field(call.Arguments[0], source), ConditionOperator.IsFilled);
            default:
                throw NotExpressible(negated ? "negation" : "helper", call, source);
        }
    }

    /// <summary>A name or a chain of names (<c>antragsteller.geburtsdatum</c>, <c>row.art</c>).</summary>
    private static string Field(Node node, string source) => node switch
    {
        Identifier { Name: not ("undefined" or "NaN" or "Infinity") } identifier => identifier.Name,
        MemberExpression { Computed: false, Optional: false, Property: Identifier property } member => $"{Field(member.Object, source)}.{property.Name}",
        _ => throw NotExpressible("not-an-answer", node, source),
    };

    private static ConditionValue Value(Node node, string source) => node switch
    {
        StringLiteral text => new ConditionValue(IsDate(text.Value) ? ValueKind.Date : ValueKind.Text, text.Value),
        NumericLiteral number when Number(number.Raw, negative: false) is { } n => n,
        UnaryExpression { Operator: Operator.UnaryNegation, Argument: NumericLiteral number } when Number(number.Raw, negative: true) is { } n => n,
        _ => throw NotExpressible("computed-value", node, source),
    };

    private static ConditionValue? Number(string raw, bool negative)
    {
        var text = negative ? "-" + raw : raw;
        return ConditionWriter.IsNumber(text) ? new ConditionValue(ValueKind.Number, text) : null;
    }

    private static bool IsDate(string text) => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static NotExpressibleException NotExpressible(string code, Node node, string source) =>
        new(new ConditionProblem(code, [source[node.Start..node.End]], node.Start, node.End));

    private sealed class NotExpressibleException(ConditionProblem problem) : Exception(problem.Code)
    {
        public ConditionProblem Problem { get; } = problem;
    }
}
