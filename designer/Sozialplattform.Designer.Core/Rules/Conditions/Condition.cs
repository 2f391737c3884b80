using System.Globalization;

namespace Sozialplattform.Designer.Rules.Conditions;

/// <summary>What the visual condition builder shows: a comparison of one answer, or a group of conditions.</summary>
public abstract record Condition;

public enum Combinator { And, Or }

/// <summary>
/// Conditions combined with "und" or "oder". A group has at least two items; an inner group is written in parentheses,
/// so a group inside a group of the same kind is kept as the author built it.
/// </summary>
public sealed record ConditionGroup(Combinator Combinator, IReadOnlyList<Condition> Items) : Condition
{
    public bool Equals(ConditionGroup? other) =>
        other is not null && other.Combinator == Combinator && other.Items.SequenceEqual(Items);

    public override int GetHashCode() => HashCode.Combine(Combinator, Items.Count);
}

/// <summary>
/// One answer compared: <see cref="Field"/> is a name in the rule's scope (<c>alter</c>, a plain group's member
/// <c>antragsteller.geburtsdatum</c>, <c>row.art</c> or a sibling inside a repeating group — "in derselben Zeile" —,
/// or <c>value</c> in a field's own checks). <see cref="Values"/>: none, one, or several for "ist eine von".
/// </summary>
public sealed record Comparison(string Field, ConditionOperator Operator, IReadOnlyList<ConditionValue> Values) : Condition
{
    public Comparison(string field, ConditionOperator op, params ConditionValue[] values) : this(field, op, (IReadOnlyList<ConditionValue>)values)
    {
    }

    public bool Equals(Comparison? other) =>
        other is not null && other.Field == Field && other.Operator == Operator && other.Values.SequenceEqual(Values);

    public override int GetHashCode() => HashCode.Combine(Field, Operator, Values.Count);
}

public enum ValueKind { Text, Number, Date }

/// <summary>
/// A value to compare with, as the author typed or chose it: a text (or an option's code), a number (invariant, as
/// written: <c>1.50</c>), or a date <c>YYYY-MM-DD</c>.
/// </summary>
public sealed record ConditionValue(ValueKind Kind, string Text)
{
    /// <summary>A date is a text that is a date: the same literal, whichever the author picked it as.</summary>
    public bool Equals(ConditionValue? other) =>
        other is not null && other.Text == Text && (other.Kind == ValueKind.Number) == (Kind == ValueKind.Number);

    public override int GetHashCode() => HashCode.Combine(Text, Kind == ValueKind.Number);

    public static ConditionValue Of(string text) => new(ValueKind.Text, text);

    public static ConditionValue Of(decimal number) => new(ValueKind.Number, number.ToString(CultureInfo.InvariantCulture));

    public static ConditionValue Of(DateOnly date) => new(ValueKind.Date, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}

/// <summary>Why a condition cannot be written or an expression cannot be shown: a code with its arguments and where in the expression.</summary>
public sealed record ConditionProblem(string Code, IReadOnlyList<string> Arguments, int Start = 0, int End = 0)
{
    public ConditionProblem(string code, params string[] arguments) : this(code, (IReadOnlyList<string>)arguments)
    {
    }
}
