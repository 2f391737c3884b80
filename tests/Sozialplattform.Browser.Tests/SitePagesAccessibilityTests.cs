using Sozialplattform.Browser.Tests.Infrastructure;

namespace Sozialplattform.Browser.Tests;

/// <summary>
/// axe-core (all rules) on the tenant's legal, help and information pages and on the feedback form with its errors, in
/// each of the six portal languages (a page without a translation is shown in German with a note, marked as German).
/// </summary>
[Collection(nameof(BrowserFixture))]
public sealed class SitePagesAccessibilityTests(BrowserFixture browser)
{
    [SkippableTheory]
    [InlineData("de")]
    [InlineData("en")]
    [InlineData("tr")]
    [InlineData("ar")]
    [InlineData("uk")]
    [InlineData("ru")]
    public async Task The_legal_help_and_information_pages_and_the_feedback_form_with_its_errors_have_no_axe_violations(string lang)
    {
        var page = await browser.NewPageAsync();
        var violations = new List<string>();
        foreach (var url in new[] { $"/{lang}/impressum", $"/{lang}/datenschutz", $"/{lang}/barrierefreiheit", $"/{lang}/hilfe", $"/{lang}/themen/schulden", $"/{lang}/barrierefreiheit?rueckmeldung=gesendet" })
        {
            await page.GotoAsync(url);
            await Axe.CheckAsync(page, violations, $"site-{lang}-{url.Split('/').Last()}");
        }

        await page.GotoAsync($"/{lang}/barrierefreiheit");
        await page.Locator("#email").FillAsync("keine-adresse");
        await page.Locator("form[action$='/rueckmeldung'] button[type=submit]").ClickAsync();
        await page.Locator(".error-summary").WaitForAsync();
        await Axe.CheckAsync(page, violations, $"site-{lang}-feedback-errors");

        violations.ShouldBeEmpty();
    }
}
