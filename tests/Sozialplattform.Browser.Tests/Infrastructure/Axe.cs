using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Sozialplattform.Browser.Tests.Infrastructure;

/// <summary>Runs axe-core (all rules) on the page as it is and collects its violations, named by the checked page.</summary>
public static class Axe
{
    /// <summary>
    /// All rules run; only violations are collected with every node: axe then skips gathering the nodes of passed,
    /// incomplete and inapplicable rules, which were most of its time and of the result sent back from the browser.
    /// </summary>
    public static readonly AxeRunOptions ViolationsOnly = new() { ResultTypes = [ResultType.Violations] };

    public static async Task CheckAsync(IPage page, List<string> violations, string name)
    {
        await BrowserFixture.ScreenshotAsync(page, name);
        AxeResult result = await page.RunAxe(ViolationsOnly);
        violations.AddRange(result.Violations.Select(v =>
            $"{name} ({page.Url}): {v.Id} ({v.Impact}) {v.Help}: {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}"));
    }
}
