using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OtpNet;
using Sozialplattform.Browser.Tests.Infrastructure;
using Sozialplattform.Centres.Accounts;
using Sozialplattform.Centres.Records;
using Sozialplattform.Centres.Storage;

namespace Sozialplattform.Browser.Tests;

/// <summary>
/// The centres' self-service in Chromium: centre staff sign in (password, second factor), edit and send to review; the
/// editor sees the difference and publishes; the finder shows the change. axe on every page, in German and Arabic.
/// </summary>
[Collection(nameof(BrowserFixture))]
public sealed class CentresSelfServiceInBrowserTests(BrowserFixture browser)
{
    private const string Password = "Browser-Beratung-2026";
    private const string Root = "/beratungsstellen-verwaltung";

    [SkippableFact]
    public async Task Staff_edit_the_editor_publishes_and_the_finder_shows_the_change_without_axe_violations()
    {
        var staff = await browser.NewPageAsync();
        var (id, staffLogin, editorLogin) = await CentreAndAccountsAsync();
        var violations = new List<string>();

        await SignInAsync(staff, staffLogin, violations, "staff");
        await staff.GetByRole(AriaRole.Link, new() { Name = "Schuldnerberatung Reisestadt", Exact = true }).ClickAsync();
        await Axe.CheckAsync(staff, violations, "centres-edit-de");
        await staff.Locator("#phone").FillAsync("+49 221 424242");
        await staff.Locator("#hours").FillAsync("mo 09:00-12:00\ndo 14:00-18:00");
        await staff.Locator("button[value=submit]").ClickAsync();
        await Assertions.Expect(staff.Locator(".notice")).ToContainTextAsync("zur Prüfung gesendet");
        await Axe.CheckAsync(staff, violations, "centres-home-de");
        await staff.GotoAsync($"{Root}/ar/stellen/{id}");
        await Axe.CheckAsync(staff, violations, "centres-edit-ar");
        await staff.Locator("#phone").FillAsync("+49 221 x");
        await staff.Locator("button[value=save]").ClickAsync();
        await Assertions.Expect(staff.Locator(".error-summary")).ToBeVisibleAsync();
        await Axe.CheckAsync(staff, violations, "centres-edit-errors-ar");

        var publicPage = await browser.NewPageAsync();
        await publicPage.GotoAsync($"/de/beratungsstellen/{id}");
        await Assertions.Expect(publicPage.Locator("main")).ToContainTextAsync("+49 221 123456");

        var editor = await browser.NewPageAsync();
        await SignInAsync(editor, editorLogin, violations, "editor");
        await Assertions.Expect(editor.Locator("h1")).ToHaveTextAsync("Änderungen zur Prüfung");
        await editor.GetByRole(AriaRole.Link, new() { Name = "Schuldnerberatung Reisestadt", Exact = true }).ClickAsync();
        await Assertions.Expect(editor.Locator(".diff-table")).ToContainTextAsync("+49 221 424242");
        await Axe.CheckAsync(editor, violations, "centres-review-de");
        await editor.GotoAsync($"{Root}/ar/pruefung/{id}");
        await Axe.CheckAsync(editor, violations, "centres-review-ar");
        await editor.GotoAsync($"{Root}/de/pruefung/{id}");
        await editor.Locator("button[value=approve]").ClickAsync();
        await Assertions.Expect(editor.Locator(".notice")).ToContainTextAsync("Veröffentlicht");

        await publicPage.GotoAsync($"/de/beratungsstellen/{id}");
        await Assertions.Expect(publicPage.Locator("main")).ToContainTextAsync("+49 221 424242");
        await publicPage.GotoAsync("/de/beratungsstellen?thema=schuldnerberatung");
        await Assertions.Expect(publicPage.Locator("main")).ToContainTextAsync("Schuldnerberatung Reisestadt");
        violations.ShouldBeEmpty();
    }

    [SkippableFact]
    public async Task My_location_sends_the_browsers_position_to_the_finder_and_without_JavaScript_the_button_stays_hidden()
    {
        await CentreAndAccountsAsync();
        Skip.If(browser.Browser is null, browser.Missing);
        var context = await browser.Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.Portal.BaseUrl, Locale = "de-DE", Permissions = ["geolocation"], Geolocation = new Geolocation { Latitude = 50.94f, Longitude = 6.95f },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/de/beratungsstellen?thema=schuldnerberatung");
        await page.GetByRole(AriaRole.Button, new() { Name = "Meinen Standort verwenden" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("standort=50.94", StringComparison.Ordinal));
        // This host has no postal-code data, so the position resolves to no place (the resolution itself: MyLocationTests).
        await Assertions.Expect(page.Locator("#ort-error")).ToContainTextAsync("In der Nähe Ihres Standorts");

        var withoutScript = await browser.NewPageAsync(javaScript: false);
        await withoutScript.GotoAsync("/de/beratungsstellen");
        await Assertions.Expect(withoutScript.Locator("#mein-standort-button")).ToBeHiddenAsync();
        await context.CloseAsync();
    }

    /// <summary>Password, then the enrolment of the second factor with the secret the page shows, then the recovery codes; axe on each page.</summary>
    private static async Task SignInAsync(IPage page, string login, List<string> violations, string who)
    {
        await page.GotoAsync($"{Root}/de/anmelden");
        await Axe.CheckAsync(page, violations, $"centres-login-{who}");
        await page.Locator("#login").FillAsync(login);
        await page.Locator("#password").FillAsync(Password);
        await page.Locator("main form button").ClickAsync();
        await Axe.CheckAsync(page, violations, $"centres-enrol-{who}");
        var secret = await page.Locator("#totp-secret").GetAttributeAsync("data-secret");
        await page.Locator("#code").FillAsync(new Totp(Base32Encoding.ToBytes(secret!)).ComputeTotp(DateTime.UtcNow));
        await page.Locator("main form button").ClickAsync();
        await Assertions.Expect(page.Locator(".recovery-codes code")).ToHaveCountAsync(10);
        await Axe.CheckAsync(page, violations, $"centres-recovery-{who}");
        await page.Locator("main a.button").ClickAsync();
    }

    private async Task<(Guid Id, string Staff, string Editor)> CentreAndAccountsAsync()
    {
        var services = browser.Portal.Services;
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (_, id) = await services.GetRequiredService<CentreStore>().ImportAsync("test", new CentreRecord
        {
            ExternalId = "reise-" + suffix,
            Carrier = new Carrier("reise-traeger", "Reise-Träger e. V."),
            Name = Texts.De("Schuldnerberatung Reisestadt"),
            Address = new Address("Reiseweg 1", "50667", "Köln") { Latitude = 50.9387, Longitude = 6.9547 },
            Phone = "+49 221 123456", Email = "reise@beratung.example",
            Offers = [new Offer("schuldnerberatung", new Catchment { PostalCodes = ["50667"] })],
        }, "test");
        var accounts = services.GetRequiredService<CentreAccounts>();
        (await accounts.CreateAsync("test", "reise-" + suffix, "Rita Reise", Password, null, ["reise-" + suffix])).Problem.ShouldBe(AccountProblem.None);
        (await accounts.CreateAsync("test", "redaktion-" + suffix, "Rolf Redaktion", Password, null, [], role: CentreRole.Editor)).Problem.ShouldBe(AccountProblem.None);
        return (id, "reise-" + suffix, "redaktion-" + suffix);
    }
}
