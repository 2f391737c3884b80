using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Sozialplattform.Catalog.Translations;
using Sozialplattform.Designer.Workspace;

namespace Sozialplattform.Designer.Browser.Tests;

/// <summary>
/// The texts for translators in Chromium: the author downloads the Turkish CSV, a translator fills it in (one text left
/// out, one much longer than its German source, one id the form does not have), the author imports it back and reads
/// the report; the translations stand beside German and the completeness rises.
/// </summary>
[Collection(BrowserSession.Collection)]
public sealed class TranslationsJourneyTests(BrowserSession session)
{
    private const string Form = """
        {
          "id": "uebersetzung-probe", "version": "0.1.0", "status": "draft", "languages": ["de"],
          "title": { "de": "Übersetzungsprobe" }, "shortTitle": { "de": "Probe" }, "description": { "de": "Eine Probe" }, "topic": "arbeit",
          "pages": [ { "id": "seite", "title": { "de": "Angaben" }, "items": [
            { "key": "vorname", "type": "text", "label": { "de": "Vorname" } },
            { "key": "nachname", "type": "text", "label": { "de": "Nachname" } }
          ] } ]
        }
        """;

    [SkippableFact]
    public async Task An_author_exports_the_texts_for_translators_and_imports_the_translation_back_with_a_report()
    {
        session.Host.Services.GetRequiredService<FormWorkspace>().Create("uebersetzung-probe", Encoding.UTF8.GetBytes(Form), "vorbereitung");
        var page = await session.LoggedInPage();
        await page.GotoAsync(session.BaseUrl + "/designer/forms/uebersetzung-probe");
        await BrowserSession.Interactive(page);
        var translations = page.GetByTestId("translations");
        await translations.GetByRole(AriaRole.Button, new() { Name = "Türkisch ansehen" }).ClickAsync();

        var download = await page.RunAndWaitForDownloadAsync(() =>
            translations.GetByRole(AriaRole.Button, new() { Name = "Texte für Übersetzer herunterladen (CSV)" }).ClickAsync());
        download.SuggestedFilename.ShouldBe("uebersetzung-probe.tr.csv");
        var exported = TranslationFile.Parse(await File.ReadAllBytesAsync((await download.PathAsync())!), download.SuggestedFilename);
        exported.Language.ShouldBe("tr");
        exported.Entries.ShouldContain(e => e.Source == "Vorname" && e.Target == "");
        exported.Entries.ShouldContain(e => e.Source == "Nachname");

        var translated = exported with
        {
            Entries = [.. exported.Entries.Select(e => e.Source switch
            {
                "Vorname" => e with { Target = "Ad" },
                "Nachname" => e, // left for later
                "Angaben" => e with { Target = "Bilgiler ve bu sayfada istenen tüm bilgilerin ayrıntılı bir açıklaması, çok daha uzun" },
                _ => e with { Target = "TR " + e.Source },
            }), new TranslationEntry("gibt.es.nicht", "", "Nichts", "Hiçbir şey")],
        };
        await translations.Locator("#translation-import").SetInputFilesAsync(new FilePayload
        {
            Name = "uebersetzung-probe.tr.csv", MimeType = "text/csv", Buffer = translated.ToBytes(TranslationFormat.Csv),
        });

        var report = page.GetByTestId("translation-report");
        await Assertions.Expect(report).ToContainTextAsync("fehlen noch", new() { Timeout = (float)BrowserSession.Ceiling.TotalMilliseconds });
        await Assertions.Expect(report).ToContainTextAsync("1 fehlen noch");
        await Assertions.Expect(report).ToContainTextAsync("1 auffällig");
        await Assertions.Expect(report).ToContainTextAsync("1 unbekannt");
        await Assertions.Expect(report).ToContainTextAsync("Unbekannt, ignoriert: gibt.es.nicht");
        await Assertions.Expect(report).ToContainTextAsync("(85 Zeichen für einen deutschen Text von 7 Zeichen)");
        await Assertions.Expect(page.GetByTestId("side-by-side").Locator("textarea[lang=tr]").First).Not.ToHaveValueAsync("");
        await Assertions.Expect(page.GetByTestId("side-by-side")).ToContainTextAsync("Vorname");
        var values = await page.GetByTestId("side-by-side").Locator("textarea[lang=tr]").EvaluateAllAsync<string[]>("all => all.map(a => a.value)");
        values.ShouldContain("Ad");
        values.ShouldContain("");
        await Assertions.Expect(translations.Locator("tr", new() { HasText = "Türkisch" }).First).Not.ToContainTextAsync("0 %");
        await page.ShouldHaveNoViolations();
    }
}
