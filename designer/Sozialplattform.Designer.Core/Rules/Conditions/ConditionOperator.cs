namespace Sozialplattform.Designer.Rules.Conditions;

public enum ConditionOperator
{
    Is, IsNot, IsOneOf, Contains, NotContains,
    Greater, GreaterOrEqual, Less, LessOrEqual,
    Before, After, AgeAtLeast, AgeUnder,
    IsEmpty, IsFilled, IsChecked, IsNotChecked,
}

/// <summary>How many values an operator takes and of which kind (<see cref="ValueKind"/>; null: text or number).</summary>
public sealed record OperatorShape(ConditionOperator Operator, string Label, int MinValues, int MaxValues, ValueKind? Kind);

/// <summary>The builder's operators: German label, the values each takes, and which a field type offers.</summary>
public static class ConditionOperators
{
    private static readonly Dictionary<ConditionOperator, OperatorShape> Shapes = new OperatorShape[]
    {
        new(ConditionOperator.Is, "ist", 1, 1, null),
        new(ConditionOperator.IsNot, "ist nicht", 1, 1, null),
        new(ConditionOperator.IsOneOf, "ist eine von", 2, int.MaxValue, null),
        new(ConditionOperator.Contains, "enthält", 1, 1, ValueKind.Text),
        new(ConditionOperator.NotContains, "enthält nicht", 1, 1, ValueKind.Text),
        new(ConditionOperator.Greater, "größer als", 1, 1, ValueKind.Number),
        new(ConditionOperator.GreaterOrEqual, "größer oder gleich", 1, 1, ValueKind.Number),
        new(ConditionOperator.Less, "kleiner als", 1, 1, ValueKind.Number),
        new(ConditionOperator.LessOrEqual, "kleiner oder gleich", 1, 1, ValueKind.Number),
        new(ConditionOperator.Before, "vor dem", 1, 1, ValueKind.Date),
        new(ConditionOperator.After, "nach dem", 1, 1, ValueKind.Date),
        new(ConditionOperator.AgeAtLeast, "Alter mindestens", 1, 1, ValueKind.Number),
        new(ConditionOperator.AgeUnder, "Alter unter", 1, 1, ValueKind.Number),
        new(ConditionOperator.IsEmpty, "ist leer", 0, 0, null),
        new(ConditionOperator.IsFilled, "ist nicht leer", 0, 0, null),
        new(ConditionOperator.IsChecked, "ist angekreuzt (Ja)", 0, 0, null),
        new(ConditionOperator.IsNotChecked, "ist nicht angekreuzt (Nein)", 0, 0, null),
    }.ToDictionary(s => s.Operator);

    public static OperatorShape Shape(ConditionOperator op) => Shapes[op];

    /// <summary>The operators offered for a computed value (a number): ist, ist nicht, größer/kleiner (oder gleich).</summary>
    public static IReadOnlyList<ConditionOperator> ForMeasure(Measure measure) => measure == Measure.Answer
        ? []
        :
        [
            ConditionOperator.Is, ConditionOperator.IsNot, ConditionOperator.Greater, ConditionOperator.GreaterOrEqual,
            ConditionOperator.Less, ConditionOperator.LessOrEqual,
        ];

    /// <summary>The operators offered for a field of this type (the engine's field type names; "" for an unknown type).</summary>
    public static IReadOnlyList<ConditionOperator> For(string fieldType) => fieldType switch
    {
        "yesNo" => [ConditionOperator.IsChecked, ConditionOperator.IsNotChecked, ConditionOperator.IsEmpty, ConditionOperator.IsFilled],
        "multiChoice" => [ConditionOperator.Contains, ConditionOperator.NotContains, ConditionOperator.IsEmpty, ConditionOperator.IsFilled],
        "integer" or "decimal" or "money" =>
        [
            ConditionOperator.Is, ConditionOperator.IsNot, ConditionOperator.Greater, ConditionOperator.GreaterOrEqual,
            ConditionOperator.Less, ConditionOperator.LessOrEqual, ConditionOperator.IsEmpty, ConditionOperator.IsFilled,
        ],
        "date" =>
        [
            ConditionOperator.Is, ConditionOperator.IsNot, ConditionOperator.Before, ConditionOperator.After,
            ConditionOperator.AgeAtLeast, ConditionOperator.AgeUnder, ConditionOperator.IsEmpty, ConditionOperator.IsFilled,
        ],
        "file" or "address" or "group" => [ConditionOperator.IsEmpty, ConditionOperator.IsFilled],
        _ => [ConditionOperator.Is, ConditionOperator.IsNot, ConditionOperator.IsOneOf, ConditionOperator.IsEmpty, ConditionOperator.IsFilled],
    };
}
