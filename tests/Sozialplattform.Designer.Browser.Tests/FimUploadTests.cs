using System.Text;
using Microsoft.Playwright;

namespace Sozialplattform.Designer.Browser.Tests;

[Collection(BrowserSession.Collection)]
public sealed class FimUploadTests(BrowserSession session)
{
    /// <summary>An XDatenfelder 2 schema whose groups nest 30 deep, one group per line (G1 on line 5).</summary>
    private static string DeepSchema()
    {
        var content = "<xdf:datenfeld><xdf:identifikation><xdf:id>F1</xdf:id><xdf:version>1.0</xdf:version></xdf:identifikation><xdf:name>F</xdf:name><xdf:feldart><code>input</code></xdf:feldart><xdf:datentyp><code>text</code></xdf:datentyp></xdf:datenfeld>";
        for (var level = 30; level >= 1; level--)
            content = $"<xdf:datenfeldgruppe><xdf:identifikation><xdf:id>G{level}</xdf:id><xdf:version>1.0</xdf:version></xdf:identifikation><xdf:name>G</xdf:name>\n<xdf:struktur><xdf:anzahl>1:1</xdf:anzahl><xdf:enthaelt>{content}</xdf:enthaelt></xdf:struktur></xdf:datenfeldgruppe>";
        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <xdf:xdatenfelder.stammdatenschema.0102 xmlns:xdf="urn:xoev-de:fim:standard:xdatenfelder_2">
            <xdf:stammdatenschema><xdf:identifikation><xdf:id>S00000078</xdf:id><xdf:version>1.0</xdf:version></xdf:identifikation><xdf:name>Tief</xdf:name>
            <xdf:struktur><xdf:anzahl>1:1</xdf:anzahl><xdf:enthaelt>
            {content}
            </xdf:enthaelt></xdf:struktur></xdf:stammdatenschema>
            </xdf:xdatenfelder.stammdatenschema.0102>
            """;
    }

    [SkippableFact]
    public async Task A_refused_FIM_upload_shows_the_importers_error_with_line_and_element()
    {
        var page = await session.LoggedInPage();

        await page.Locator("#fim-upload").SetInputFilesAsync(new FilePayload { Name = "tief.xml", MimeType = "text/xml", Buffer = Encoding.UTF8.GetBytes(DeepSchema()) });

        var report = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "tief.xml" });
        await Assertions.Expect(report).ToContainTextAsync("„tief.xml“ wurde nicht importiert. 1 Fehler");
        await Assertions.Expect(report).ToContainTextAsync("Fehler in Zeile 21 bei G17 1.0: group-too-deep: group G17 1.0 is nested 17 groups deep; the limit is 16");
        await Assertions.Expect(page).ToHaveURLAsync(session.BaseUrl + "/designer");
    }
}
