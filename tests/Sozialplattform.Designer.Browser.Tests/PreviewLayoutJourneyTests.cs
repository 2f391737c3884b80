using Microsoft.Playwright;

namespace Sozialplattform.Designer.Browser.Tests;

/// <summary>
/// In Chromium, with the designer's real stylesheet: the preview shows the citizen's page 375 CSS pixels wide when
/// „Smartphone“ is chosen, the lint list above it scrolls on its own instead of pushing the preview down, and a long
/// text in the property panel wraps instead of being cut off.
/// </summary>
[Collection(BrowserSession.Collection)]
public sealed class PreviewLayoutJourneyTests(BrowserSession session)
{
    [SkippableFact]
    public async Task The_preview_switches_to_a_phones_width_and_long_texts_are_shown_whole()
    {
        var page = await session.LoggedInPage();
        await page.GotoAsync(session.BaseUrl + "/designer/forms/asylblg");
        await BrowserSession.Interactive(page);
        var view = page.GetByTestId("citizen-view");
        await Assertions.Expect(view).ToBeVisibleAsync(new() { Timeout = 120_000 });

        await page.GetByTestId("preview-width").SelectOptionAsync("phone");

        await Assertions.Expect(view).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("width-phone"));
        (await view.BoundingBoxAsync())!.Width.ShouldBe(375, 1);
        (await page.EvaluateAsync<bool>("() => [...document.styleSheets].some(s => { try { return [...s.cssRules].some(r => r.selectorText === '.editor-grid .lint ul' && r.style.overflowY === 'auto'); } catch { return false; } })")).ShouldBeTrue();

        var title = page.GetByTestId("text-title-de");
        await title.FillAsync(string.Join(' ', Enumerable.Repeat("Ein sehr langer Titel des Formulars", 6)));
        (await title.EvaluateAsync<bool>("e => e.scrollHeight <= e.clientHeight + 1 && e.scrollWidth <= e.clientWidth + 1")).ShouldBeTrue();
        await page.ShouldHaveNoViolations();
    }
}
