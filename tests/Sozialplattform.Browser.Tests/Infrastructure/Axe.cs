using Microsoft.Playwright;

namespace Sozialplattform.Browser.Tests.Infrastructure;

/// <summary>Runs axe-core in the page as it is (<see cref="AxeInPage"/>) and collects its violations, named by the checked page.</summary>
public static class Axe
{
    public static async Task CheckAsync(IPage page, List<string> violations, string name)
    {
        await BrowserFixture.ScreenshotAsync(page, name);
        violations.AddRange((await AxeInPage.ViolationsAsync(page)).Select(v => $"{name} ({page.Url}): {v}"));
    }
}
