using Sozialplattform.Fim.Definitions;
using Sozialplattform.Fim.Tests.Support;
using static Sozialplattform.Fim.Tests.Support.Xdf;

namespace Sozialplattform.Fim.Tests.Mapping;

public sealed class RuleMappingTests
{
    private const string Text = "Wenn F1 befüllt ist, dann ist F2 Pflicht.";

    [Fact]
    public void A_rule_is_kept_as_a_note_with_its_text_on_the_element_it_belongs_to()
    {
        using var dir = new TempDirectory();
        var xml = Schema3(Use("1:1", Group("G1", Use("1:1", Field("F1")) + Use("0:1", Field("F2")), extra: Rule3("R1", Text))));

        var result = FimImportRunner.ImportXml(xml, dir);

        var note = result.Catalog().Form.Item("G1").Notes.ShouldNotBeNull().ShouldHaveSingleItem();
        (note.Text, note.Source, note.Fim!.Id, note.Fim.Version).ShouldBe((Text, "R1 1.0.0", "R1", "1.0.0"));
        result.WithCode("rule-kept-as-note").ShouldHaveSingleItem().Arg("detail").ShouldBe("no script");
    }

    [Fact]
    public void An_xdatenfelder_2_rule_keeps_its_definition_text_and_schema_level_rules_go_to_the_form()
    {
        using var dir = new TempDirectory();
        var rule = """
            <xdf:regel><xdf:identifikation><xdf:id>R00000254</xdf:id><xdf:version>1.0</xdf:version></xdf:identifikation>
            <xdf:name>Pflicht</xdf:name><xdf:definition>„F00001028“ ist nur dann zu befüllen, wenn „F00001027“ bejaht wurde.</xdf:definition>
            <xdf:script>function script() {}</xdf:script></xdf:regel>
            """;

        var form = FimImportRunner.ImportXml(Schema2(Use("1:1", Field("F00001027", "bool", version: "1.0")), extra: rule), dir).Catalog().Form;

        form.Notes!.Single().ShouldSatisfyAllConditions(
            n => n.Text.ShouldStartWith("„F00001028“ ist nur dann zu befüllen"),
            n => n.Source.ShouldBe("R00000254 1.0"));
    }

    [Fact]
    public void An_auswahlgruppe_requires_exactly_one_filled_child()
    {
        using var dir = new TempDirectory();
        var xml = Schema3(Use("1:1", Group("G1", Use("0:1", Field("F1")) + Use("0:1", Field("F2")) + Use("0:1", Group("G2", Use("1:1", Field("F3")))), extra: "<xdf:art><code>X</code></xdf:art>")));

        var validation = FimImportRunner.ImportXml(xml, dir).Catalog().Form.Item("G1").Validations.ShouldNotBeNull().ShouldHaveSingleItem();

        validation.When.ShouldBe("countFilled(F1, F2, G2) !== 1");
        validation.Code.ShouldBe("exactlyOne");
        validation.Message.German.ShouldBe("Bitte füllen Sie genau eine der Angaben aus.");
    }

    [Fact]
    public void A_validation_script_over_parameters_in_scope_is_translated_and_the_text_kept_as_note()
    {
        using var dir = new TempDirectory();
        var rule = Rule3("R1", "Das Jahr darf nicht vor dem Geburtsjahr liegen.", "V", "function script() { return jahr >= geburtsjahr; }",
            """<xdf:param element="F1" name="jahr"><xdf:typ>wert</xdf:typ></xdf:param><xdf:param element="F2" name="geburtsjahr"><xdf:typ>wert</xdf:typ></xdf:param>""");
        var xml = Schema3(Use("1:1", Group("G1", Use("1:1", Field("F1", "num_int")) + Use("1:1", Field("F2", "num_int")), extra: rule)));

        var result = FimImportRunner.ImportXml(xml, dir);

        var group = result.Catalog().Form.Item("G1");
        group.Validations.ShouldNotBeNull().Single().When.ShouldBe("!(F1 >= F2)");
        group.Notes!.ShouldHaveSingleItem();
        result.WithCode("rule-translated").ShouldHaveSingleItem();
    }

    [Fact]
    public void A_calculation_script_becomes_the_computed_value_of_its_target()
    {
        using var dir = new TempDirectory();
        var rule = Rule3("R1", "Summe", "B", "a + b", """<xdf:param element="F1" name="a"/><xdf:param element="F2" name="b"/><xdf:ziel element="F3" name="summe"/>""");
        var xml = Schema3(Use("1:1", Group("G1", Use("1:1", Field("F1", "num")) + Use("1:1", Field("F2", "num")) + Use("1:1", Field("F3", "num")), extra: rule)));

        FimImportRunner.ImportXml(xml, dir).Catalog().Form.Item("F3").Value.ShouldBe("F1 + F2");
    }

    [Fact]
    public void The_exactly_one_rule_a_translated_validation_and_a_computed_value_all_pass_sozial_validate()
    {
        using var dir = new TempDirectory();
        var parameters = """<xdf:param element="F1" name="a"/><xdf:param element="F2" name="b"/>""";
        var rules = Rule3("R1", "a ≥ b", "V", "a >= b", parameters) + Rule3("R2", "c = a + b", "B", "a + b", parameters + """<xdf:ziel element="F3" name="c"/>""");
        var fields = Use("0:1", Field("F1", "num")) + Use("0:1", Field("F2", "num")) + Use("0:1", Field("F3", "num"));
        var catalog = FimImportRunner.ImportXml(Schema3(Use("1:1", Group("G1", fields, extra: "<xdf:art><code>X</code></xdf:art>" + rules))), dir).Catalog();
        var output = dir.Sub("out");
        CatalogWriter.Write(catalog, output);

        catalog.Form.Item("G1").Validations!.Select(v => v.When).ShouldBe(["countFilled(F1, F2, F3) !== 1", "!(F1 >= F2)"]);
        CatalogValidation.Problems(output).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("F9 == 1", "'F9' is not an element in this rule's scope")]
    [InlineData("x = 1; return x", "the script is more than one expression")]
    [InlineData("window.alert(F1)", "'window' is not an element in this rule's scope")]
    [InlineData("F1.length > 3", "unsupported text '.'")]
    public void A_script_that_cannot_be_mapped_safely_stays_a_note_and_the_report_says_why(string script, string reason)
    {
        using var dir = new TempDirectory();
        var xml = Schema3(Use("1:1", Group("G1", Use("1:1", Field("F1")), extra: Rule3("R1", Text, "V", script))));

        var result = FimImportRunner.ImportXml(xml, dir);

        result.Catalog().Form.Item("G1").Validations.ShouldBeNull();
        result.WithCode("rule-kept-as-note").ShouldHaveSingleItem().Arg("detail").ShouldBe(reason);
    }
}
