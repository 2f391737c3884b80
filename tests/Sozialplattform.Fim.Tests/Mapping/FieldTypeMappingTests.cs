using System.Text.Json.Nodes;
using Sozialplattform.Fim.Definitions;
using Sozialplattform.Fim.Tests.Support;
using static Sozialplattform.Fim.Tests.Support.Xdf;

namespace Sozialplattform.Fim.Tests.Mapping;

public sealed class FieldTypeMappingTests
{
    private static ItemDocument ImportField(string field, string anzahl = "1:1")
    {
        using var dir = new TempDirectory();
        return FimImportRunner.ImportXml(Schema3(Use(anzahl, field)), dir).Catalog().Form.Pages[0].Items[0];
    }

    [Theory]
    [InlineData("text", "text")]
    [InlineData("text_latin", "text")]
    [InlineData("date", "date")]
    [InlineData("bool", "yesNo")]
    [InlineData("num", "decimal")]
    [InlineData("num_int", "integer")]
    [InlineData("num_currency", "money")]
    [InlineData("file", "file")]
    [InlineData("obj", "file")]
    [InlineData("time", "text")]
    [InlineData("datetime", "text")]
    public void Input_data_types_map_to_field_types(string datentyp, string type)
    {
        ImportField(Field("F1", datentyp)).Type.ShouldBe(type);
    }

    [Fact]
    public void Time_has_no_field_type_yet_so_it_is_text_with_an_hh_mm_pattern_and_a_note_keeping_the_fim_type()
    {
        var field = ImportField(Field("F1", "time"));

        field.Pattern.ShouldBe("([01][0-9]|2[0-3]):[0-5][0-9]");
        field.Notes!.ShouldContain(n => n.Source == "fim:datentyp=time");
    }

    [Fact]
    public void A_text_longer_than_a_text_box_becomes_a_textarea()
    {
        ImportField(Field("F1", extra: """<xdf:praezisierung maxLength="5000"/>""")).Type.ShouldBe("textarea");
    }

    [Fact]
    public void A_label_becomes_an_info_item_showing_its_content()
    {
        var info = ImportField(Field("F1", feldart: "label", extra: "<xdf:inhalt>Bitte beachten Sie …</xdf:inhalt>"));

        info.Type.ShouldBe("info");
        info.Text!.German.ShouldBe("Bitte beachten Sie …");
        info.Required.ShouldBeNull();
    }

    [Fact]
    public void A_locked_field_is_read_only_with_its_content_as_default()
    {
        var field = ImportField(Field("F1", feldart: "locked", extra: "<xdf:inhalt>DE</xdf:inhalt>"));

        field.ReadOnly.ShouldBe(true);
        field.Default!.GetValue<string>().ShouldBe("DE");
    }

    [Theory]
    [InlineData("locked")]
    [InlineData("hidden")]
    public void A_required_read_only_field_without_content_is_imported_optional_because_nobody_could_fill_it_in(string feldart)
    {
        using var dir = new TempDirectory();
        var result = FimImportRunner.ImportXml(Schema3(Use("1:1", Field("F05000017636", feldart: feldart, label: "Adresssuche"))), dir);
        var field = result.Catalog().Form.Pages[0].Items[0];

        field.ReadOnly.ShouldBe(true);
        field.Required.ShouldBeNull();
        field.Default.ShouldBeNull();
        field.Notes!.ShouldContain(n => n.Source == FimNoteSources.RequiredWithoutValue);
        result.WithCode("read-only-required-without-value").ShouldHaveSingleItem();
    }

    [Fact]
    public void An_optional_read_only_field_without_content_and_a_required_one_with_content_stay_as_they_are()
    {
        ImportField(Field("F1", feldart: "locked"), anzahl: "0:1").Notes.ShouldBeNull();
        var required = ImportField(Field("F1", feldart: "locked", extra: "<xdf:inhalt>DE</xdf:inhalt>"));
        required.Required.ShouldBe(true);
        required.Notes.ShouldBeNull();
    }

    [Fact]
    public void A_hidden_field_is_read_only_with_its_preset_value_and_a_note_because_hidden_answers_would_be_dropped()
    {
        var field = ImportField(Field("F1", "bool", feldart: "hidden", extra: "<xdf:inhalt>nein</xdf:inhalt>"));

        field.ReadOnly.ShouldBe(true);
        JsonNode.DeepEquals(field.Default, JsonValue.Create(false)).ShouldBeTrue();
        field.Notes!.ShouldContain(n => n.Source == "fim:feldart=hidden");
    }

    [Fact]
    public void Inline_values_of_a_select_become_options_with_help_as_hint()
    {
        var field = ImportField(Field("F1", feldart: "select",
            extra: "<xdf:werte><xdf:wert><xdf:code>01</xdf:code><xdf:name>ledig</xdf:name><xdf:hilfe>nie verheiratet</xdf:hilfe></xdf:wert><xdf:wert><xdf:code>02</xdf:code><xdf:name>verheiratet</xdf:name></xdf:wert></xdf:werte>"));

        field.Type.ShouldBe("choice");
        field.Options!.Select(o => (o.Code, o.Label.German, o.Hint?.German)).ShouldBe([("01", "ledig", "nie verheiratet"), ("02", "verheiratet", null)]);
    }

    [Fact]
    public void Texts_map_to_label_help_output_label_and_legal_basis()
    {
        var field = ImportField(Field("F1", extra: """
            <xdf:bezeichnungAusgabe>Name (Ausgabe)</xdf:bezeichnungAusgabe>
            <xdf:hilfetextEingabe>Geben Sie den Namen an.</xdf:hilfetextEingabe>
            <xdf:bezug link="https://www.gesetze-im-internet.de/sgb_2/__7.html">§ 7 SGB II</xdf:bezug>
            """, label: "Name"));

        field.Label!.German.ShouldBe("Name");
        field.OutputLabel!.German.ShouldBe("Name (Ausgabe)");
        field.Help!.German.ShouldBe("Geben Sie den Namen an.");
        field.LegalBasis!.Single().ShouldBe(new LegalReferenceDocument(LocalizedText.De("§ 7 SGB II")!, "https://www.gesetze-im-internet.de/sgb_2/__7.html"), new LegalReferenceComparer());
    }

    [Fact]
    public void Import_keeps_the_fim_id_and_version_on_every_field_group_and_the_form()
    {
        using var dir = new TempDirectory();
        var xml = Schema3(Use("1:1", Group("G1", Use("1:1", Field("F1", version: "1.2.0")) + Use("0:1", Field("F2", "date", version: "2.0.0")), version: "3.1.0")), version: "4.0.0");

        var form = FimImportRunner.ImportXml(xml, dir).Catalog().Form;

        form.Service!.Fim.ShouldBe(new FimReference("S00000000001", "4.0.0"));
        form.AllItems().Select(i => i.Fim).ShouldBe([new FimReference("G1", "3.1.0"), new FimReference("F1", "1.2.0"), new FimReference("F2", "2.0.0")]);
    }

    [Fact]
    public void An_unknown_datentyp_is_imported_as_text_with_a_warning()
    {
        using var dir = new TempDirectory();
        var result = FimImportRunner.ImportXml(Schema3(Use("1:1", Field("F1", "colour"))), dir);

        result.Catalog().Form.Item("F1").Type.ShouldBe("text");
        var warning = result.WithCode("datentyp-unknown").ShouldHaveSingleItem();
        warning.ElementId.ShouldBe("F1");
        warning.Arg("datentyp").ShouldBe("colour");
        warning.Line.ShouldNotBeNull().ShouldBeGreaterThan(0);
    }

    private sealed class LegalReferenceComparer : IEqualityComparer<LegalReferenceDocument>
    {
        public bool Equals(LegalReferenceDocument? x, LegalReferenceDocument? y) => x?.Text.German == y?.Text.German && x?.Link == y?.Link;
        public int GetHashCode(LegalReferenceDocument obj) => obj.Text.German.GetHashCode(StringComparison.Ordinal);
    }
}
