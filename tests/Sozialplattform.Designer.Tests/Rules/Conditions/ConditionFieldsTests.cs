using System.Text.Json.Nodes;
using Sozialplattform.Designer.Documents;
using Sozialplattform.Designer.Rules.Conditions;
using Sozialplattform.Designer.Tests.Support;
using Sozialplattform.Designer.TestHost.Testing;
using Sozialplattform.Engine.Catalog;

namespace Sozialplattform.Designer.Tests.Rules.Conditions;

public sealed class ConditionFieldsTests
{
    [Fact]
    public void Inside_a_repeating_group_the_row_s_fields_are_in_the_same_row_and_each_type_offers_its_operators()
    {
        var fields = ConditionFields.For(Forms.Household(), DocumentPath.Parse("pages[0].items[1].items[2]"), "visibleIf");

        fields.Select(f => (f.Name, f.InSameRow)).ShouldBe([("vorname", true), ("alter", true), ("schule", true), ("hatKinder", false), ("kinder", false)]);
        fields.Single(f => f.Name == "alter").Operators.ShouldContain(ConditionOperator.GreaterOrEqual);
        fields.Single(f => f.Name == "hatKinder").Operators.ShouldBe([ConditionOperator.IsChecked, ConditionOperator.IsNotChecked, ConditionOperator.IsEmpty, ConditionOperator.IsFilled]);
        fields.Single(f => f.Name == "kinder").Operators.ShouldBe([ConditionOperator.IsEmpty, ConditionOperator.IsFilled]);
    }

    [Fact]
    public void A_choice_offers_its_options_from_the_code_list_with_their_German_labels()
    {
        var (form, choice) = Repository.CatalogForms()
            .Select(f => (JsonObject)JsonNode.Parse(File.ReadAllText(f))!)
            .Select(f => (Form: f, Choice: ((JsonArray)f["pages"]!).SelectMany(p => (JsonArray)p!["items"]!).OfType<JsonObject>().FirstOrDefault(i => i["codeList"] is not null)))
            .First(f => f.Choice is not null);
        var codeList = choice!["codeList"]!.ToString().Split('@');
        var listed = JsonNode.Parse(new CatalogDirectory(Repository.Catalog).CodeList(codeList[0], codeList[1])!.Text)!["items"]!.AsArray();

        var fields = ConditionFields.For(form, DocumentPath.Parse("pages[0].items[0]"), "visibleIf", new CatalogDirectory(Repository.Catalog));

        var options = fields.Single(f => f.Name == choice["key"]!.ToString()).Options;
        options.Select(o => o.Code).ShouldBe(listed.Select(i => i!["code"]!.ToString()));
        options.ShouldAllBe(o => o.Label.Length > 0);
    }
}
