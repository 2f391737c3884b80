using System.Text.Json;
using Microsoft.Playwright;
using Sozialplattform.Browser.Tests.Infrastructure;
using static Sozialplattform.Browser.Tests.Infrastructure.BrowserCounselling;

namespace Sozialplattform.Browser.Tests;

/// <summary>
/// The online counselling in Chromium, as issue 16 tells it: register → recovery code (shown and downloaded) → enquiry →
/// a counsellor (password + second factor) takes it → the reply appears live on the seeker's open page → the seeker
/// answers without JavaScript and the counsellor's open page shows it live → a password reset with the recovery code
/// keeps the history → the export as PDF and JSON.
/// </summary>
[Collection(nameof(BrowserFixture))]
public sealed class CounsellingJourneyInBrowserTests(BrowserFixture browser)
{
    [SkippableFact]
    public async Task A_seeker_and_a_counsellor_talk_live_and_without_JavaScript_and_a_reset_keeps_the_history_for_the_export()
    {
        var seeker = await browser.NewPageAsync();
        var centre = await CentreAsync(browser);
        var pseudonym = "Nachtfalter-" + Guid.NewGuid().ToString("N")[..6];

        await RegisterAsync(seeker, "de", centre.Id, pseudonym);
        var code = (await seeker.Locator("#recovery-code").TextContentAsync())!.Trim();
        code.Length.ShouldBeGreaterThan(10);
        var download = await seeker.RunAndWaitForDownloadAsync(() => seeker.Locator("form[action$='wiederherstellungscode.txt'] button").ClickAsync());
        download.SuggestedFilename.ShouldBe("wiederherstellungscode.txt");
        var file = await File.ReadAllTextAsync((await download.PathAsync())!);
        file.ShouldContain(code);
        file.ShouldContain(pseudonym);

        await EnquiryAsync(seeker, "Ich habe Schulden und weiß nicht weiter.");
        var conversationUrl = new Uri(seeker.Url).AbsolutePath;
        var conversationId = Guid.Parse(conversationUrl.Split('/')[^1]);
        await GotoFollowingAsync(seeker, conversationUrl);
        // a mark in the open document: had the page been reloaded or left, the mark would be gone
        await seeker.EvaluateAsync("() => { window.__notReloaded = true; }");

        var counsellor = await browser.NewPageAsync();
        await StaffSignInAsync(counsellor, centre.Counsellor);
        await counsellor.GotoAsync($"{StaffRoot}/de/online-beratung/{centre.Id}");
        await Assertions.Expect(counsellor.Locator("#desk-lists")).ToContainTextAsync(pseudonym);
        await counsellor.Locator($"form[action$='{conversationId}/uebernehmen'] button").ClickAsync();
        await counsellor.WaitForURLAsync(url => url.EndsWith($"/gespraech/{conversationId}", StringComparison.Ordinal));
        await GotoFollowingAsync(counsellor, new Uri(counsellor.Url).AbsolutePath);
        await counsellor.Locator("#message").FillAsync("Guten Tag, wir helfen Ihnen gern. Welche Schulden haben Sie?");
        await counsellor.Locator("form[action$='/antworten'] button[type=submit]").ClickAsync();

        await Assertions.Expect(seeker.Locator("#thread")).ToContainTextAsync("Welche Schulden haben Sie?");
        await Assertions.Expect(seeker.Locator("#live-status")).ToHaveTextAsync("Das Gespräch wurde aktualisiert.");
        (await seeker.EvaluateAsync<bool>("() => window.__notReloaded === true")).ShouldBeTrue("the reply must arrive without a reload");

        var withoutScript = await browser.NewPageAsync(javaScript: false);
        await withoutScript.GotoAsync("/de/online-beratung/anmelden");
        await withoutScript.Locator("#pseudonym").FillAsync(pseudonym);
        await withoutScript.Locator("#password").FillAsync(SeekerPassword);
        await withoutScript.Locator("form:has(input[name=_handler][value=login]) button[type=submit]").ClickAsync();
        await withoutScript.Locator($"main a[href$='/gespraech/{conversationId}']").ClickAsync();
        await Assertions.Expect(withoutScript.Locator("#thread")).ToContainTextAsync("Welche Schulden haben Sie?");
        await withoutScript.Locator("#message").FillAsync("Eine Kreditkarte und die Miete seit März.");
        await withoutScript.Locator("form:has(input[name=_handler][value=reply]) button[type=submit]").ClickAsync();
        await Assertions.Expect(withoutScript.Locator("#thread")).ToContainTextAsync("Eine Kreditkarte und die Miete seit März.");
        await Assertions.Expect(counsellor.Locator("#thread")).ToContainTextAsync("Eine Kreditkarte und die Miete seit März.");

        var later = await browser.NewPageAsync();
        await later.GotoAsync("/de/online-beratung/passwort-vergessen");
        await later.Locator("#pseudonym").FillAsync(pseudonym);
        await later.Locator("#code").FillAsync(code);
        await later.Locator("#password").FillAsync("Neues-Passwort-im-Winter");
        await later.Locator("form:has(input[name=_handler][value=reset]) button[type=submit]").ClickAsync();
        await Assertions.Expect(later.Locator("h1")).ToHaveTextAsync("Ihr neues Passwort gilt");
        (await later.Locator("#recovery-code").TextContentAsync())!.Trim().ShouldNotBe(code);
        await later.Locator("main a.button--primary").ClickAsync();
        await later.Locator($"main a[href$='/gespraech/{conversationId}']").ClickAsync();
        var thread = later.Locator("#thread li.thread__message");
        await Assertions.Expect(thread).ToHaveCountAsync(3);
        await Assertions.Expect(thread.Nth(0)).ToContainTextAsync("Ich habe Schulden und weiß nicht weiter.");

        var json = await later.RunAndWaitForDownloadAsync(() => later.Locator("a[href$='/export.json']").ClickAsync());
        json.SuggestedFilename.ShouldBe($"gespraech-{conversationId}.json");
        using var export = JsonDocument.Parse(await File.ReadAllTextAsync((await json.PathAsync())!));
        var strings = Strings(export.RootElement).ToList();
        foreach (var said in new[] { "Ich habe Schulden und weiß nicht weiter.", "Guten Tag, wir helfen Ihnen gern. Welche Schulden haben Sie?", "Eine Kreditkarte und die Miete seit März.", pseudonym })
            strings.ShouldContain(said);
        var pdf = await later.RunAndWaitForDownloadAsync(() => later.Locator("a[href$='/export.pdf']").ClickAsync());
        pdf.SuggestedFilename.ShouldBe($"gespraech-{conversationId}.pdf");
        (await File.ReadAllBytesAsync((await pdf.PathAsync())!))[..5].ShouldBe("%PDF-"u8.ToArray());
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };
}
