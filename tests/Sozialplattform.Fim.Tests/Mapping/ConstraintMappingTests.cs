using System.Text.Json.Nodes;
using Sozialplattform.Fim.Definitions;
using Sozialplattform.Fim.Tests.Support;
using static Sozialplattform.Fim.Tests.Support.Xdf;

namespace Sozialplattform.Fim.Tests.Mapping;

/// <summary><c>praezisierung</c>: attributes in XDatenfelder 3, a JSON string (with string values) in 2, and the garbage real exports contain.</summary>
public sealed class ConstraintMappingTests
{
    private static (ItemDocument Field, Sozialplattform.Fim.Importing.ImportResult Result) Import2(string datentyp, string praezisierung)
    {
        using var dir = new TempDirectory();
        var xml = Schema2(Use("1:1", Field("F00000001", datentyp, extra: $"<xdf:praezisierung>{praezisierung}</xdf:praezisierung>", version: "1.0")));
        var result = FimImportRunner.ImportXml(xml, dir);
        return (result.Catalog().Form.Item("F00000001"), result);
    }

    [Fact]
    public void Xdatenfelder_3_attributes_become_length_and_pattern_constraints()
    {
        using var dir = new TempDirectory();
        var xml = Schema3(Use("1:1", Field("F1", extra: """<xdf:praezisierung minLength="5" maxLength="5" pattern="[0-9]{5}"/>""")));

        var field = FimImportRunner.ImportXml(xml, dir).Catalog().Form.Item("F1");

        (field.MinLength, field.MaxLength, field.Pattern).ShouldBe((5, 5, "[0-9]{5}"));
    }

    [Fact]
    public void An_xdatenfelder_2_json_string_with_string_values_becomes_constraints()
    {
        var (field, _) = Import2("text", """{"minLength":"1","pattern":"[\\p{L}0-9. ]*","maxLength":"2"}""");

        (field.MinLength, field.MaxLength, field.Pattern).ShouldBe((1, 2, @"[\p{L}0-9. ]*"));
    }

    [Fact]
    public void Number_bounds_become_min_and_max()
    {
        var (field, _) = Import2("num_int", """{"minValue":"1850","maxValue":"2025"}""");

        JsonNode.DeepEquals(field.Min, JsonValue.Create(1850m)).ShouldBeTrue();
        JsonNode.DeepEquals(field.Max, JsonValue.Create(2025m)).ShouldBeTrue();
    }

    [Fact]
    public void A_range_like_1_to_31_as_real_exports_write_it_becomes_min_and_max()
    {
        var (field, result) = Import2("num_int", "1..31");

        (field.Min!.GetValue<decimal>(), field.Max!.GetValue<decimal>()).ShouldBe((1m, 31m));
        result.WithCode("praezisierung-range").ShouldHaveSingleItem();
    }

    [Fact]
    public void A_value_that_is_neither_json_nor_a_range_is_kept_as_a_note_with_a_warning()
    {
        var (field, result) = Import2("text", "5");

        field.MaxLength.ShouldBeNull();
        field.Notes!.ShouldContain(n => n.Source == "fim:praezisierung" && n.Text == "5");
        result.WithCode("praezisierung-not-understood").ShouldHaveSingleItem().ElementId.ShouldBe("F00000001");
    }

    [Fact]
    public void A_description_where_a_pattern_belongs_is_not_used_as_a_pattern()
    {
        var (field, result) = Import2("text", """{"minLength":"12","pattern":"Codeliste Regionalschlüssel","maxLength":"12"}""");

        field.Pattern.ShouldBeNull();
        field.MaxLength.ShouldBe(12);
        result.WithCode("pattern-not-regex").ShouldHaveSingleItem();
    }

    [Fact]
    public void An_invalid_regular_expression_is_left_out_with_a_warning()
    {
        var (field, result) = Import2("text", """{"pattern":"[a-z"}""");

        field.Pattern.ShouldBeNull();
        result.WithCode("pattern-invalid").ShouldHaveSingleItem();
    }

    [Fact]
    public void Date_bounds_are_read_as_iso_or_german_dates()
    {
        var (field, _) = Import2("date", """{"minValue":"01.01.1900","maxValue":"2030-12-31"}""");

        (field.Min!.GetValue<string>(), field.Max!.GetValue<string>()).ShouldBe(("1900-01-01", "2030-12-31"));
    }

    [Fact]
    public void Length_constraints_on_a_number_are_ignored_with_a_note_in_the_report()
    {
        var (field, result) = Import2("num", """{"minLength":"1","maxLength":"10"}""");

        field.MaxLength.ShouldBeNull();
        result.WithCode("constraint-ignored").ShouldHaveSingleItem().Arg("constraints").ShouldBe("minLength, maxLength");
    }
}
