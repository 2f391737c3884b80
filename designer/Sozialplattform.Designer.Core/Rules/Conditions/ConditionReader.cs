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
/// <c>has</c>/<c>age</c>/<c>isEmpty</c>/<c>isFilled</c> and the computed values (<c>sum(rows, 'column')</c>,
/// <c>count(rows)</c>, <c>daysBetween</c>/<c>monthsBetween</c> of two dates or a date and <c>today()</c>), a negated
/// group — is "not expressible" with the reason and the position of the part the builder cannot show. Another answer on
/// the right (<c>bis &gt; von</c>) is a value of kind <see cref="ValueKind.Answer"/>; whether <c>&gt;</c> is "größer als"
/// or "nach dem" then depends on the field's type, which the caller may give (<c>typeOf</c>; without it: "größer als").
/// </summary>
public static class ConditionReader
{
    private static readonly ParserOptions Options = new() { EcmaVersion = EcmaVersion.Latest, PreserveParens = true };

    public static ConditionReadResult Read(string expression, Func<string, string?>? typeOf = null)
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
            return new ConditionReadResult(new Reading(expression, typeOf ?? (_ => null)).Condition(root), null);
        }
        catch (NotExpressibleException problem)
        {
            return new ConditionReadResult(null, problem.Problem);
        }
    }

    /// <summary>One expression being read: its text (for the parts named in problems) and the types of the fields.</summary>
    private sealed class Reading(string source, Func<string, string?> typeOf)
    {
        public Condition Condition(Expression node)
        {
            if (node is ParenthesizedExpression parenthesized)
            {
                // The writer puts an inner group and an inner "ist eine von" in parentheses; a parenthesised comparison is
                // shown as the comparison (written back without the parentheses, which mean nothing there).
                return Condition(parenthesized.Expression);
            }

            if (node is LogicalExpression logical && logical.Operator is Operator.LogicalAnd or Operator.LogicalOr)
            {
                var combinator = logical.Operator == Operator.LogicalAnd ? Combinator.And : Combinator.Or;
                var items = new List<Condition>();
                Flatten(logical, logical.Operator, items);
                if (combinator == Combinator.Or && AsOneOf(items) is { } oneOf) return oneOf;
                return new ConditionGroup(combinator, items);
            }

            return Comparison(node);
        }

        /// <summary><c>a && b && c</c> is one group of three; a parenthesised part is a group of its own.</summary>
        private void Flatten(Expression node, Operator op, List<Condition> items)
        {
            if (node is LogicalExpression logical && logical.Operator == op)
            {
                Flatten(logical.Left, op, items);
                Flatten(logical.Right, op, items);
                return;
            }

            items.Add(Condition(node));
        }

        /// <summary><c>x === 'a' || x === 'b'</c> (no parentheses between) is "x ist eine von a, b".</summary>
        private static Comparison? AsOneOf(List<Condition> items)
        {
            var comparisons = items.OfType<Comparison>().Where(c => c is { Operator: ConditionOperator.Is, Measure: Measure.Answer }).ToList();
            if (comparisons.Count != items.Count || comparisons.Select(c => c.Field).Distinct().Count() != 1) return null;
            return new Comparison(comparisons[0].Field, ConditionOperator.IsOneOf, comparisons.Select(c => c.Values[0]).ToList());
        }

        private Comparison Comparison(Expression node)
        {
            switch (node)
            {
                case NonLogicalBinaryExpression binary:
                    return Binary(binary);
                case CallExpression call:
                    return Call(call, negated: false);
                case UnaryExpression { Operator: Operator.LogicalNot, Argument: CallExpression call }:
                    return Call(call, negated: true);
                case UnaryExpression { Operator: Operator.LogicalNot }:
                    throw NotExpressible("negation", node, source);
                default:
                    throw NotExpressible("not-a-comparison", node, source);
            }
        }

        private Comparison Binary(NonLogicalBinaryExpression binary)
        {
            if (Measured(binary.Left) is { } measured) return MeasuredComparison(measured, binary);
            var field = binary.Left is CallExpression { Callee: Identifier { Name: "age" }, Optional: false, Arguments: [var dateField] }
                ? (Age: true, Name: Field(dateField))
                : (Age: false, Name: Field(binary.Left));
            var right = binary.Right;
            if (!field.Age && right is Literal { Value: null } && binary.Operator is Operator.StrictEquality or Operator.StrictInequality)
                return new Comparison(field.Name, binary.Operator == Operator.StrictEquality ? ConditionOperator.IsEmpty : ConditionOperator.IsFilled);
            if (!field.Age && right is BooleanLiteral boolean && binary.Operator == Operator.StrictEquality)
                return new Comparison(field.Name, boolean.Value is true ? ConditionOperator.IsChecked : ConditionOperator.IsNotChecked);

            var value = Value(right);
            var date = value.Kind == ValueKind.Date || (value.Kind == ValueKind.Answer && typeOf(field.Name) == "date");
            ConditionOperator? op = (field.Age, binary.Operator, value.Kind) switch
            {
                (true, Operator.GreaterThanOrEqual, ValueKind.Number or ValueKind.Answer) => ConditionOperator.AgeAtLeast,
                (true, Operator.LessThan, ValueKind.Number or ValueKind.Answer) => ConditionOperator.AgeUnder,
                (true, _, _) => null,
                (false, Operator.StrictEquality, _) => ConditionOperator.Is,
                (false, Operator.StrictInequality, _) => ConditionOperator.IsNot,
                (false, Operator.GreaterThan, ValueKind.Number or ValueKind.Date or ValueKind.Answer) => date ? ConditionOperator.After : ConditionOperator.Greater,
                (false, Operator.LessThan, ValueKind.Number or ValueKind.Date or ValueKind.Answer) => date ? ConditionOperator.Before : ConditionOperator.Less,
                (false, Operator.GreaterThanOrEqual, ValueKind.Number or ValueKind.Answer) => ConditionOperator.GreaterOrEqual,
                (false, Operator.LessThanOrEqual, ValueKind.Number or ValueKind.Answer) => ConditionOperator.LessOrEqual,
                _ => null,
            };
            if (op is null) throw NotExpressible("operator", binary, source);
            return new Comparison(field.Name, op.Value, value);
        }

        /// <summary><c>sum(rows, 'column')</c>, <c>count(rows)</c>, <c>daysBetween(a, b)</c>, <c>monthsBetween(a, b)</c>; null for anything else.</summary>
        private Comparison? Measured(Expression left)
        {
            if (left is not CallExpression { Callee: Identifier callee, Optional: false } call) return null;
            return (callee.Name, call.Arguments.Count) switch
            {
                ("sum", 2) when call.Arguments[1] is StringLiteral column && ConditionWriter.IsFieldPath(column.Value) =>
                    new Comparison(Field(call.Arguments[0]), ConditionOperator.Is) { Measure = Measure.Sum, Argument = column.Value },
                ("count", 1) => new Comparison(Field(call.Arguments[0]), ConditionOperator.Is) { Measure = Measure.Count },
                ("daysBetween" or "monthsBetween", 2) => new Comparison(DateOperand(call.Arguments[0]), ConditionOperator.Is)
                {
                    Measure = callee.Name == "daysBetween" ? Measure.DaysBetween : Measure.MonthsBetween,
                    Argument = DateOperand(call.Arguments[1]),
                },
                _ => null,
            };
        }

        private Comparison MeasuredComparison(Comparison measured, NonLogicalBinaryExpression binary)
        {
            var value = Value(binary.Right);
            ConditionOperator? op = value.Kind is ValueKind.Number or ValueKind.Answer
                ? binary.Operator switch
                {
                    Operator.StrictEquality => ConditionOperator.Is,
                    Operator.StrictInequality => ConditionOperator.IsNot,
                    Operator.GreaterThan => ConditionOperator.Greater,
                    Operator.GreaterThanOrEqual => ConditionOperator.GreaterOrEqual,
                    Operator.LessThan => ConditionOperator.Less,
                    Operator.LessThanOrEqual => ConditionOperator.LessOrEqual,
                    _ => null,
                }
                : null;
            if (op is null) throw NotExpressible("operator", binary, source);
            return measured with { Operator = op.Value, Values = [value] };
        }

        private string DateOperand(Node node) =>
            node is CallExpression { Callee: Identifier { Name: "today" }, Optional: false, Arguments.Count: 0 } ? ConditionWriter.Today : Field(node);

        private Comparison Call(CallExpression call, bool negated)
        {
            var name = call is { Callee: Identifier identifier, Optional: false } ? identifier.Name : "";
            switch (name, call.Arguments.Count, negated)
            {
                case ("has", 2, _):
                    var value = Value(call.Arguments[1]);
                    if (value.Kind == ValueKind.Number) throw NotExpressible("value", call.Arguments[1], source);
                    return new Comparison(Field(call.Arguments[0]), negated ? ConditionOperator.NotContains : ConditionOperator.Contains, value);
                case ("isEmpty", 1, false):
                    return new Comparison(Field(call.Arguments[0]), ConditionOperator.IsEmpty);
                case ("isFilled", 1, false):
                    return new Comparison(Field(call.Arguments[0]), ConditionOperator.IsFilled);
                default:
                    throw NotExpressible(negated ? "negation" : "helper", call, source);
            }
        }

        /// <summary>A name or a chain of names (<c>antragsteller.geburtsdatum</c>, <c>row.art</c>).</summary>
        private string Field(Node node) => FieldOrNull(node) ?? throw NotExpressible("not-an-answer", node, source);

        private static string? FieldOrNull(Node node) => node switch
        {
            Identifier { Name: not ("undefined" or "NaN" or "Infinity") } identifier => identifier.Name,
            MemberExpression { Computed: false, Optional: false, Property: Identifier property } member when FieldOrNull(member.Object) is { } parent => $"{parent}.{property.Name}",
            _ => null,
        };

        /// <summary>A fixed text, number or date, or another answer (a name); anything computed is not expressible.</summary>
        private ConditionValue Value(Node node) => node switch
        {
            StringLiteral text => new ConditionValue(IsDate(text.Value) ? ValueKind.Date : ValueKind.Text, text.Value),
            NumericLiteral number when Number(number.Raw, negative: false) is { } n => n,
            UnaryExpression { Operator: Operator.UnaryNegation, Argument: NumericLiteral number } when Number(number.Raw, negative: true) is { } n => n,
            Identifier or MemberExpression when FieldOrNull(node) is { } answer && ConditionWriter.IsFieldPath(answer) => ConditionValue.Answer(answer),
            _ => throw NotExpressible("computed-value", node, source),
        };
    }

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
