using Microsoft.Playwright;
using Sozialplattform.Browser.Tests.Infrastructure;

namespace Sozialplattform.Browser.Tests;

/// <summary>
/// A condition that never ends runs in the rules worker, not on the page: the tab stays responsive, the worker is
/// stopped after its budget, and the form goes on through the server round trip ("Angaben aktualisieren").
/// </summary>
[Collection(nameof(BrowserFixture))]
public sealed class RuleBudgetInBrowserTests(BrowserFixture browser)
{
    [SkippableFact]
    public async Task A_looping_condition_leaves_the_page_responsive_and_the_form_works_through_the_round_trip()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/de/leistungen/schleife-sichtbar");
        await page.GetByRole(AriaRole.Button, new() { Name = "Antrag starten" }).ClickAsync();
        await page.GetByLabel("Postleitzahl").FillAsync("12345");
        await page.GetByRole(AriaRole.Button, new() { Name = "Suchen" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Weiter zum Antrag" }).ClickAsync();

        var refresh = page.GetByRole(AriaRole.Button, new() { Name = "Angaben aktualisieren" });
        await refresh.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        (await page.EvaluateAsync<int>("6 * 7")).ShouldBe(42, "the page's own thread is free");
        (await page.Locator("form[data-rules-stopped]").CountAsync()).ShouldBe(1);

        await page.Locator("#f-name").FillAsync("Zeigen");
        await refresh.ClickAsync();

        await page.Locator("#f-gruss").WaitForAsync(new() { State = WaitForSelectorState.Visible });
        (await page.Locator("#f-name").InputValueAsync()).ShouldBe("Zeigen");
        (await page.Locator("[data-path=endlos]").IsVisibleAsync()).ShouldBeTrue("a condition that fails shows its field (fail open)");
    }
}
