using Microsoft.Playwright;
using Sozialplattform.Browser.Tests.Infrastructure;

namespace Sozialplattform.Browser.Tests;

/// <summary>
/// What a new user met in Chromium (issue 20): on a 375 px phone the first question of a 13-step form starts on the
/// first screen; after "Person hinzufügen" the focus is in the new row (with JavaScript) or the page opens at it
/// (without); the logo's text is not cut off.
/// </summary>
[Collection(nameof(BrowserFixture))]
public sealed class PhoneAndFocusInBrowserTests(BrowserFixture browser)
{
    [SkippableTheory]
    [InlineData("de")]
    [InlineData("ar")]
    public async Task On_a_375_px_phone_the_first_question_of_buergergeld_is_above_the_fold(string lang)
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(375, 667);
        await page.GotoAsync($"/{lang}/leistungen/buergergeld");
        await page.Locator("form[action$='/starten'] button").ClickAsync();
        await page.Locator("#ort").FillAsync("12345");
        await page.Locator("form.place-search button").ClickAsync();
        await page.Locator(".panel a.button").ClickAsync();
        await BrowserFixture.ScreenshotAsync(page, $"phone-{lang}");

        var firstQuestion = await page.Locator("form.wizard .field").First.BoundingBoxAsync();
        firstQuestion.ShouldNotBeNull();
        firstQuestion.Y.ShouldBeLessThan(667 - 60, "the first question starts on the first screen");
        (await page.Locator(".steps__item--current").IsVisibleAsync()).ShouldBeTrue();
        (await page.Locator(".steps__count").IsVisibleAsync()).ShouldBeTrue();
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375, "nothing makes the page scroll sideways");
    }

    [SkippableTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task After_adding_a_person_the_new_row_has_the_focus_or_the_page_opens_at_it(bool javaScript)
    {
        var page = await browser.NewPageAsync(javaScript);
        await page.GotoAsync("/de/leistungen/haushalt");
        await page.GetByRole(AriaRole.Button, new() { Name = "Antrag starten" }).ClickAsync();
        await page.GetByLabel("Postleitzahl").FillAsync("12345");
        await page.GetByRole(AriaRole.Button, new() { Name = "Suchen" }).ClickAsync();
        var draft = page.Url.Split('/')[5];
        await BrowserDrafts.SetAnswersAsync(browser, page, draft, new System.Text.Json.Nodes.JsonObject { ["weiterePersonen"] = true });
        await page.GotoAsync($"/de/antrag/{draft}/seite/haushalt");
        await Assertions.Expect(page.Locator("[data-path=mitglieder]")).ToBeVisibleAsync();
        var rows = await page.Locator("[data-path=mitglieder] > fieldset.repeat__row").CountAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Person hinzufügen" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-path=mitglieder] > fieldset.repeat__row")).ToHaveCountAsync(rows + 1);
        new Uri(page.Url).Fragment.ShouldBe($"#g-mitglieder-{rows}");
        if (javaScript)
            await Assertions.Expect(page.Locator($"#f-mitglieder-{rows}-vorname")).ToBeFocusedAsync();
    }

    [SkippableFact]
    public async Task The_logo_text_ends_inside_the_logo()
    {
        var page = await browser.NewPageAsync();
        var logo = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "forms-catalog", "tenants", "nrw", "logo.svg"));
        await page.SetContentAsync($"<!DOCTYPE html><html><body>{logo}</body></html>");
        var fits = await page.EvaluateAsync<bool>("(() => { const svg = document.querySelector('svg'); const box = svg.querySelector('text').getBBox(); return box.x + box.width <= svg.viewBox.baseVal.width; })()");
        fits.ShouldBeTrue();
    }
}
