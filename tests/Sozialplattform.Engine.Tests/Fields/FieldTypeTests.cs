using System.Text.Json.Nodes;
using Sozialplattform.Engine.Definitions;
using Sozialplattform.Engine.Fields;
using Sozialplattform.Engine.Localization;

namespace Sozialplattform.Engine.Tests.Fields;

/// <summary>Each field type: what it accepts, how it normalises, what it rejects, how it reads in documents.</summary>
public class FieldTypeTests
{
    private static readonly FormEngine AllTypes = TestSupport.LoadSample("alle-feldtypen");

    private static FieldDefinition Field(string key) => AllTypes.Definition.AllFields().Single(f => f.Key == key);

    private static ParseResult Parse(string key, string json) => Field(key).Type.Parse(JsonNode.Parse(json)!, Field(key));

    private static string Format(string key, string json, string language = "de") =>
        Field(key).Type.Format(Field(key), Parse(key, json).Value!, new FormatContext(language, Localizer.Default));

    [Theory]
    [InlineData("DE89 3704 0044 0532 0130 00", true)]
    [InlineData("de89370400440532013000", true)]
    [InlineData("GB82 WEST 1234 5698 7654 32", true)]
    [InlineData("DE89 3704 0044 0532 0130 01", false)]
    [InlineData("DE89 3704 0044 0532 0130", false)]
    [InlineData("XX89 3704 0044 0532 0130 00", false)]
    public void Iban_is_checked_by_country_length_and_checksum(string iban, bool valid) => Iban.IsValid(iban.Replace(" ", "").ToUpperInvariant()).ShouldBe(valid);

    [Fact]
    public void Iban_is_stored_without_spaces_in_upper_case_and_printed_in_groups_of_four()
    {
        Parse("iban", "\"de89 3704 0044 0532 0130 00\"").Value!.GetValue<string>().ShouldBe("DE89370400440532013000");
        Format("iban", "\"DE89370400440532013000\"").ShouldBe("DE89 3704 0044 0532 0130 00");
    }

    [Fact]
    public void Money_is_exact_to_the_cent_and_rejects_fractions_of_a_cent()
    {
        Parse("betrag", "1234.56").Value!.GetValue<decimal>().ShouldBe(1234.56m);
        Parse("betrag", "0.1").Value!.GetValue<decimal>().ShouldBe(0.1m);
        Parse("betrag", "12.345").ErrorCode.ShouldBe("money");
        Format("betrag", "1234.5").ShouldBe("1.234,50 €");
        Format("betrag", "1234.5", "en").ShouldBe("€1,234.50");
    }

    [Theory]
    [InlineData("1.234,56", "1234.56")]
    [InlineData("1234,56", "1234.56")]
    [InlineData("1234.56", "1234.56")]
    [InlineData("1.234", "1234")]
    [InlineData("0.5", "0.5")]
    [InlineData(" 12 € ", "12")]
    public void Numbers_typed_by_a_person_are_read_in_german_and_english_notation(string typed, string expected) =>
        DisplayFormats.ParseTypedNumber(typed)!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe(expected);

    [Fact]
    public void A_date_typed_in_german_notation_becomes_an_iso_date()
    {
        var field = Field("geburtsdatum");
        field.Type.FromFormInput(field, new Input("5.3.1971"))!.GetValue<string>().ShouldBe("1971-03-05");
        field.Type.FromFormInput(field, new Input("1971-03-05"))!.GetValue<string>().ShouldBe("1971-03-05");
        field.Type.FromFormInput(field, new Input("gestern"))!.GetValue<string>().ShouldBe("gestern");
    }

    [Fact]
    public void Relative_date_bounds_are_resolved_against_today()
    {
        var engine = TestSupport.LoadSample("alle-feldtypen");
        var tooYoung = engine.Validate(TestSupport.Answers("""{ "geburtsdatum": "2008-11-26" }"""));
        tooYoung.Errors.ShouldContain(e => e.Path == "geburtsdatum" && e.Code == "maxDate" && (string)e.Args["max"]! == "2008-11-25");
        engine.Validate(TestSupport.Answers("""{ "geburtsdatum": "2008-11-25" }""")).Errors.ShouldNotContain(e => e.Path == "geburtsdatum");
    }

    [Fact]
    public void Text_is_trimmed_normalised_and_stripped_of_control_characters()
    {
        Parse("name", "\"  Jo\\u0308rg\\u0007  \"").Value!.GetValue<string>().ShouldBe("Jörg");
        Parse("bemerkung", "\"eins\\r\\nzwei\"").Value!.GetValue<string>().ShouldBe("eins\nzwei");
    }

    [Fact]
    public void Multiple_choice_accepts_a_single_code_and_removes_duplicates() =>
        Parse("sprachen", "[\"de\", \"de\", \"tr\"]").Value!.ToJsonString().ShouldBe("[\"de\",\"tr\"]");

    [Fact]
    public void Yes_no_reads_as_ja_and_nein() => Format("einverstanden", "false").ShouldBe("Nein");

    [Fact]
    public void An_address_is_normalised_with_germany_as_default_country()
    {
        var value = Parse("anschrift", """{ "street": " Hauptstr. ", "houseNumber": "1", "postalCode": "01067", "city": "Dresden" }""").Value!;
        value["country"]!.GetValue<string>().ShouldBe("DE");
        Format("anschrift", value.ToJsonString()).ShouldBe("Hauptstr. 1, 01067 Dresden");
        Parse("anschrift", """{ "street": "x", "planet": "Mars" }""").ErrorCode.ShouldBe("unknownAnswer");
    }

    [Fact]
    public void Attachment_metadata_must_be_complete_and_is_listed_with_its_size()
    {
        Parse("ausweis", """{ "id": "1", "name": "a.pdf", "size": 1000, "mediaType": "application/pdf" }""").ErrorCode.ShouldBe("attachment");
        Format("ausweis", """[{ "id": "1", "name": "a.pdf", "size": 2048, "mediaType": "application/pdf", "sha256": "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae" }]""")
            .ShouldBe("a.pdf (2 KB)");
    }

    [Fact]
    public void Every_built_in_field_type_is_used_by_a_sample()
    {
        var used = Directory.GetDirectories(Path.Combine(TestSupport.Samples, "forms"))
            .SelectMany(d => TestSupport.LoadSample(Path.GetFileName(d)).Definition.AllFields())
            .Select(f => f.Type.Name)
            .ToHashSet();
        used.ShouldBe(TestSupport.Options.FieldTypes.All.Select(t => t.Name), ignoreOrder: true);
    }

    private sealed class Input(string value) : IFormInput
    {
        public IReadOnlyList<string> Values(string? part = null) => [value];
    }
}
