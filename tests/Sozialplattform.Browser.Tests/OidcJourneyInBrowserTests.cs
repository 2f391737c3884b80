using Microsoft.Playwright;
using Sozialplattform.Browser.Tests.Infrastructure;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Browser.Tests;

/// <summary>
/// The citizen's login in Chromium against the local OpenID Connect provider, both real servers, every redirect real:
/// a form that needs a login at level substantial → the provider's page → back with the level → prefilled values →
/// a new login before sending → receipt → "Mein Konto" lists the application with its status → logout here and at the provider.
/// </summary>
[Collection(nameof(BrowserFixture))]
public sealed class OidcJourneyInBrowserTests(BrowserFixture browser) : IDisposable
{
    private readonly OidcPortal _portal = new();

    [SkippableFact]
    public async Task A_citizen_signs_in_at_the_provider_finds_their_values_signs_in_again_to_send_and_sees_the_application_in_their_account()
    {
        var page = await browser.NewPageAsync(baseUrl: _portal.BaseUrl);
        await page.GotoAsync("/de/leistungen/login-prefill");
        await page.GetByRole(AriaRole.Button, new() { Name = "Antrag starten" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("mindestens dem Vertrauensniveau „substantiell“");
        await SignInAtProviderAsync(page);

        await Assertions.Expect(page.Locator(".site-header__account")).ToContainTextAsync("Angemeldet: Erika Mustermann");
        await page.GetByLabel("Postleitzahl").FillAsync("12345");
        await page.GetByRole(AriaRole.Button, new() { Name = "Suchen" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Weiter zum Antrag" }).ClickAsync();

        await Assertions.Expect(page.Locator("output#f-nachname")).ToHaveTextAsync("Mustermann");
        await Assertions.Expect(page.Locator("#f-personen-0-vorname")).ToHaveValueAsync("Erika");
        await Assertions.Expect(page.Locator("output#f-personen-0-geburtsdatum")).ToHaveTextAsync("12.08.1964");
        await Assertions.Expect(page.Locator(".hint--identity").First).ToHaveTextAsync("Aus Ihrem Nutzerkonto übernommen (Vertrauensniveau „substantiell“); nicht änderbar.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Weiter", Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Vor dem Absenden melden Sie sich zur Sicherheit noch einmal an.");
        _portal.Clock.Advance(TimeSpan.FromMinutes(10));
        await page.Locator("form[action$='/absenden'] button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Zur Sicherheit melden Sie sich vor dem Absenden noch einmal an.");
        await SignInAtProviderAsync(page);
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/zusammenfassung$"));
        await page.Locator("form[action$='/absenden'] button[type=submit]").ClickAsync();

        await Assertions.Expect(page.Locator(".confirmation__reference")).ToBeVisibleAsync();
        var reference = (await page.Locator(".confirmation__reference").TextContentAsync())!.Trim();
        await page.GetByRole(AriaRole.Link, new() { Name = "Mein Konto" }).ClickAsync();
        var application = page.Locator($"[data-reference='{reference}']");
        await Assertions.Expect(application.Locator(".status-tag")).ToHaveTextAsync("Eingegangen");
        await Assertions.Expect(application.Locator("h3")).ToHaveTextAsync("Vorbelegt");
        await BrowserFixture.ScreenshotAsync(page, "oidc-account");

        // Logout here and at the provider: the form's post is answered with the way to the provider's end-session endpoint and back.
        await page.Locator("form.site-header__account button[type=submit]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(_portal.BaseUrl) + "/de\\?abgemeldet=1$"));
        await Assertions.Expect(page.Locator(".site-header__account")).ToHaveCountAsync(0);
    }

    /// <summary>From the portal's sign-in page to the provider's test-user page and back: Erika at level substantiell.</summary>
    private async Task SignInAtProviderAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Anmelden mit BundID (lokal)" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(_portal.ProviderOptions.Url) + "/connect/authorize"));
        await page.GetByLabel("Erika Mustermann").CheckAsync();
        await page.GetByLabel("substantiell").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(_portal.BaseUrl)));
    }

    public void Dispose() => _portal.Dispose();
}
