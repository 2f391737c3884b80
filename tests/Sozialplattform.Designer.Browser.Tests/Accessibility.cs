using Microsoft.Playwright;
using Sozialplattform.Browser.Tests.Infrastructure;

namespace Sozialplattform.Designer.Browser.Tests;

/// <summary>axe-core on the current page: zero violations, listed by rule and element when there are any.</summary>
public static class Accessibility
{
    public static async Task ShouldHaveNoViolations(this IPage page) => (await AxeInPage.ViolationsAsync(page)).ShouldBeEmpty(page.Url);
}
