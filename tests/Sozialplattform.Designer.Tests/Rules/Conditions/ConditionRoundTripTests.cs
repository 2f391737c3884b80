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
    [InlineData("kinderAnzahl >= haushaltGroesse", "computed-value", "haushaltGroesse")]
    [InlineData("daysBetween(von, bis) < 0", "not-an-answer", "daysBetween(von, bis)")]
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
