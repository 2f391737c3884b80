using Sozialplattform.Fim.Tests.Support;
using static Sozialplattform.Fim.Tests.Support.Xdf;

namespace Sozialplattform.Fim.Tests.Importing;

public sealed class BadInputTests
{
    [Fact]
    public void A_file_that_is_not_xml_fails_with_the_file_and_line()
    {
        using var dir = new TempDirectory();

        var result = FimImportRunner.ImportXml("{\"this\": \"is json\"}", dir, "schema.json");

        result.Succeeded.ShouldBeFalse();
        var error = result.WithCode("xml-not-well-formed").ShouldHaveSingleItem();
        (error.File!.EndsWith("schema.json"), error.Line).ShouldBe((true, 1));
    }

    [Fact]
    public void A_truncated_file_fails_with_the_line_where_it_ends()
    {
        using var dir = new TempDirectory();
        var xml = Schema3(Use("1:1", Field("F1")));

        var result = FimImportRunner.ImportXml(xml[..(xml.Length / 2)], dir);

        result.Succeeded.ShouldBeFalse();
        result.WithCode("xml-not-well-formed").ShouldHaveSingleItem().Line.ShouldNotBeNull().ShouldBeGreaterThan(1);
    }

    [Fact]
    public void A_foreign_namespace_is_rejected_naming_the_namespace()
    {
        using var dir = new TempDirectory();

        var result = FimImportRunner.ImportXml("""<form xmlns="urn:example:other"><field/></form>""", dir);

        result.WithCode("namespace-unknown").ShouldHaveSingleItem().Arg("namespace").ShouldBe("urn:example:other");
    }

    [Fact]
    public void A_group_message_instead_of_a_stammdatenschema_is_rejected_naming_the_root()
    {
        using var dir = new TempDirectory();
        var xml = $"""<xdf:xdatenfelder.datenfeldgruppe.0103 xmlns:xdf="{Ns3}"><xdf:datenfeldgruppe/></xdf:xdatenfelder.datenfeldgruppe.0103>""";

        var result = FimImportRunner.ImportXml(xml, dir);

        result.WithCode("not-a-stammdatenschema").ShouldHaveSingleItem().Arg("root").ShouldBe("xdatenfelder.datenfeldgruppe.0103");
    }

    [Fact]
    public void A_missing_file_fails_with_a_clear_error()
    {
        FimImportRunner.Import("/nonexistent/schema.xml").WithCode("file-not-found").ShouldHaveSingleItem();
    }

    [Fact]
    public void Elements_out_of_xsd_order_are_read_all_the_same()
    {
        using var dir = new TempDirectory();
        var field = """
            <xdf:datenfeld>
              <xdf:datentyp><code>num_int</code></xdf:datentyp>
              <xdf:praezisierung minValue="1" maxValue="9"/>
              <xdf:bezeichnungEingabe>Anzahl</xdf:bezeichnungEingabe>
              <xdf:feldart><code>input</code></xdf:feldart>
              <xdf:identifikation><xdf:version>1.0.0</xdf:version><xdf:id>F1</xdf:id></xdf:identifikation>
            </xdf:datenfeld>
            """;

        var item = FimImportRunner.ImportXml(Schema3(Use("1:1", field)), dir).Catalog().Form.Item("F1");

        (item.Type, item.Label!.German, item.Max!.GetValue<decimal>()).ShouldBe(("integer", "Anzahl", 9m));
    }

    [Fact]
    public void Empty_required_strings_fall_back_to_the_internal_name()
    {
        using var dir = new TempDirectory();
        var field = Field("F1", label: "Intern").Replace("<xdf:bezeichnungEingabe>Intern</xdf:bezeichnungEingabe>", "<xdf:bezeichnungEingabe/>");

        FimImportRunner.ImportXml(Schema3(Use("1:1", field)), dir).Catalog().Form.Item("F1").Label!.German.ShouldBe("Intern");
    }

    [Fact]
    public void An_invalid_anzahl_is_read_as_1_1_with_a_warning()
    {
        using var dir = new TempDirectory();

        var result = FimImportRunner.ImportXml(Schema3(Use("eins", Field("F1"))), dir);

        result.Catalog().Form.Item("F1").Required.ShouldBe(true);
        result.WithCode("anzahl-invalid").ShouldHaveSingleItem().Arg("anzahl").ShouldBe("eins");
    }

    [Fact]
    public void A_schema_without_version_gets_0_0_0_and_a_warning()
    {
        using var dir = new TempDirectory();

        var result = FimImportRunner.ImportXml(Schema3(Use("1:1", Field("F1"))).Replace("<xdf:version>1.0.0</xdf:version></xdf:identifikation>\n    <xdf:name>Testschema", "</xdf:identifikation>\n    <xdf:name>Testschema"), dir);

        result.Catalog().Form.Version.ShouldBe("0.0.0");
        result.WithCode("version-missing").ShouldContain(d => d.ElementId == "S00000000001");
    }
}
