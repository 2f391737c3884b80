using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Sozialplattform.Browser.Tests.Infrastructure;
using Sozialplattform.Web.Catalog;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Browser.Tests;

/// <summary>axe-core (all rules) over the Sozialleistungsfinder up to its result and print view, in German and in Arabic (right to left).</summary>
[Collection(nameof(BrowserFixture))]
public sealed class QuestionnaireAccessibilityTests(BrowserFixture browser)
{
    [SkippableTheory]
    [InlineData("de")]
    [InlineData("ar")]
    public async Task The_finder_from_its_service_page_to_the_printable_result_has_no_axe_violations(string lang)
    {
        var page = await browser.NewPageAsync();
        var violations = new List<string>();
        await page.GotoAsync($"/{lang}/leistungen/sozialleistungsfinder");
        await Axe.CheckAsync(page, violations, $"finder-{lang}-service");
        await page.Locator("form[action$='/starten'] button").ClickAsync();
        page.Url.ShouldEndWith("/seite/start");
        await page.Locator("button[value=next]:not([hidden])").ClickAsync();
        await Axe.CheckAsync(page, violations, $"finder-{lang}-errors");
        var draft = page.Url.Split('/')[5];

        var situation = Answers("sozialleistungsfinder", "situations", "alleinerziehend-minijob.json");
        await BrowserDrafts.SetAnswersAsync(browser, page, draft, situation["answers"]!.AsObject());
        foreach (var wizardPage in Definition("sozialleistungsfinder").Pages)
        {
            await page.GotoAsync($"/{lang}/antrag/{draft}/seite/{wizardPage.Id}");
            await Axe.CheckAsync(page, violations, $"finder-{lang}-page-{wizardPage.Id}");
        }

        await Assertions.Expect(page.Locator("[data-print]")).ToBeVisibleAsync(); // the print button is shown when JavaScript runs
        await Assertions.Expect(page.Locator("[data-path^=ergebnis_]:visible")).ToHaveCountAsync(situation["expectedServices"]!.AsArray().Count);
        await page.Locator("a[href$='?druck=1']").ClickAsync();
        await Axe.CheckAsync(page, violations, $"finder-{lang}-print-view");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Assertions.Expect(page.Locator(".site-header .language-switch")).ToBeHiddenAsync(); // the print stylesheet leaves the chrome out
        violations.ShouldBeEmpty();
    }

    private Sozialplattform.Engine.Definitions.FormDefinition Definition(string formId) =>
        browser.Portal.Services.GetRequiredService<FormCatalog>().Latest(formId)!.Definition;

    private static JsonObject Answers(string formId, params string[] file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine([RepositoryPaths.LatestForm(formId), .. file])))!.AsObject();
}
