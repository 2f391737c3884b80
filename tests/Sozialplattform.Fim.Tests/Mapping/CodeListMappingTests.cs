using Sozialplattform.Fim.Tests.Support;
using static Sozialplattform.Fim.Tests.Support.Xdf;

namespace Sozialplattform.Fim.Tests.Mapping;

public sealed class CodeListMappingTests
{
    private const string Reference = """
        <xdf:codelisteReferenz>
          <xdf:identifikation><xdf:id>C00000001</xdf:id></xdf:identifikation>
          <xdf:genericodeIdentification>
            <xdf:canonicalIdentification>urn:de:test:familienstand</xdf:canonicalIdentification>
            <xdf:version>2024-01-01</xdf:version>
            <xdf:canonicalVersionUri>urn:de:test:familienstand_2024-01-01</xdf:canonicalVersionUri>
          </xdf:genericodeIdentification>
        </xdf:codelisteReferenz>
        """;

    /// <summary>Like FIM exports: every child qualified with the gc prefix, file named by a number.</summary>
    private const string QualifiedGenericode = """
        <?xml version="1.0" encoding="UTF-8"?><gc:CodeList xmlns:gc="http://docs.oasis-open.org/codelist/ns/genericode/1.0/"><gc:Identification><gc:ShortName>Familienstand</gc:ShortName><gc:Version>2024-01-01</gc:Version><gc:CanonicalUri>urn:de:test:familienstand</gc:CanonicalUri><gc:CanonicalVersionUri>urn:de:test:familienstand_2024-01-01</gc:CanonicalVersionUri></gc:Identification><gc:ColumnSet><gc:Column Id="schluessel"/><gc:Column Id="suchbegriff"/><gc:Column Id="lang"/><gc:Key Id="codeKey"><gc:ColumnRef Ref="schluessel"/></gc:Key><gc:Key Id="codenameKey"><gc:ColumnRef Ref="lang"/></gc:Key></gc:ColumnSet><gc:SimpleCodeList><gc:Row><gc:Value ColumnRef="schluessel"><gc:SimpleValue>LD</gc:SimpleValue></gc:Value><gc:Value ColumnRef="lang"><gc:SimpleValue>ledig</gc:SimpleValue></gc:Value></gc:Row><gc:Row><gc:Value ColumnRef="schluessel"><gc:SimpleValue>VH</gc:SimpleValue></gc:Value><gc:Value ColumnRef="lang"><gc:SimpleValue>verheiratet</gc:SimpleValue></gc:Value></gc:Row></gc:SimpleCodeList></gc:CodeList>
        """;

    private static string Schema => Schema2(Use("1:1", Field("F00000001", feldart: "select", extra: "<xdf:praezisierung/>" + Reference, version: "1.0")));

    [Fact]
    public void A_genericode_file_beside_the_schema_becomes_a_code_list_file_referenced_by_canonical_uri_and_version()
    {
        using var dir = new TempDirectory();
        dir.File("1122.xml", QualifiedGenericode);

        var catalog = FimImportRunner.ImportXml(Schema, dir).Catalog();

        catalog.Form.Item("F00000001").ShouldSatisfyAllConditions(f => f.Type.ShouldBe("choice"), f => f.CodeList.ShouldBe("urn:de:test:familienstand@2024-01-01"));
        var list = catalog.CodeLists.ShouldHaveSingleItem();
        list.Items.Select(i => (i.Code, i.Label.German)).ShouldBe([("LD", "ledig"), ("VH", "verheiratet")]);
        list.CanonicalVersionUri.ShouldBe("urn:de:test:familienstand_2024-01-01");
    }

    [Fact]
    public void The_code_list_folder_can_be_given_explicitly()
    {
        using var dir = new TempDirectory();
        var lists = dir.Sub("lists");
        File.WriteAllText(Path.Combine(lists, "C00000001_genericode.xml"), QualifiedGenericode);
        var schema = dir.File("schema/s.xml", Schema);

        var result = FimImportRunner.Import(schema, new() { CodeListDirectory = lists });

        result.Catalog().CodeLists.ShouldHaveSingleItem();
    }

    [Fact]
    public void A_missing_code_list_file_is_a_warning_naming_the_list_and_the_field_stays_a_text_field_with_a_note()
    {
        using var dir = new TempDirectory();

        var result = FimImportRunner.ImportXml(Schema, dir);

        var warning = result.WithCode("codelist-missing").ShouldHaveSingleItem();
        warning.Arg("list").ShouldBe("urn:de:test:familienstand 2024-01-01 (C00000001)");
        warning.Arg("listId").ShouldBe("C00000001");
        warning.ElementId.ShouldBe("F00000001");
        var field = result.Catalog().Form.Item("F00000001");
        field.Type.ShouldBe("text");
        field.Notes!.ShouldContain(n => n.Source == "fim:codelisteReferenz" && n.Fim!.Id == "urn:de:test:familienstand" && n.Fim.Version == "2024-01-01");
    }

    [Fact]
    public void Another_version_of_the_list_is_used_with_a_warning_when_the_referenced_one_is_missing()
    {
        using var dir = new TempDirectory();
        dir.File("list.xml", QualifiedGenericode.Replace("2024-01-01", "2023-06-01"));

        var result = FimImportRunner.ImportXml(Schema, dir);

        result.Catalog().Form.Item("F00000001").CodeList.ShouldBe("urn:de:test:familienstand@2023-06-01");
        result.WithCode("codelist-version-mismatch").ShouldHaveSingleItem().Arg("found").ShouldBe("2023-06-01");
    }

    [Fact]
    public void Umlauts_in_canonical_uris_are_transliterated_for_the_code_list_id()
    {
        using var dir = new TempDirectory();
        dir.File("list.xml", QualifiedGenericode.Replace("familienstand", "gebäudeteil"));

        var catalog = FimImportRunner.ImportXml(Schema.Replace("familienstand", "gebäudeteil"), dir).Catalog();

        catalog.CodeLists.Single().ShouldSatisfyAllConditions(
            l => l.Id.ShouldBe("urn:de:test:gebaeudeteil"),
            l => l.CanonicalUri.ShouldBe("urn:de:test:gebäudeteil"));
    }
}
