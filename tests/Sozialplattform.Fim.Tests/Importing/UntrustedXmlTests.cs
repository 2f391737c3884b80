using Sozialplattform.Fim.Importing;
using Sozialplattform.Fim.Tests.Support;
using Sozialplattform.Fim.Xml;

namespace Sozialplattform.Fim.Tests.Importing;

/// <summary>FIM XML is untrusted: no DTDs (entity expansion, external entities), and a size limit.</summary>
public sealed class UntrustedXmlTests
{
    private const string BillionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [
          <!ENTITY lol "lol">
          <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
          <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
          <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
          <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
          <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
          <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
          <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
        ]>
        <xdf:xdatenfelder.stammdatenschema.0102 xmlns:xdf="urn:xoev-de:fim:standard:xdatenfelder_2"><xdf:stammdatenschema><xdf:name>&lol9;</xdf:name></xdf:stammdatenschema></xdf:xdatenfelder.stammdatenschema.0102>
        """;

    [Fact]
    public void A_billion_laughs_file_is_rejected_with_a_clear_error_before_any_entity_is_expanded()
    {
        using var dir = new TempDirectory();

        var result = FimImportRunner.ImportXml(BillionLaughs, dir);

        result.Succeeded.ShouldBeFalse();
        var error = result.WithCode("dtd-prohibited").ShouldHaveSingleItem();
        error.Line.ShouldBe(2);
        error.File.ShouldEndWith("schema.xml");
    }

    [Fact]
    public void An_external_entity_file_is_rejected_and_the_referenced_file_is_never_read()
    {
        using var dir = new TempDirectory();
        var secret = dir.File("secret.txt", "TOP SECRET");
        var xxe = $"""
            <?xml version="1.0"?>
            <!DOCTYPE x [ <!ENTITY xxe SYSTEM "file://{secret}"> ]>
            <xdf:xdatenfelder.stammdatenschema.0102 xmlns:xdf="urn:xoev-de:fim:standard:xdatenfelder_2"><xdf:stammdatenschema><xdf:name>&xxe;</xdf:name></xdf:stammdatenschema></xdf:xdatenfelder.stammdatenschema.0102>
            """;

        var result = FimImportRunner.ImportXml(xxe, dir);

        result.Succeeded.ShouldBeFalse();
        result.WithCode("dtd-prohibited").ShouldHaveSingleItem();
        result.Diagnostics.ShouldNotContain(d => d.Args.Values.Any(v => v.Contains("TOP SECRET")));
    }

    [Fact]
    public void A_file_over_the_size_limit_is_rejected_naming_the_limit()
    {
        using var dir = new TempDirectory();
        var path = dir.File("big.xml", "<a>" + new string('x', 3000) + "</a>");

        var result = FimImportRunner.Import(path, new ImportOptions { Limits = new XmlLimits(2048) });

        result.WithCode("file-too-large").ShouldHaveSingleItem().Arg("detail").ShouldNotBeNull().ShouldContain("the limit is 2048 bytes");
    }

    [Fact]
    public void The_default_size_limit_is_20_mb()
    {
        XmlLimits.Default.Describe().ShouldBe("20 MB");
    }
}
