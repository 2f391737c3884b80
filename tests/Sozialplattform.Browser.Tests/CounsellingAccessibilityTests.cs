using Microsoft.Playwright;
using Sozialplattform.Browser.Tests.Infrastructure;
using static Sozialplattform.Browser.Tests.Infrastructure.BrowserCounselling;

namespace Sozialplattform.Browser.Tests;

/// <summary>
/// axe-core (all rules) on every page of the online counselling in German and Arabic, filled as people meet them: the
/// seeker's start, login, reset, registration (also with errors), recovery code, enquiry, conversation (before and after
/// the reply), the list of conversations and the deletion of the account; the staff's login, desk, conversation at the
/// desk (new, open, archived), text blocks, absence, team, access log and archive.
/// </summary>
[Collection(nameof(BrowserFixture))]
public sealed class CounsellingAccessibilityTests(BrowserFixture browser)
{
    [SkippableTheory]
    [InlineData("de")]
    [InlineData("ar")]
    public async Task The_seekers_and_the_counsellors_pages_have_no_axe_violations(string lang)
    {
        var seeker = await browser.NewPageAsync();
        var centre = await CentreAsync(browser);
        var violations = new List<string>();
        async Task CheckAsync(IPage page, string name) => await Axe.CheckAsync(page, violations, $"counselling-{lang}-{name}");
        async Task SubmitAsync(IPage page, string form) => await page.Locator($"form:has(input[name=_handler][value={form}]) button[type=submit]").ClickAsync();

        await seeker.GotoAsync($"/{lang}/online-beratung");
        await CheckAsync(seeker, "start");
        await seeker.GotoAsync($"/{lang}/online-beratung/anmelden");
        await CheckAsync(seeker, "login");
        await SubmitAsync(seeker, "login");
        await Assertions.Expect(seeker.Locator(".error-summary")).ToBeVisibleAsync();
        await CheckAsync(seeker, "login-error");
        await seeker.GotoAsync($"/{lang}/online-beratung/passwort-vergessen");
        await CheckAsync(seeker, "reset");
        await SubmitAsync(seeker, "reset");
        await Assertions.Expect(seeker.Locator(".field--error").First).ToBeVisibleAsync();
        await CheckAsync(seeker, "reset-errors");
        await seeker.GotoAsync($"/{lang}/online-beratung/registrieren?stelle={centre.Id}&thema=schuldnerberatung");
        await CheckAsync(seeker, "register");
        await SubmitAsync(seeker, "register");
        await Assertions.Expect(seeker.Locator(".field--error").First).ToBeVisibleAsync();
        await CheckAsync(seeker, "register-errors");
        await RegisterAsync(seeker, lang, centre.Id, "Axe-" + lang + "-" + Guid.NewGuid().ToString("N")[..6]);
        await CheckAsync(seeker, "recovery-code");
        await seeker.Locator("main a.button--primary").ClickAsync();
        await CheckAsync(seeker, "enquiry");
        await SubmitAsync(seeker, "enquiry");
        await Assertions.Expect(seeker.Locator(".field--error").First).ToBeVisibleAsync();
        await CheckAsync(seeker, "enquiry-error");
        await seeker.Locator("#message").FillAsync("Ich habe Schulden und weiß nicht weiter.");
        await SubmitAsync(seeker, "enquiry");
        await seeker.WaitForURLAsync(url => url.Contains("/online-beratung/gespraech/", StringComparison.Ordinal));
        var conversationUrl = new Uri(seeker.Url).AbsolutePath;
        var conversationId = Guid.Parse(conversationUrl.Split('/')[^1]);
        await CheckAsync(seeker, "conversation-new");

        var staff = await browser.NewPageAsync();
        await StaffSignInAsync(staff, centre.Admin, violations, lang);
        var desk = $"{StaffRoot}/{lang}/online-beratung/{centre.Id}";
        await staff.GotoAsync(desk + "/textbausteine");
        await CheckAsync(staff, "text-blocks-empty");
        await staff.Locator("#title").FillAsync("Begrüßung");
        await staff.Locator("#body").FillAsync("Guten Tag,\nwir melden uns bei Ihnen.");
        await staff.Locator("button[value=hinzufuegen]").ClickAsync();
        await Assertions.Expect(staff.Locator(".text-blocks li")).ToHaveCountAsync(1);
        await CheckAsync(staff, "text-blocks");
        await staff.GotoAsync(desk);
        await CheckAsync(staff, "desk");
        await staff.GotoAsync($"{desk}/gespraech/{conversationId}");
        await CheckAsync(staff, "desk-conversation-new");
        await staff.Locator($"form[action$='{conversationId}/uebernehmen'] button").ClickAsync();
        await Assertions.Expect(staff.Locator("#message")).ToBeVisibleAsync();
        await CheckAsync(staff, "desk-conversation-open");
        await staff.Locator("#message").FillAsync("Guten Tag, wir helfen Ihnen gern.");
        await staff.Locator("form[action$='/antworten'] button[type=submit]").ClickAsync();
        await Assertions.Expect(staff.Locator("#thread li.thread__message")).ToHaveCountAsync(2);
        await CheckAsync(staff, "desk-conversation-replied");

        await seeker.GotoAsync(conversationUrl);
        await Assertions.Expect(seeker.Locator("#thread li.thread__message")).ToHaveCountAsync(2);
        await CheckAsync(seeker, "conversation-replied");
        await seeker.GotoAsync($"/{lang}/online-beratung");
        await CheckAsync(seeker, "start-signed-in");
        await seeker.GotoAsync($"/{lang}/online-beratung/konto-loeschen");
        await CheckAsync(seeker, "delete-account");
        await seeker.Locator("#password").FillAsync("nicht-das-passwort");
        await SubmitAsync(seeker, "deleteAccount");
        await Assertions.Expect(seeker.Locator(".field--error").First).ToBeVisibleAsync();
        await CheckAsync(seeker, "delete-account-error");

        foreach (var (path, name) in new[] { ("/abwesenheit", "absence"), ("/team", "team"), ("/protokoll", "access-log"), ("/archiv", "archive-empty") })
        {
            await staff.GotoAsync(desk + path);
            await CheckAsync(staff, name);
        }

        await staff.GotoAsync($"{desk}/gespraech/{conversationId}");
        await staff.Locator("form[action$='/archivieren'] button").ClickAsync();
        await staff.WaitForURLAsync(url => url.EndsWith("/archiv", StringComparison.Ordinal));
        await CheckAsync(staff, "archive");
        await staff.GotoAsync($"{desk}/gespraech/{conversationId}");
        await CheckAsync(staff, "desk-conversation-archived");

        violations.ShouldBeEmpty();
    }
}
