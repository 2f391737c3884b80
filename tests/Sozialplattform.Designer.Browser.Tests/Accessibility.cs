using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Sozialplattform.Designer.Browser.Tests;

/// <summary>axe-core on the current page: zero violations, listed by rule and element when there are any.</summary>
public static class Accessibility
{
    public static async Task ShouldHaveNoViolations(this IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
        var violations = result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))})");
        violations.ShouldBeEmpty(page.Url);
    }
}
