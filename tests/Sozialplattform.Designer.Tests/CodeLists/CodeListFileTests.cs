using System.Text;
using Sozialplattform.Designer.CodeLists;
using Sozialplattform.Fim.Xml;

namespace Sozialplattform.Designer.Tests.CodeLists;

/// <summary>Reading an uploaded code list: CSV in its usual shapes, real genericode files, and files that must be refused with file, line and problem.</summary>
public sealed class CodeListFileTests
{
    private static byte[] Utf8(string text, bool bom = false) => [.. (bom ? Encoding.UTF8.Preamble.ToArray() : []), .. Encoding.UTF8.GetBytes(text)];

    private static string Standards => StandardsLocator.FindStandards(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("../shared/standards not found");

    [Fact]
    public void A_csv_with_byte_order_mark_and_semicolons_is_read_with_its_codes_and_labels()
    {
        var content = CodeListFile.Read("wohnart.csv", Utf8("code;label\r\nmiete;Miete\r\neigentum;Eigentum (selbst bewohnt)\r\n", bom: true));

        content.Problems.ShouldBeEmpty();
        content.Entries.Select(e => (e.Code, e.Label["de"])).ShouldBe([("miete", "Miete"), ("eigentum", "Eigentum (selbst bewohnt)")]);
    }

    [Fact]
    public void A_csv_with_commas_quoted_cells_and_further_language_columns_is_read()
    {
        var content = CodeListFile.Read("art.csv", Utf8("Code,Bezeichnung,label_en\n1,\"Lohn, Gehalt\",\"Wages, salary\"\n2,\"Rente \"\"alt\"\"\",\n"));

        content.Problems.ShouldBeEmpty();
        content.Entries[0].Label.ShouldBe(new Dictionary<string, string> { ["de"] = "Lohn, Gehalt", ["en"] = "Wages, salary" });
        content.Entries[1].Label.ShouldBe(new Dictionary<string, string> { ["de"] = "Rente \"alt\"" });
    }

    [Fact]
    public void Duplicate_codes_empty_labels_and_empty_codes_are_all_named_with_file_and_line()
    {
        var content = CodeListFile.Read("liste.csv", Utf8("code;label\na;Eins\nb;\na;Noch einmal\n;Ohne Code\n"));

        content.Success.ShouldBeFalse();
        content.Problems.Select(p => p.ToString()).ShouldBe([
            "liste.csv, Zeile 3: Die Bezeichnung zum Code „b“ ist leer.",
            "liste.csv, Zeile 4: Der Code „a“ kommt doppelt vor (zuerst in Zeile 2).",
            "liste.csv, Zeile 5: Der Code ist leer.",
        ]);
    }

    [Fact]
    public void A_csv_without_a_code_column_is_refused_naming_the_header_it_found()
    {
        var content = CodeListFile.Read("ohne.csv", Utf8("schluesselwort;label\nx;y\n"));

        var problem = content.Problems.ShouldHaveSingleItem();
        problem.Line.ShouldBe(1);
        problem.Text.ShouldContain("„schluesselwort“");
    }

    [Fact]
    public void A_real_FIM_genericode_file_is_read_with_codes_names_and_its_canonical_uri()
    {
        var path = Path.Combine(Standards, "xdf2", "examples", "GerPS-Datafield", "S00000094V1.0_xdf2", "C00000021_genericode.xml");

        var content = CodeListFile.Read(Path.GetFileName(path), File.ReadAllBytes(path));

        content.Problems.ShouldBeEmpty();
        content.Entries.ShouldContain(e => e.Code == "001" && e.Label["de"] == "Arbeitnehmerin");
        content.CanonicalUri.ShouldBe("urn:de:fim:codeliste:artbeschäftigungsverhältnis");
        content.Source.ShouldBe("genericode C00000021_genericode.xml");
    }

    [Fact]
    public void Every_genericode_file_of_the_standards_folder_is_read_or_refused_with_a_reason()
    {
        var files = Directory.GetFiles(Standards, "*.xml", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains("CodeList", StringComparison.Ordinal) && File.ReadAllText(f).Contains("genericode", StringComparison.Ordinal))
            .ToList();
        files.Count.ShouldBeGreaterThan(5);

        foreach (var file in files)
        {
            var content = CodeListFile.Read(Path.GetFileName(file), File.ReadAllBytes(file));
            (content.Success || content.Problems.Count > 0).ShouldBeTrue(file);
            content.Problems.ShouldAllBe(p => p.File == Path.GetFileName(file));
        }
    }

    [Fact]
    public void A_genericode_file_with_a_DTD_or_external_entity_is_refused_and_the_entity_never_read()
    {
        var secret = Path.GetTempFileName();
        File.WriteAllText(secret, "GEHEIM");
        try
        {
            var xxe = $"""
                <?xml version="1.0"?>
                <!DOCTYPE CodeList [<!ENTITY x SYSTEM "file://{secret}">]>
                <CodeList><SimpleCodeList><Row><Value ColumnRef="code"><SimpleValue>&x;</SimpleValue></Value></Row></SimpleCodeList></CodeList>
                """;

            var content = CodeListFile.Read("xxe.xml", Utf8(xxe));

            var problem = content.Problems.ShouldHaveSingleItem();
            problem.Line.ShouldBe(2);
            problem.Text.ShouldContain("DTD");
            content.Entries.ShouldBeEmpty();
            problem.ToString().ShouldNotContain("GEHEIM");
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void Xml_that_is_no_genericode_list_is_refused()
    {
        var content = CodeListFile.Read("schema.xml", Utf8("<xdf:stammdatenschema xmlns:xdf=\"urn:x\"/>"));

        content.Problems.ShouldHaveSingleItem().Text.ShouldContain("keine genericode-Codeliste");
    }

    [Fact]
    public void Binary_garbage_and_an_oversized_file_are_refused_without_reading_them_as_a_list()
    {
        var garbage = new byte[4096];
        new Random(7).NextBytes(garbage);
        garbage[0] = 0xFF;

        CodeListFile.Read("bild.png", garbage).Problems.ShouldHaveSingleItem().Text.ShouldContain("keine UTF-8-Textdatei");
        CodeListFile.Read("nul.csv", Utf8("code;label\na\0;b\n")).Problems.ShouldHaveSingleItem().Text.ShouldContain("Binärdaten");
        CodeListFile.Read("riesig.csv", new byte[CodeListFile.MaxBytes + 1]).Problems.ShouldHaveSingleItem().Text.ShouldContain("höchstens 5 MB");
    }

    [Fact]
    public void A_label_with_script_is_kept_as_plain_text()
    {
        var content = CodeListFile.Read("x.csv", Utf8("code;label\nx;<script>alert(1)</script>\n"));

        content.Entries.ShouldHaveSingleItem().Label["de"].ShouldBe("<script>alert(1)</script>");
    }
}
