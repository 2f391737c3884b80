using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OtpNet;
using Sozialplattform.Centres.Accounts;
using Sozialplattform.Centres.Records;
using Sozialplattform.Centres.Storage;
using Sozialplattform.Counselling.Conversations;
using Sozialplattform.Counselling.Storage;

namespace Sozialplattform.Browser.Tests.Infrastructure;

/// <summary>
/// A centre of the browser host that offers online counselling, with a counsellor (a staff account with the counsellor
/// role) and the carrier's admin (a lead of every centre of its carrier, who also grants roles); and the steps both
/// sides take through the real pages.
/// </summary>
public static class BrowserCounselling
{
    public const string StaffPassword = "Browser-Beratung-2026";
    public const string SeekerPassword = "Lange-Nacht-am-Rhein";
    public const string StaffRoot = "/beratungsstellen-verwaltung";

    public sealed record Centre(Guid Id, string Counsellor, string Admin);

    /// <summary>A new centre (its own carrier, so its admin sees only it) with a counsellor and the carrier's admin.</summary>
    public static async Task<Centre> CentreAsync(BrowserFixture browser)
    {
        var services = browser.Portal.Services;
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (_, id) = await services.GetRequiredService<CentreStore>().ImportAsync("test", new CentreRecord
        {
            ExternalId = "online-" + suffix,
            Carrier = new Carrier("online-traeger-" + suffix, "Online-Träger e. V."),
            Name = new Texts([new("de", "Schuldnerberatung Online"), new("ar", "استشارات الديون عبر الإنترنت")]),
            Address = new Address("Chatweg 1", "50667", "Köln") { Latitude = 50.9387, Longitude = 6.9547 },
            Phone = "+49 221 123456", Email = "online@beratung.example",
            Ways = [CounsellingWay.OnSite, CounsellingWay.Chat],
            Offers = [new Offer("schuldnerberatung", new Catchment { PostalCodes = ["50667"] })],
        }, "test");
        var accounts = services.GetRequiredService<CentreAccounts>();
        var (counsellor, problem) = await accounts.CreateAsync("test", "beraterin-" + suffix, "Berta Beraterin", StaffPassword, null, ["online-" + suffix]);
        problem.ShouldBe(AccountProblem.None);
        (await accounts.CreateAsync("test", "traeger-" + suffix, "Theo Träger", StaffPassword, "online-traeger-" + suffix, [])).Problem.ShouldBe(AccountProblem.None);
        await services.GetRequiredService<CounsellingTeam>().SetAsync(counsellor!.Id, id, TeamRole.Counsellor);
        return new Centre(id, "beraterin-" + suffix, "traeger-" + suffix);
    }

    /// <summary>Registers with pseudonym and password on the real page; the page then shows the recovery code.</summary>
    public static async Task RegisterAsync(IPage page, string lang, Guid centreId, string pseudonym)
    {
        await page.GotoAsync($"/{lang}/online-beratung/registrieren?stelle={centreId}&thema=schuldnerberatung");
        await page.Locator("#pseudonym").FillAsync(pseudonym);
        await page.Locator("#password").FillAsync(SeekerPassword);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#recovery-code")).ToBeVisibleAsync();
    }

    /// <summary>From the recovery code's page ("next") to the enquiry, sent: on the conversation's page.</summary>
    public static async Task EnquiryAsync(IPage page, string text)
    {
        await page.Locator("main a.button--primary").ClickAsync();
        await page.Locator("#message").FillAsync(text);
        await page.Locator("form:has(input[name=_handler][value=enquiry]) button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/online-beratung/gespraech/", StringComparison.Ordinal));
    }

    /// <summary>Staff sign in: password, the second factor's enrolment with the secret the page shows, the recovery codes; axe on each page when asked.</summary>
    public static async Task StaffSignInAsync(IPage page, string login, List<string>? violations = null, string lang = "de")
    {
        await page.GotoAsync($"{StaffRoot}/{lang}/anmelden");
        if (violations is not null) await Axe.CheckAsync(page, violations, $"counselling-staff-login-{lang}");
        await page.Locator("#login").FillAsync(login);
        await page.Locator("#password").FillAsync(StaffPassword);
        await page.Locator("main form button").ClickAsync();
        var secret = await page.Locator("#totp-secret").GetAttributeAsync("data-secret");
        await page.Locator("#code").FillAsync(new Totp(Base32Encoding.ToBytes(secret!)).ComputeTotp(DateTime.UtcNow));
        await page.Locator("main form button").ClickAsync();
        await Assertions.Expect(page.Locator(".recovery-codes code")).ToHaveCountAsync(10);
        await page.Locator("main a.button").ClickAsync();
    }

    /// <summary>
    /// Opens <paramref name="url"/> and waits until its live script has joined the hub's group (the hub's completion of
    /// <c>FollowConversation</c>/<c>FollowDesk</c> arrives over the page's WebSocket without an error): from then on a
    /// change is heard, so a test need not guess how long connecting takes.
    /// </summary>
    public static async Task GotoFollowingAsync(IPage page, string url)
    {
        var joined = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Watch(object? sender, IWebSocket socket) => socket.FrameReceived += (_, frame) =>
        {
            // SignalR's JSON protocol: a completion is type 3; a refused follow carries "error"
            if (frame.Text is { } text && text.Contains("\"type\":3", StringComparison.Ordinal))
            {
                if (text.Contains("\"error\"", StringComparison.Ordinal)) joined.TrySetException(new InvalidOperationException("The hub refused: " + text));
                else joined.TrySetResult();
            }
        };

        page.WebSocket += Watch;
        try
        {
            await page.GotoAsync(url);
            await joined.Task.WaitAsync(BrowserFixture.Ceiling);
        }
        finally
        {
            page.WebSocket -= Watch;
        }
    }
}
