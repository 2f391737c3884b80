using System.Text.Json.Nodes;
using Bunit;
using Microsoft.AspNetCore.Components;
using Sozialplattform.Designer.Components.Editor;
using Sozialplattform.Designer.Documents;
using Sozialplattform.Designer.Rules.Conditions;
using Sozialplattform.Designer.Tests.Rules.Conditions;

namespace Sozialplattform.Designer.Tests.Components;

/// <summary>The builder's comparisons with another answer and its computed values (sum of a column, count of rows, days and months between dates).</summary>
public sealed class ConditionBuilderAnswersTests : BunitContext
{
    private static readonly JsonObject Form = (JsonObject)JsonNode.Parse("""
        {
          "id": "probe", "version": "1.0.0", "status": "draft", "languages": ["de"], "title": {"de": "Probe"},
          "pages": [{"id": "start", "title": {"de": "Start"}, "items": [
            {"key": "datumVon", "type": "date", "label": {"de": "Datum von"}},
            {"key": "datumBis", "type": "date", "label": {"de": "Datum bis"}},
            {"key": "grenze", "type": "money", "label": {"de": "Grenze"}},
            {"key": "mitglieder", "type": "group", "title": {"de": "Mitglieder"}, "repeat": {"min": 0, "max": 9}, "items": [
              {"key": "einkommen", "type": "money", "label": {"de": "Einkommen"}},
              {"key": "freibetrag", "type": "money", "label": {"de": "Freibetrag"}},
              {"key": "hinweis", "type": "text", "label": {"de": "Hinweis"}}
            ]}
          ]}]
        }
        """)!;

    private static readonly IReadOnlyList<ConditionField> RootFields = ConditionFields.For(Form, DocumentPath.Parse("pages[0].items[2]"), "visibleIf");

    private static readonly IReadOnlyList<ConditionField> RowFields = ConditionFields.For(Form, DocumentPath.Parse("pages[0].items[3].items[2]"), "visibleIf");

    [Fact]
    public void The_author_compares_datum_bis_with_datum_von_and_reads_it_back_as_nach_dem_the_other_answer()
    {
        string? written = null;
        var builder = Builder(RootFields, "", e => written = e);

        AddCondition(builder);
        builder.Find("select[id$='-0-field']").Change("datumBis");
        builder.Find("select[id$='-0-operator']").Change(nameof(ConditionOperator.After));
        builder.Find("select[id$='-0-with']").Change("answer");
        builder.Find("select[id$='-0-answer']").Change("datumVon");

        written.ShouldBe("datumBis > datumVon");
        var shown = Builder(RootFields, written!, _ => { });
        shown.Find("select[id$='-0-operator']").GetAttribute("value").ShouldBe(nameof(ConditionOperator.After));
        shown.Find("select[id$='-0-with']").GetAttribute("value").ShouldBe("answer");
        shown.Find("select[id$='-0-answer']").GetAttribute("value").ShouldBe("datumVon");
        shown.FindAll("select[id$='-0-answer'] option").Select(o => o.GetAttribute("value")).ShouldBe(["datumVon"]);
    }

    [Fact]
    public void In_a_repeating_group_the_author_compares_two_answers_of_the_same_row()
    {
        string? written = null;
        var builder = Builder(RowFields, "", e => written = e);

        AddCondition(builder);
        builder.Find("select[id$='-0-field']").Change("einkommen");
        builder.Find("select[id$='-0-operator']").Change(nameof(ConditionOperator.Greater));
        builder.Find("select[id$='-0-with']").Change("answer");

        builder.FindAll("select[id$='-0-answer'] option").Select(o => o.TextContent).ShouldContain("Freibetrag (in derselben Zeile)");
        builder.Find("select[id$='-0-answer']").Change("freibetrag");
        written.ShouldBe("einkommen > freibetrag");
        ConditionRoundTripTests.Run(written!, """{"einkommen":600,"freibetrag":520}""").ShouldBe(true);
    }

    [Fact]
    public void The_author_compares_the_sum_of_a_column_with_another_answer_and_counts_rows()
    {
        string? written = null;
        var builder = Builder(RootFields, "", e => written = e);

        AddCondition(builder);
        builder.FindAll("select[id$='-0-field'] option").Select(o => o.TextContent).ShouldContain("Summe von „Mitglieder“: „Einkommen“");
        builder.Find("select[id$='-0-field']").Change("sum:mitglieder:einkommen");
        builder.Find("select[id$='-0-operator']").Change(nameof(ConditionOperator.GreaterOrEqual));
        builder.Find("select[id$='-0-with']").Change("answer");
        builder.Find("select[id$='-0-answer']").Change("grenze");
        written.ShouldBe("sum(mitglieder, 'einkommen') >= grenze");

        AddCondition(builder);
        builder.Find("select[id$='-1-field']").Change("count:mitglieder");
        builder.Find("input[id$='-1-value']").Change("2");
        written.ShouldBe("sum(mitglieder, 'einkommen') >= grenze && count(mitglieder) > 2");
        ConditionRoundTripTests.Run(written!, """{"grenze":1000,"mitglieder":[{"einkommen":500},{"einkommen":500},{"einkommen":0}]}""").ShouldBe(true);
    }

    [Fact]
    public void The_author_counts_the_days_from_one_date_to_another_or_to_today()
    {
        string? written = null;
        var builder = Builder(RootFields, "", e => written = e);

        AddCondition(builder);
        builder.Find("select[id$='-0-field']").Change("days:datumVon");
        builder.Find("select[id$='-0-until']").GetAttribute("value").ShouldBe("datumBis");
        builder.Find("select[id$='-0-operator']").Change(nameof(ConditionOperator.Less));
        builder.Find("input[id$='-0-value']").Change("0");
        written.ShouldBe("daysBetween(datumVon, datumBis) < 0");

        builder.Find("select[id$='-0-until']").Change("today()");
        written.ShouldBe("daysBetween(datumVon, today()) < 0");
    }

    [Theory]
    [InlineData("sum(mitglieder, 'einkommen') >= grenze && count(mitglieder) > 2")]
    [InlineData("monthsBetween(datumVon, today()) > 12 || datumBis < datumVon")]
    public void A_computed_value_or_another_answer_is_shown_and_an_unchanged_edit_writes_the_same_expression(string expression)
    {
        string? written = null;
        var builder = Builder(RootFields, expression, e => written = e);

        builder.FindAll("[data-testid=condition-not-expressible]").ShouldBeEmpty();
        builder.FindAll("[data-testid=condition]").Count.ShouldBe(2);
        builder.Find("select[id$='-0-operator']").Change(builder.Find("select[id$='-0-operator']").GetAttribute("value"));

        written.ShouldBe(expression);
    }

    private static void AddCondition(IRenderedComponent<ConditionBuilder> builder) =>
        builder.FindAll("button").First(b => b.TextContent == "Bedingung hinzufügen").Click();

    private IRenderedComponent<ConditionBuilder> Builder(IReadOnlyList<ConditionField> fields, string expression, Action<string> written) => Render<ConditionBuilder>(p => p
        .Add(b => b.Fields, fields)
        .Add(b => b.Expression, expression)
        .Add(b => b.OnWritten, EventCallback.Factory.Create(this, written)));
}
