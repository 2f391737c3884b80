using System.Text.Json.Nodes;
using Sozialplattform.Designer.Rules.Conditions;
using Sozialplattform.Engine;
using Sozialplattform.Engine.Rules;

namespace Sozialplattform.Designer.Tests.Rules.Conditions;

public sealed class ConditionRoundTripTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    public static TheoryData<string, string, string> EveryOperator => new()
    {
        // expression the builder writes, answers (JSON) for which it must be true, for which false
        { "art === 'reise'", """{"art":"reise"}""", """{"art":"pendeln"}""" },
        { "art !== 'reise'", """{"art":"pendeln"}""", """{"art":"reise"}""" },
        { "art === 'reise' || art === 'pendeln'", """{"art":"pendeln"}""", """{"art":"sonst"}""" },
        { "has(leistungen, 'mittagessen')", """{"leistungen":["mittagessen"]}""", """{"leistungen":["ausfluege"]}""" },
        { "!has(leistungen, 'mittagessen')", """{"leistungen":[]}""", """{"leistungen":["mittagessen"]}""" },
        { "einkommen > 1000", """{"einkommen":1000.5}""", """{"einkommen":1000}""" },
        { "einkommen >= 1000", """{"einkommen":1000}""", """{"einkommen":999.99}""" },
        { "einkommen < -5", """{"einkommen":-6}""", """{"einkommen":-5}""" },
        { "einkommen <= 2.50", """{"einkommen":2.5}""", """{"einkommen":2.51}""" },
        { "beginn < '2026-01-01'", """{"beginn":"2025-12-31"}""", """{"beginn":"2026-01-01"}""" },
        { "beginn > '2026-01-01'", """{"beginn":"2026-01-02"}""", """{"beginn":null}""" },
        { "age(geburtsdatum) >= 18", """{"geburtsdatum":"2008-06-15"}""", """{"geburtsdatum":"2008-06-16"}""" },
        { "age(geburtsdatum) < 18", """{"geburtsdatum":"2008-06-16"}""", """{"geburtsdatum":"2008-06-15"}""" },
        { "isEmpty(telefon)", """{"telefon":"  "}""", """{"telefon":"0611 1234"}""" },
        { "isFilled(telefon)", """{"telefon":"0611 1234"}""", """{"telefon":null}""" },
        { "schwanger === true", """{"schwanger":true}""", """{"schwanger":null}""" },
        { "schwanger === false", """{"schwanger":false}""", """{"schwanger":true}""" },
        { "antragsteller.geschlecht !== 'm'", """{"antragsteller":{"geschlecht":"w"}}""", """{"antragsteller":{"geschlecht":"m"}}""" },
        { "row.art === 'rente'", """{"row":{"art":"rente"}}""", """{"row":{"art":"lohn"}}""" },
        // another answer instead of a value
        { "kinderAnzahl >= haushaltGroesse", """{"kinderAnzahl":3,"haushaltGroesse":3}""", """{"kinderAnzahl":2,"haushaltGroesse":3}""" },
        { "einkommen > row.freibetrag", """{"einkommen":600,"row":{"freibetrag":520}}""", """{"einkommen":500,"row":{"freibetrag":520}}""" },
        { "datumBis < datumVon", """{"datumVon":"2026-03-01","datumBis":"2026-02-28"}""", """{"datumVon":"2026-03-01","datumBis":"2026-03-01"}""" },
        { "art !== row.art", """{"art":"a","row":{"art":"b"}}""", """{"art":"a","row":{"art":"a"}}""" },
        { "age(geburtsdatum) >= mindestalter", """{"geburtsdatum":"2008-06-15","mindestalter":18}""", """{"geburtsdatum":"2008-06-15","mindestalter":19}""" },
        // values computed by the engine's helpers
        { "sum(mitglieder, 'einkommen') > 1000", """{"mitglieder":[{"einkommen":600},{"einkommen":400.01}]}""", """{"mitglieder":[{"einkommen":600},{"einkommen":400}]}""" },
        { "sum(mitglieder, 'einkommen') <= freibetrag", """{"mitglieder":[{"einkommen":600}],"freibetrag":600}""", """{"mitglieder":[{"einkommen":600.5}],"freibetrag":600}""" },
        { "count(mitglieder) >= 2", """{"mitglieder":[{},{}]}""", """{"mitglieder":[{}]}""" },
        { "count(kinder) === kinderAnzahl", """{"kinder":[{}],"kinderAnzahl":1}""", """{"kinder":[],"kinderAnzahl":1}""" },
        { "daysBetween(von, bis) < 0", """{"von":"2026-03-02","bis":"2026-03-01"}""", """{"von":"2026-03-01","bis":"2026-03-01"}""" },
        { "monthsBetween(datum, today()) > 12", """{"datum":"2025-05-14"}""", """{"datum":"2025-06-15"}""" },
        { "daysBetween(today(), value) !== 0", """{"value":"2026-06-16"}""", """{"value":"2026-06-15"}""" },
    };

    [Theory]
    [MemberData(nameof(EveryOperator))]
    public void Every_operator_reads_back_writes_the_same_text_and_the_engine_decides_as_intended(string expression, string whenTrue, string whenFalse)
    {
        var read = ConditionReader.Read(expression);

        read.NotExpressible.ShouldBeNull();
        var written = ConditionWriter.Write(read.Condition!);
        written.Expression.ShouldBe(expression);
        ConditionReader.Read(written.Expression!).Condition.ShouldBe(read.Condition);
        Run(expression, whenTrue).ShouldBe(true);
        Run(expression, whenFalse).ShouldBe(false);
    }

    [Fact]
    public void Nested_groups_keep_their_parentheses_and_ist_eine_von_inside_a_group_is_one_condition()
    {
        var model = new ConditionGroup(Combinator.And,
        [
            new Comparison("hatEinkommen", ConditionOperator.IsChecked),
            new Comparison("art", ConditionOperator.IsOneOf, ConditionValue.Of("miete"), ConditionValue.Of("nebenkosten")),
            new ConditionGroup(Combinator.Or,
            [
                new Comparison("einkommen", ConditionOperator.Less, ConditionValue.Of(1100m)),
                new ConditionGroup(Combinator.Or, [new Comparison("sucht", ConditionOperator.IsChecked), new Comparison("schulden", ConditionOperator.IsChecked)]),
            ]),
        ]);

        var expression = ConditionWriter.Write(model).Expression!;

        expression.ShouldBe("hatEinkommen === true && (art === 'miete' || art === 'nebenkosten') && (einkommen < 1100 || (sucht === true || schulden === true))");
        ConditionReader.Read(expression).Condition.ShouldBe(model);
        Run(expression, """{"hatEinkommen":true,"art":"miete","einkommen":5000,"sucht":false,"schulden":true}""").ShouldBe(true);
        Run(expression, """{"hatEinkommen":true,"art":"strom","einkommen":500,"sucht":true,"schulden":true}""").ShouldBe(false);
    }

    [Fact]
    public void Texts_with_quotes_backslashes_and_line_breaks_are_escaped_and_read_back_unchanged()
    {
        var model = new Comparison("name", ConditionOperator.Is, ConditionValue.Of("O'Brien \\ \"x\"\n</script>"));

        var expression = ConditionWriter.Write(model).Expression!;

        ConditionReader.Read(expression).Condition.ShouldBe(model);
        Run(expression, new JsonObject { ["name"] = "O'Brien \\ \"x\"\n</script>" }.ToJsonString()).ShouldBe(true);
    }

    [Theory]
    [InlineData("einkommen < (1100 + 600 * (haushaltGroesse - 1))", "computed-value", "(1100 + 600 * (haushaltGroesse - 1))")]
    [InlineData("count(mitglieder, m => m.schwerbehindert === true) > 0", "not-an-answer", "count(mitglieder, m => m.schwerbehindert === true)")]
    [InlineData("!(a === 1 || b === 2)", "negation", "!(a === 1 || b === 2)")]
    [InlineData("kinderAnzahl >= haushaltGroesse - 1", "computed-value", "haushaltGroesse - 1")]
    [InlineData("daysBetween(von, addDays(bis, 1)) < 0", "not-an-answer", "addDays(bis, 1)")]
    [InlineData("sum(mitglieder, 'einkommen') > '1000'", "operator", "sum(mitglieder, 'einkommen') > '1000'")]
    [InlineData("count(mitglieder) === null", "computed-value", "null")]
    [InlineData("matches(plz, '6[0-9]+')", "helper", "matches(plz, '6[0-9]+')")]
    [InlineData("alter", "not-a-comparison", "alter")]
    [InlineData("age(geburtsdatum) > 18", "operator", "age(geburtsdatum) > 18")]
    [InlineData("x['y'] === 1", "not-an-answer", "x['y']")]
    public void An_expression_the_builder_cannot_show_is_not_expressible_with_the_reason_and_the_part(string expression, string code, string part)
    {
        var read = ConditionReader.Read(expression);

        read.Condition.ShouldBeNull();
        read.NotExpressible!.Code.ShouldBe(code);
        read.NotExpressible.Arguments.ShouldBe([part]);
        expression[read.NotExpressible.Start..read.NotExpressible.End].ShouldBe(part);
        ConditionTexts.Reason(read.NotExpressible).ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Another_answer_on_the_right_is_an_answer_and_a_later_date_reads_as_nach_dem_when_the_field_is_a_date()
    {
        var read = ConditionReader.Read("datumBis > datumVon", name => name.StartsWith("datum", StringComparison.Ordinal) ? "date" : null);

        read.Condition.ShouldBe(new Comparison("datumBis", ConditionOperator.After, ConditionValue.Answer("datumVon")));
        ConditionWriter.Write(read.Condition!).Expression.ShouldBe("datumBis > datumVon");
        ConditionReader.Read("datumBis > datumVon").Condition.ShouldBe(new Comparison("datumBis", ConditionOperator.Greater, ConditionValue.Answer("datumVon")));
        ConditionValue.Answer("art").ShouldNotBe(ConditionValue.Of("art"));
    }

    [Fact]
    public void Computed_values_are_read_as_the_helper_with_its_arguments()
    {
        ConditionReader.Read("sum(mitglieder, 'einkommen') > 1000").Condition.ShouldBe(
            new Comparison("mitglieder", ConditionOperator.Greater, ConditionValue.Of(1000m)) { Measure = Measure.Sum, Argument = "einkommen" });
        ConditionReader.Read("monthsBetween(beginn, today()) >= 6").Condition.ShouldBe(
            new Comparison("beginn", ConditionOperator.GreaterOrEqual, ConditionValue.Of(6m)) { Measure = Measure.MonthsBetween, Argument = "today()" });
        ConditionReader.Read("count(kinder) > 0").Condition.ShouldNotBe(new Comparison("kinder", ConditionOperator.Greater, ConditionValue.Of(0m)));
    }

    [Fact]
    public void A_computed_value_with_a_wrong_operator_column_or_answer_is_refused_with_every_problem()
    {
        var model = new ConditionGroup(Combinator.And,
        [
            new Comparison("mitglieder", ConditionOperator.Contains, ConditionValue.Of("x")) { Measure = Measure.Count },
            new Comparison("mitglieder", ConditionOperator.Greater, ConditionValue.Of(1m)) { Measure = Measure.Sum, Argument = "x'); alert(1); ('" },
            new Comparison("von", ConditionOperator.Less, ConditionValue.Of(0m)) { Measure = Measure.DaysBetween },
            new Comparison("einkommen", ConditionOperator.Greater, ConditionValue.Answer("1 + 1")),
        ]);

        var written = ConditionWriter.Write(model);

        written.Success.ShouldBeFalse();
        written.Problems.Select(p => p.Code).ShouldBe(["measure-operator", "value-kind", "argument-invalid", "argument-invalid", "answer-invalid"]);
        written.Problems.ShouldAllBe(p => ConditionTexts.Reason(p).Length > 0 && ConditionTexts.Reason(p) != p.Code);
    }

    [Fact]
    public void A_syntax_error_is_not_expressible_with_line_and_column()
    {
        var read = ConditionReader.Read("alter >= ");

        read.NotExpressible!.Code.ShouldBe("syntax");
        ConditionTexts.Reason(read.NotExpressible).ShouldStartWith("Syntaxfehler in Zeile 1, Spalte");
    }

    [Fact]
    public void Hand_written_null_checks_show_as_empty_and_filled_and_write_the_helpers()
    {
        var read = ConditionReader.Read("geburtsdatum !== null && age(geburtsdatum) < 18");

        read.Condition.ShouldBe(new ConditionGroup(Combinator.And,
            [new Comparison("geburtsdatum", ConditionOperator.IsFilled), new Comparison("geburtsdatum", ConditionOperator.AgeUnder, ConditionValue.Of(18m))]));
        ConditionWriter.Write(read.Condition!).Expression.ShouldBe("isFilled(geburtsdatum) && age(geburtsdatum) < 18");
        ConditionReader.Read("(alter >= 6)").Condition.ShouldBe(new Comparison("alter", ConditionOperator.GreaterOrEqual, ConditionValue.Of(6m)));
    }

    [Fact]
    public void A_condition_that_cannot_be_written_gets_every_problem_as_data()
    {
        var model = new ConditionGroup(Combinator.Or,
        [
            new Comparison("alter; alert(1)", ConditionOperator.IsEmpty),
            new Comparison("alter", ConditionOperator.Greater, ConditionValue.Of("viel")),
            new Comparison("beginn", ConditionOperator.Before, new ConditionValue(ValueKind.Date, "2026-02-30")),
            new Comparison("art", ConditionOperator.IsOneOf, ConditionValue.Of("a")),
            new Comparison("betrag", ConditionOperator.Is, new ConditionValue(ValueKind.Number, "1e5")),
        ]);

        var written = ConditionWriter.Write(model);

        written.Success.ShouldBeFalse();
        written.Problems.Select(p => p.Code).ShouldBe(["field-invalid", "value-kind", "value-not-a-date", "value-count", "value-not-a-number"]);
        written.Problems.ShouldAllBe(p => ConditionTexts.Reason(p).Length > 0);
        ConditionWriter.Write(new ConditionGroup(Combinator.And, [new Comparison("a", ConditionOperator.IsEmpty)])).Problems.ShouldHaveSingleItem().Code.ShouldBe("group-too-small");
    }

    internal static bool? Run(string expression, string answers)
    {
        var inputs = (JsonObject)JsonNode.Parse(answers)!;
        var result = FormEngineOptions.Default.RuleEngine.Evaluate(expression, inputs, Today, "de");
        result.Success.ShouldBeTrue(string.Join("; ", result.Refusals) + result.SyntaxError + result.Failure);
        return result.Value?.GetValue<bool>();
    }
}
