using System.Text.Json.Nodes;
using Sozialplattform.Designer.Documents;
using Sozialplattform.Designer.Rules;
using Sozialplattform.Designer.Tests.Support;
using Sozialplattform.Engine.Catalog;

namespace Sozialplattform.Designer.Tests.Rules;

public sealed class RuleAssistanceTests
{
    private static readonly DocumentPath Schule = DocumentPath.Parse("pages[0].items[1].items[2]");

    [Fact]
    public void Inside_a_repeating_group_the_scope_lists_the_row_first_then_the_outer_fields_and_row_helpers()
    {
        var scope = RuleScope.For(Forms.Household(), Schule, "visibleIf");

        scope.Names.Select(n => (n.Name, n.Level)).ShouldBe([
            ("vorname", 0), ("alter", 0), ("schule", 0), ("hatKinder", 1), ("kinder", 1), ("row", 0), ("rowIndex", 0)]);
        scope.Names.Single(n => n.Name == "kinder").Kind.ShouldBe(ScopeNameKind.RepeatingGroup);
    }

    [Fact]
    public void Outside_any_group_there_is_no_row_and_field_validations_have_value()
    {
        var scope = RuleScope.For(Forms.Household(), DocumentPath.Parse("pages[0].items[0]"), "validations");

        scope.Names.Select(n => n.Name).ShouldBe(["hatKinder", "kinder", "value"]);
    }

    [Fact]
    public void Members_of_a_building_block_are_in_scope_with_a_dotted_name()
    {
        var form = (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.Samples, "forms", "haushalt", "1.0.0", "form.json")))!;

        var scope = RuleScope.For(form, DocumentPath.Parse("pages[0].items[1]"), "visibleIf", new CatalogDirectory(Repository.Samples));

        scope.Names.ShouldContain(n => n.Name == "antragsteller.geburtsdatum");
    }

    [Fact]
    public void The_check_reports_syntax_errors_with_their_position_and_unknown_names_with_similar_ones()
    {
        var form = Forms.Household();
        var scope = RuleScope.For(form, Schule, "visibleIf");
        var path = Schule.Property("visibleIf");

        RuleCheck.Check(form, path, "alter >= ", scope, null).ShouldHaveSingleItem().ShouldStartWith("Syntaxfehler in Zeile 1, Spalte");
        RuleCheck.Check(form, path, "alterr >= 6", scope, null).ShouldHaveSingleItem().ShouldContain("Ähnlich: alter");
        RuleCheck.Check(form, path, "new Date('2024-01-01').getDay() > 0", scope, null).ShouldHaveSingleItem().ShouldContain("'Date' ist in Regeln nicht erlaubt");
        RuleCheck.Check(form, path, "Date.now() > 0", scope, null).ShouldHaveSingleItem().ShouldContain("Date.now liefert bei jedem Aufruf ein anderes Ergebnis");
        RuleCheck.Check(form, path, "alter >= 6 && row.vorname !== '' && age('2000-01-01') > 3", scope, null).ShouldBeEmpty();
    }

    [Fact]
    public void The_check_passes_on_what_the_engine_finds_in_the_whole_definition()
    {
        var form = Forms.Household();
        var kinder = (JsonArray)form["pages"]![0]!["items"]![1]!["items"]!;
        kinder[1]!["visibleIf"] = "schule !== null";
        var scope = RuleScope.For(form, Schule, "visibleIf");

        var messages = RuleCheck.Check(form, Schule.Property("visibleIf"), "alter >= 6", scope, null);

        messages.ShouldHaveSingleItem().ShouldStartWith("Bedingungen und berechnete Werte hängen im Kreis voneinander ab: ");
    }

    [Fact]
    public void Trying_a_per_row_rule_uses_the_chosen_row_of_the_sample_answers()
    {
        var answers = (JsonObject)JsonNode.Parse("""{"hatKinder": true, "kinder": [{"vorname": "Ada", "alter": 4}, {"vorname": "Bo", "alter": 9}]}""")!;
        var scope = RuleScope.For(Forms.Household(), Schule, "visibleIf");

        RuleTrial.Try(scope, "alter >= 6", answers).Result.Value!.GetValue<bool>().ShouldBeFalse();
        var second = RuleTrial.Try(scope, "alter >= 6 && rowIndex === 1 && hatKinder", answers, rows: [1]);
        second.Result.Value!.GetValue<bool>().ShouldBeTrue();
        second.Inputs["vorname"]!.GetValue<string>().ShouldBe("Bo");
    }

    [Fact]
    public void A_failing_rule_reports_its_failure_instead_of_a_value()
    {
        var scope = RuleScope.For(Forms.Household(), Schule, "visibleIf");

        var trial = RuleTrial.Try(scope, "alter.foo.bar", new JsonObject());

        trial.Result.Success.ShouldBeFalse();
        trial.Result.Failure.ShouldNotBeNull();
    }

    [Fact]
    public void The_helper_list_has_signature_description_and_example()
    {
        RuleHelp.Helpers().ShouldContain(f => f.Name == "age" && f.Signature.Length > 0 && f.Description.Length > 0 && f.Example.Length > 0);
    }
}
