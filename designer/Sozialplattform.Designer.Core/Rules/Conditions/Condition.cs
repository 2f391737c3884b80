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
/// With a <see cref="Measure"/> other than <see cref="Measure.Answer"/> the left side is computed from the answer by
/// one of the engine's helpers (<c>sum(Field, 'Argument')</c>, <c>count(Field)</c>, <c>daysBetween(Field, Argument)</c>).
/// </summary>
public sealed record Comparison(string Field, ConditionOperator Operator, IReadOnlyList<ConditionValue> Values) : Condition
{
    public Comparison(string field, ConditionOperator op, params ConditionValue[] values) : this(field, op, (IReadOnlyList<ConditionValue>)values)
    {
    }

    /// <summary>What is compared: the answer itself, or a value the engine's helper computes from it.</summary>
    public Measure Measure { get; init; }

    /// <summary>The helper's second argument: the column of <see cref="Measure.Sum"/>, the later date of <see cref="Measure.DaysBetween"/>/<see cref="Measure.MonthsBetween"/> (a field or <c>today()</c>).</summary>
    public string? Argument { get; init; }

    public bool Equals(Comparison? other) =>
        other is not null && other.Field == Field && other.Operator == Operator && other.Values.SequenceEqual(Values)
        && other.Measure == Measure && other.Argument == Argument;

    public override int GetHashCode() => HashCode.Combine(Field, Operator, Values.Count, Measure, Argument);
}

/// <summary>
/// The left side of a comparison: the answer, or one of the engine's helpers over it — the sum of a repeating group's
/// column, its count of rows, the days or full months from one date to another (or to today). Age from a date is the
/// operators "Alter mindestens"/"Alter unter".
/// </summary>
public enum Measure { Answer, Sum, Count, DaysBetween, MonthsBetween }

/// <summary>What a value is: a fixed text, number or date — or <see cref="Answer"/>, another answer (its name in the rule's scope).</summary>
public enum ValueKind { Text, Number, Date, Answer }

/// <summary>
/// A value to compare with, as the author typed or chose it: a text (or an option's code), a number (invariant, as
/// written: <c>1.50</c>), or a date <c>YYYY-MM-DD</c>.
/// </summary>
public sealed record ConditionValue(ValueKind Kind, string Text)
{
    /// <summary>A date is a text that is a date: the same literal, whichever the author picked it as.</summary>
    public bool Equals(ConditionValue? other) =>
        other is not null && other.Text == Text && Literal(other.Kind) == Literal(Kind);

    public override int GetHashCode() => HashCode.Combine(Text, Literal(Kind));

    private static ValueKind Literal(ValueKind kind) => kind == ValueKind.Date ? ValueKind.Text : kind;

    /// <summary>Another answer to compare with: its name in the rule's scope (<c>datumVon</c>, <c>row.freibetrag</c>).</summary>
    public static ConditionValue Answer(string field) => new(ValueKind.Answer, field);

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
