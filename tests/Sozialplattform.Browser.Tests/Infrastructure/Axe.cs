using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Sozialplattform.Browser.Tests.Infrastructure;

/// <summary>Runs axe-core (all rules) on the page as it is and collects its violations, named by the checked page.</summary>
public static class Axe
{
    public static async Task CheckAsync(IPage page, List<string> violations, string name)
    {
        await BrowserFixture.ScreenshotAsync(page, name);
        AxeResult result = await page.RunAxe();
        violations.AddRange(result.Violations.Select(v =>
            $"{name} ({page.Url}): {v.Id} ({v.Impact}) {v.Help}: {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}"));
    }
}
