using Sozialplattform.Fim.Definitions;
using Sozialplattform.Fim.Tests.Support;
using static Sozialplattform.Fim.Tests.Support.Xdf;

namespace Sozialplattform.Fim.Tests.Mapping;

public sealed class CardinalityMappingTests
{
    private static FormDocument Import(string structures)
    {
        using var dir = new TempDirectory();
        return FimImportRunner.ImportXml(Schema3(structures), dir).Catalog().Form;
    }

    [Fact]
    public void A_required_field_is_required_and_an_optional_one_is_not()
    {
        var form = Import(Use("1:1", Field("F1")) + Use("0:1", Field("F2")));

        form.Item("F1").Required.ShouldBe(true);
        form.Item("F2").Required.ShouldBeNull();
    }

    [Fact]
    public void A_group_used_once_exactly_is_a_plain_group_whose_fields_stay_required()
    {
        var form = Import(Use("1:1", Group("G1", Use("1:1", Field("F1")))));

        var group = form.Item("G1");
        group.Repeat.ShouldBeNull();
        group.Items!.Single().Required.ShouldBe(true);
    }

    [Theory]
    [InlineData("0:1", 0, 1)]
    [InlineData("1:*", 1, null)]
    [InlineData("0:*", 0, null)]
    [InlineData("2:5", 2, 5)]
    public void Other_group_cardinalities_become_repeat_min_and_max(string anzahl, int min, int? max)
    {
        var form = Import(Use(anzahl, Group("G1", Use("1:1", Field("F1")))));

        form.Item("G1").Repeat.ShouldBe(new RepeatDocument(min, max));
    }

    [Fact]
    public void Each_top_level_group_is_a_page_and_consecutive_top_level_fields_share_one()
    {
        var form = Import(Use("1:1", Field("F1")) + Use("1:1", Field("F2")) + Use("1:1", Group("G1", Use("1:1", Field("F3")))) + Use("1:1", Field("F4")));

        form.Pages.Select(p => p.Id).ShouldBe(["angaben", "G1", "angaben_2"]);
        form.Pages[0].Items.Select(i => i.Key).ShouldBe(["F1", "F2"]);
        form.Pages[1].Items.Single().Key.ShouldBe("G1");
        form.Pages[1].Title.German.ShouldBe("Gruppe");
    }

    [Fact]
    public void A_repeated_text_field_becomes_a_repeating_group_holding_the_field_under_the_same_key()
    {
        var form = Import(Use("1:1", Group("G1", Use("2:5", Field("F1", label: "Anschriftzeile")))));

        var wrapper = form.Pages[0].Items[0].Items!.Single();
        wrapper.Type.ShouldBe("group");
        wrapper.Key.ShouldBe("F1");
        wrapper.Repeat.ShouldBe(new RepeatDocument(2, 5));
        wrapper.Title!.German.ShouldBe("Anschriftzeile");
        wrapper.Items!.Single().ShouldSatisfyAllConditions(f => f.Key.ShouldBe("F1"), f => f.Type.ShouldBe("text"), f => f.Required.ShouldBe(true));
    }

    [Fact]
    public void A_repeated_select_becomes_a_multiple_choice_with_min_and_max_selected()
    {
        var form = Import(Use("1:1", Field("F1", feldart: "select", extra: Values(("1", "a"), ("2", "b"), ("3", "c")))) .Replace("1:1", "2:3"));

        var field = form.Item("F1");
        field.Type.ShouldBe("multiChoice");
        field.Required.ShouldBe(true);
        field.MinSelected.ShouldBe(2);
        field.MaxSelected.ShouldBe(3);
    }

    [Theory]
    [InlineData("0:*", null, 100)]
    [InlineData("1:3", true, 3)]
    [InlineData("1:1", true, null)]
    public void Repeated_uploads_become_max_files(string anzahl, bool? required, int? maxFiles)
    {
        var form = Import(Use(anzahl, Field("F1", "file")));

        form.Item("F1").ShouldSatisfyAllConditions(f => f.Type.ShouldBe("file"), f => f.Required.ShouldBe(required), f => f.MaxFiles.ShouldBe(maxFiles));
    }

    [Fact]
    public void The_same_element_twice_among_siblings_gets_a_numbered_key_and_a_warning()
    {
        using var dir = new TempDirectory();
        var result = FimImportRunner.ImportXml(Schema3(Use("1:1", Group("G1", Use("1:1", Field("F1")) + Use("0:1", Field("F1"))))), dir);

        result.Catalog().Form.Item("G1").Items!.Select(i => i.Key).ShouldBe(["F1", "F1_2"]);
        result.WithCode("key-duplicate").ShouldHaveSingleItem().ElementId.ShouldBe("F1");
    }
}
