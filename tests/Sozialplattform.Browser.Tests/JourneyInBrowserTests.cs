using Microsoft.Playwright;
using Sozialplattform.Browser.Tests.Infrastructure;

namespace Sozialplattform.Browser.Tests;

/// <summary>
/// The household sample end to end in Chromium — place, a repeating group, a conditional field, a computed
/// value, an upload, save and resume in a new browser context, submit, receipt and status page — once with
/// JavaScript (rules update the page as the citizen types) and once without (round trips to the server).
/// </summary>
[Collection(nameof(BrowserFixture))]
public sealed class JourneyInBrowserTests(BrowserFixture browser)
{
    [SkippableTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_citizen_fills_the_household_sample_from_start_to_status_page(bool javaScript)
    {
        var name = javaScript ? "js" : "nojs";
        var page = await browser.NewPageAsync(javaScript);
        await page.GotoAsync("/de/leistungen/haushalt");
        await page.GetByRole(AriaRole.Button, new() { Name = "Antrag starten" }).ClickAsync();
        await page.GetByLabel("Postleitzahl").FillAsync("12345");
        await page.GetByRole(AriaRole.Button, new() { Name = "Suchen" }).ClickAsync();
        await Assertions.Expect(page.Locator(".panel")).ToContainTextAsync("Sozialamt Teststadt");
        await page.GetByRole(AriaRole.Link, new() { Name = "Weiter zum Antrag" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Weiter", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("Vorname");
        if (javaScript) (await page.EvaluateAsync<bool>("document.activeElement.matches('[data-error-summary]')")).ShouldBeTrue("the error summary gets the focus");
        await BrowserFixture.ScreenshotAsync(page, $"{name}-errors");

        await page.Locator("#f-antragsteller-vorname").FillAsync("Ayşe");
        await page.Locator("#f-antragsteller-nachname").FillAsync("Yılmaz");
        await page.Locator("#f-antragsteller-geburtsdatum").FillAsync("1985-04-12");
        await page.Locator("#f-antragsteller-staatsangehoerigkeit").SelectOptionAsync("000");
        await page.Locator("#f-familienstand").SelectOptionAsync("ledig");
        await page.GetByRole(AriaRole.Button, new() { Name = "Weiter", Exact = true }).ClickAsync();

        await page.Locator("#f-weiterePersonen").CheckAsync();
        if (!javaScript) await Refresh(page);
        await Assertions.Expect(page.Locator("[data-path=mitglieder]")).ToBeVisibleAsync();
        await page.Locator("#f-mitglieder-0-vorname").FillAsync("Elif");
        await page.Locator("#f-mitglieder-0-geburtsdatum").FillAsync("2015-03-01");
        await page.Locator("#f-mitglieder-0-beziehung").CheckAsync(new() { Force = true });
        await page.Locator("input[name='mitglieder[0].beziehung'][value=kind]").CheckAsync();
        if (!javaScript) await Refresh(page);
        await Assertions.Expect(page.Locator("[data-path='mitglieder[0].schule']")).ToBeVisibleAsync(); // a child of school age is asked for the school
        await page.Locator("#f-mitglieder-0-schule").FillAsync("Grundschule am Park");

        await page.GetByRole(AriaRole.Button, new() { Name = "Einkommen hinzufügen" }).ClickAsync();
        await page.Locator("input[name='mitglieder[0].einkommen[0].art'][value=unterhalt]").CheckAsync();
        await page.Locator("#f-mitglieder-0-einkommen-0-betrag").FillAsync("250");
        await page.Locator("#f-mitglieder-0-einkommen-0-nachweis").SetInputFilesAsync(new FilePayload { Name = "unterhalt.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n%%EOF\n"u8.ToArray() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Datei hochladen" }).ClickAsync();
        await Assertions.Expect(page.Locator(".file-list")).ToContainTextAsync("unterhalt.pdf");
        await page.GetByRole(AriaRole.Button, new() { Name = "Person hinzufügen" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-path=mitglieder] > fieldset.repeat__row")).ToHaveCountAsync(2);
        await page.GetByRole(AriaRole.Button, new() { Name = "Entfernen Person 2" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-path=mitglieder] > fieldset.repeat__row")).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(page, $"{name}-household");

        await page.GetByRole(AriaRole.Button, new() { Name = "Weiter", Exact = true }).ClickAsync();
        page.Url.ShouldContain("/seite/uebersicht");
        await Assertions.Expect(page.Locator("[data-path=gesamteinkommen] output")).ToHaveTextAsync("250,00 €");
        await page.GetByRole(AriaRole.Button, new() { Name = "Speichern und später fortsetzen" }).ClickAsync();
        var link = await page.Locator("#resume-link").InputValueAsync();
        var resumed = await browser.NewPageAsync(javaScript);
        await resumed.GotoAsync(link);
        resumed.Url.ShouldContain("/seite/uebersicht", customMessage: "a complete draft resumes at the first page not yet confirmed with 'Weiter' (saved on the overview)");
        await resumed.GetByRole(AriaRole.Button, new() { Name = "Weiter", Exact = true }).ClickAsync();
        await Assertions.Expect(resumed).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/zusammenfassung"));
        await Assertions.Expect(resumed.Locator("main")).ToContainTextAsync("Grundschule am Park");
        await resumed.GetByLabel("Ich versichere").CheckAsync();
        await BrowserFixture.ScreenshotAsync(resumed, $"{name}-summary");
        await resumed.GetByRole(AriaRole.Button, new() { Name = "Antrag verbindlich absenden" }).ClickAsync();
        await Assertions.Expect(resumed.Locator(".confirmation__reference")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^SP-"));
        await BrowserFixture.ScreenshotAsync(resumed, $"{name}-receipt");

        await resumed.GetByRole(AriaRole.Link, new() { Name = "Zur Statusseite" }).ClickAsync();
        await Assertions.Expect(resumed.Locator(".status-tag")).ToHaveTextAsync("Eingegangen");
    }

    [SkippableFact]
    public async Task Computed_values_and_conditions_update_while_the_citizen_types()
    {
        var page = await StartAtAsync("wohnkosten", "kosten", ("wohnform", "miete"));
        await page.Locator("#f-kaltmiete").FillAsync("500");
        await page.Locator("#f-nebenkosten").FillAsync("120,50");
        await Assertions.Expect(page.Locator("[data-path=gesamtmiete] output")).ToContainTextAsync("620,50");
        await Assertions.Expect(page.Locator(".refresh")).ToBeHiddenAsync(); // with JavaScript the update button is not needed
    }

    [SkippableFact]
    public async Task Script_in_a_label_or_an_answer_never_runs()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/de/leistungen/xss");
        await page.GetByRole(AriaRole.Button, new() { Name = "Antrag starten" }).ClickAsync();
        await page.GetByLabel("Postleitzahl").FillAsync("12345");
        await page.GetByRole(AriaRole.Button, new() { Name = "Suchen" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Weiter zum Antrag" }).ClickAsync();
        await page.Locator("#f-name").FillAsync(Sozialplattform.Web.Tests.Infrastructure.TestForms.ScriptPayload);
        await page.GetByRole(AriaRole.Button, new() { Name = "Weiter", Exact = true }).ClickAsync();
        page.Url.ShouldContain("/zusammenfassung");
        (await page.EvaluateAsync<bool>("window.__pwned === true")).ShouldBeFalse();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("<script>window.__pwned = true</script>");
    }

    private async Task<IPage> StartAtAsync(string formId, string pageId, params (string Name, string Value)[] earlier)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"/de/leistungen/{formId}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Antrag starten" }).ClickAsync();
        await page.GetByLabel("Postleitzahl").FillAsync("12345");
        await page.GetByRole(AriaRole.Button, new() { Name = "Suchen" }).ClickAsync();
        var draft = page.Url.Split('/')[5];
        await BrowserDrafts.SetAnswersAsync(browser, page, draft, earlier);
        await page.GotoAsync($"/de/antrag/{draft}/seite/{pageId}");
        return page;
    }

    private static async Task Refresh(IPage page) =>
        await page.GetByRole(AriaRole.Button, new() { Name = "Angaben aktualisieren" }).ClickAsync();
}
