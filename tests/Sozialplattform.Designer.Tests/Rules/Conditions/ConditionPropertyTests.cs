using CsCheck;
using Sozialplattform.Designer.Rules.Conditions;

namespace Sozialplattform.Designer.Tests.Rules.Conditions;

public sealed class ConditionPropertyTests
{
    private static readonly Gen<string> Name = Gen.Select(Gen.Char["abcxyz_$"], Gen.String[Gen.Char["abcXYZ019_"], 0, 6], (first, rest) => first + rest)
        .Where(n => ConditionWriter.IsFieldPath(n));

    private static readonly Gen<string> Field = Gen.OneOf(Name, Gen.Select(Name, Name, (a, b) => $"{a}.{b}"), Name.Select(n => "row." + n));

    private static readonly Gen<ConditionValue> Text = Gen.String[Gen.Char["ab 'ü\"\\\n\t<>/{}"], 0, 8].Select(ConditionValue.Of);

    private static readonly Gen<ConditionValue> Number = Gen.Select(Gen.Int[-10_000_000, 10_000_000], Gen.Int[0, 3], (n, scale) => ConditionValue.Of(new decimal(Math.Abs(n), 0, 0, n < 0, (byte)scale)));

    private static readonly Gen<ConditionValue> Date = Gen.Date[new DateTime(1900, 1, 1), new DateTime(2100, 12, 31)].Select(d => ConditionValue.Of(DateOnly.FromDateTime(d)));

    private static readonly Gen<ConditionValue> Answer = Field.Select(ConditionValue.Answer);

    private static readonly Gen<Comparison> Plain = Gen.Enum<ConditionOperator>().SelectMany(op => op switch
    {
        ConditionOperator.Is or ConditionOperator.IsNot => Gen.Select(Field, Gen.OneOf(Text, Number, Date, Answer), (f, v) => new Comparison(f, op, v)),
        ConditionOperator.IsOneOf => Gen.Select(Field, Gen.OneOf(Text, Number, Date, Answer).List[2, 4], (f, v) => new Comparison(f, op, v)),
        ConditionOperator.Contains or ConditionOperator.NotContains => Gen.Select(Field, Gen.OneOf(Text, Answer), (f, v) => new Comparison(f, op, v)),
        ConditionOperator.Before or ConditionOperator.After => Gen.Select(Field, Date, (f, v) => new Comparison(f, op, v)),
        ConditionOperator.IsEmpty or ConditionOperator.IsFilled or ConditionOperator.IsChecked or ConditionOperator.IsNotChecked => Field.Select(f => new Comparison(f, op)),
        _ => Gen.Select(Field, Gen.OneOf(Number, Answer), (f, v) => new Comparison(f, op, v)),
    });

    private static readonly Gen<Comparison> Computed = Gen.Select(Gen.Enum<Measure>().Where(m => m != Measure.Answer), Field, Gen.OneOf(Name, Gen.Const("today()")),
            Gen.Int[0, 5], Gen.OneOf(Number, Answer),
            (measure, field, argument, op, value) => new Comparison(field, ConditionOperators.ForMeasure(measure)[op], value)
            {
                Measure = measure,
                Argument = measure switch { Measure.Count => null, Measure.Sum => argument == "today()" ? "betrag" : argument, _ => argument },
            });

    private static readonly Gen<Comparison> Comparison = Gen.Frequency((4, Plain), (1, Computed));

    private static Gen<Condition> Conditions(int depth) => depth == 0
        ? Comparison.Select(c => (Condition)c)
        : Gen.Frequency((3, Comparison.Select(c => (Condition)c)),
            (1, Gen.Select(Gen.Enum<Combinator>(), Conditions(depth - 1).List[2, 4], (combinator, items) => (Condition)new ConditionGroup(combinator, items))));

    [Fact]
    public void Any_condition_the_builder_can_hold_reads_back_as_itself_from_the_expression_it_writes()
    {
        Conditions(3).Where(IsCanonical).Sample(condition =>
        {
            var written = ConditionWriter.Write(condition);
            written.Problems.ShouldBeEmpty();
            var read = ConditionReader.Read(written.Expression!);
            read.NotExpressible.ShouldBeNull(written.Expression);
            read.Condition.ShouldBe(condition, written.Expression);
        }, iter: 2_000);
    }

    /// <summary>
    /// The one shape the builder shows differently from how it was built: an "oder" group of nothing but "ist" on the
    /// same field is "ist eine von" (the same expression).
    /// </summary>
    private static bool IsCanonical(Condition condition) => condition switch
    {
        ConditionGroup { Combinator: Combinator.Or } g when g.Items.All(i => i is Comparison { Operator: ConditionOperator.Is, Measure: Measure.Answer }) && g.Items.Cast<Comparison>().Select(c => c.Field).Distinct().Count() == 1 => false,
        ConditionGroup g => g.Items.All(IsCanonical),
        _ => true,
    };
}
