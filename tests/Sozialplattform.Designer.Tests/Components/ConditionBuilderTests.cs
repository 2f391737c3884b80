using Bunit;
using Microsoft.AspNetCore.Components;
using Sozialplattform.Designer.Components.Editor;
using Sozialplattform.Designer.Documents;
using Sozialplattform.Designer.Rules.Conditions;
using Sozialplattform.Designer.Tests.Support;

namespace Sozialplattform.Designer.Tests.Components;

public sealed class ConditionBuilderTests : BunitContext
{
    private static readonly IReadOnlyList<ConditionField> RowFields =
        ConditionFields.For(Forms.Household(), DocumentPath.Parse("pages[0].items[1].items[2]"), "visibleIf");

    [Theory]
    [InlineData("alter >= 6")]
    [InlineData("hatKinder === true && (vorname === 'Ada' || vorname === 'Bo') && (alter < 3 || isEmpty(schule))")]
    public void A_rule_it_can_show_is_shown_field_by_field_and_an_unchanged_edit_writes_the_same_expression(string expression)
    {
        string? written = null;
        var builder = Builder(expression, e => written = e);

        builder.FindAll("[data-testid=condition]").Count.ShouldBe(ConditionReader.Read(expression).Condition is ConditionGroup g ? CountComparisons(g) : 1);
        builder.Find("select[id$='-0-field']").GetAttribute("value").ShouldBe(expression.Split(' ')[0]);
        builder.Find("select[id$='-0-operator']").Change(builder.Find("select[id$='-0-operator']").GetAttribute("value"));

        written.ShouldBe(expression);
    }

    [Fact]
    public void The_author_builds_a_condition_in_the_same_row_and_the_builder_writes_the_engine_s_expression()
    {
        string? written = null;
        var builder = Builder("", e => written = e);

        builder.FindAll("button").First(b => b.TextContent == "Bedingung hinzufügen").Click();
        builder.Find("option[value=alter]").TextContent.ShouldBe("Alter (in derselben Zeile)");
        builder.Find("select[id$='-0-field']").Change("alter");
        builder.Find("select[id$='-0-operator']").Change(nameof(ConditionOperator.GreaterOrEqual));
        builder.Find("input[id$='-0-value']").Change("6");

        written.ShouldBe("alter >= 6");
        builder.FindAll("button").First(b => b.TextContent == "Bedingung hinzufügen").Click();
        builder.Find("select[id$='-1-field']").Change("hatKinder");
        written.ShouldBe("alter >= 6 && hatKinder === true");
    }

    [Fact]
    public void A_wrong_value_is_said_in_German_and_nothing_is_written()
    {
        string? written = null;
        var builder = Builder("alter >= 6", e => written = e);

        builder.Find("input[id$='-0-value']").Change("sechs");

        written.ShouldBeNull();
        builder.Find("[role=alert]").TextContent.ShouldContain("„sechs“ ist keine Zahl");
    }

    [Fact]
    public void A_rule_it_cannot_show_stays_text_with_the_reason()
    {
        var builder = Builder("count(kinder, k => k.alter < 6) > 0", _ => { });

        builder.Find("[data-testid=condition-not-expressible]").TextContent.ShouldContain("bleibt als Text bearbeitbar");
        builder.FindAll("[data-testid=condition]").ShouldBeEmpty();
    }

    private IRenderedComponent<ConditionBuilder> Builder(string expression, Action<string> written) => Render<ConditionBuilder>(p => p
        .Add(b => b.Fields, RowFields)
        .Add(b => b.Expression, expression)
        .Add(b => b.OnWritten, EventCallback.Factory.Create(this, written)));

    private static int CountComparisons(ConditionGroup group) => group.Items.Sum(i => i is ConditionGroup inner ? CountComparisons(inner) : 1);
}
