using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OtpNet;
using Sozialplattform.Browser.Tests.Infrastructure;
using Sozialplattform.Centres.Accounts;
using Sozialplattform.Centres.Records;
using Sozialplattform.Centres.Storage;
using Sozialplattform.Counselling.Conversations;
using Sozialplattform.Counselling.Seekers;
using Sozialplattform.Counselling.Storage;
using Sozialplattform.Counselling.Web.Hosting;

namespace Sozialplattform.Browser.Tests;

/// <summary>
/// A video call in Chromium with fake camera and microphone (a Chromium of its own with the media flags; the other tests'
/// browser stays as it is): the counsellor checks camera and microphone in the lobby and calls, the seeker's page rings,
/// the seeker checks and accepts, and each side decodes video frames from the other (WebRTC's <c>inbound-rtp</c>
/// statistics) — peer to peer over host candidates, no STUN or TURN on loopback. Without JavaScript the page says that
/// video needs it, and the written conversation is there.
/// </summary>
[Collection(nameof(BrowserFixture))]
public sealed class CounsellingVideoInBrowserTests(BrowserFixture browser)
{
    private const string Password = "Browser-Video-2026!";
    private const string Root = "/beratungsstellen-verwaltung";

    private static readonly string[] FakeMedia = ["--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", "--autoplay-policy=user-gesture-required"];

    [SkippableFact]
    public async Task Seeker_and_counsellor_each_receive_video_frames_from_the_other_after_the_lobby_and_without_JavaScript_the_page_says_video_needs_it()
    {
        Skip.If(browser.Browser is null, browser.Missing);
        var (centre, conversation, staffLogin, pseudonym) = await OpenConversationAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFixture.ChromiumPath, Args = [.. BrowserFixture.Arguments, .. FakeMedia], Headless = true, Timeout = (float)BrowserFixture.Ceiling.TotalMilliseconds,
        });

        var counsellor = await NewPageAsync(chromium);
        await SignInStaffAsync(counsellor, staffLogin);
        await counsellor.GotoAsync($"{Root}/de/online-beratung/{centre}/gespraech/{conversation}");
        var seeker = await NewPageAsync(chromium);
        await SignInSeekerAsync(seeker, pseudonym);
        await seeker.GotoAsync($"/de/online-beratung/gespraech/{conversation}");
        await Assertions.Expect(seeker.Locator("[data-video-fallback]")).ToBeHiddenAsync();

        await counsellor.GetByRole(AriaRole.Button, new() { Name = "Kamera und Mikrofon prüfen" }).ClickAsync();
        await Assertions.Expect(counsellor.Locator("[data-video-camera-state]")).ToContainTextAsync("bereit");
        await Assertions.Expect(counsellor.Locator("[data-video-microphone-state]")).ToContainTextAsync("bereit");
        await Assertions.Expect(counsellor.Locator("[data-video-status]")).ToHaveTextAsync("Kamera und Mikrofon sind bereit.");
        (await counsellor.EvaluateAsync<bool>("() => document.activeElement === document.querySelector('[data-video-lobby-heading]')")).ShouldBeTrue("the lobby takes the focus");
        await counsellor.GetByRole(AriaRole.Button, new() { Name = "Videoanruf starten" }).ClickAsync();
        await Assertions.Expect(counsellor.Locator("[data-video-status]")).ToContainTextAsync("Die ratsuchende Person wird angerufen.");

        await Assertions.Expect(seeker.Locator("[data-video-status]")).ToHaveTextAsync("Die Beratungsstelle lädt Sie zu einem Videogespräch ein.");
        await seeker.GetByRole(AriaRole.Button, new() { Name = "Kamera und Mikrofon prüfen" }).ClickAsync();
        await Assertions.Expect(seeker.Locator("[data-video-local]")).ToBeVisibleAsync();
        await Assertions.Expect(seeker.Locator("[data-video-camera-state]")).ToContainTextAsync("bereit");
        await seeker.GetByRole(AriaRole.Button, new() { Name = "Annehmen" }).ClickAsync();

        await FramesFromTheOtherSideAsync(seeker);
        await FramesFromTheOtherSideAsync(counsellor);
        await Assertions.Expect(seeker.Locator("[data-video-status]")).ToHaveTextAsync("Verbunden. Das Videogespräch läuft.");
        await Assertions.Expect(counsellor.Locator("[data-video-status]")).ToHaveTextAsync("Verbunden. Das Videogespräch läuft.");
        await BrowserFixture.ScreenshotAsync(seeker, "counselling-video-seeker");

        await seeker.GetByRole(AriaRole.Button, new() { Name = "Auflegen" }).ClickAsync();
        await Assertions.Expect(counsellor.Locator("[data-video-status]")).ToHaveTextAsync("Das Videogespräch ist beendet.");
        await Assertions.Expect(counsellor.Locator("[data-video-call]")).ToBeHiddenAsync();
        await using (var context = browser.Portal.Services.GetRequiredService<CounsellingDatabase>().CreateContext())
            context.VideoCalls.Single(v => v.ConversationId == conversation).State.ShouldBe(CallState.Ended);

        var withoutScript = await chromium.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, BaseURL = browser.Portal.BaseUrl, Locale = "de-DE" });
        var plain = await withoutScript.NewPageAsync();
        await SignInSeekerAsync(plain, pseudonym);
        await plain.GotoAsync($"/de/online-beratung/gespraech/{conversation}");
        await Assertions.Expect(plain.Locator("[data-video-fallback]")).ToHaveTextAsync(
            "Ein Videogespräch braucht JavaScript und einen aktuellen Browser (zum Beispiel Firefox, Chrome, Edge oder Safari). Das schriftliche Gespräch funktioniert auch ohne.");
        await Assertions.Expect(plain.GetByRole(AriaRole.Button, new() { Name = "Annehmen" })).ToBeHiddenAsync();
        await Assertions.Expect(plain.Locator("#message")).ToBeVisibleAsync();
    }

    /// <summary>Polls the page's peer connection until its incoming video has decoded frames (a ceiling for a busy machine, not a timing assumption).</summary>
    private static async Task FramesFromTheOtherSideAsync(IPage page)
    {
        const string Decoded = """
            async () => {
              const peer = window.sozialVideoPeer;
              if (!peer) return 0;
              let frames = 0;
              (await peer.getStats()).forEach(report => { if (report.type === "inbound-rtp" && report.kind === "video") frames = report.framesDecoded || 0; });
              return frames;
            }
            """;
        var waited = Stopwatch.StartNew();
        while (await page.EvaluateAsync<int>(Decoded) == 0)
        {
            waited.Elapsed.ShouldBeLessThan(BrowserFixture.Ceiling, "no decoded video frames from the other side");
            await page.WaitForTimeoutAsync(250); // the interval between two polls of the statistics
        }
    }

    private async Task<IPage> NewPageAsync(IBrowser chromium)
    {
        var context = await chromium.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.Portal.BaseUrl, Locale = "de-DE", Permissions = ["camera", "microphone"],
        });
        context.SetDefaultTimeout((float)BrowserFixture.Ceiling.TotalMilliseconds);
        context.SetDefaultNavigationTimeout((float)BrowserFixture.Ceiling.TotalMilliseconds);
        return await context.NewPageAsync();
    }

    private static async Task SignInSeekerAsync(IPage page, string pseudonym)
    {
        await page.GotoAsync("/de/online-beratung/anmelden");
        await page.Locator("#pseudonym").FillAsync(pseudonym);
        await page.Locator("#password").FillAsync(Password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Online-Beratung");
    }

    /// <summary>Password, then the enrolment of the second factor with the secret the page shows, then the recovery codes.</summary>
    private static async Task SignInStaffAsync(IPage page, string login)
    {
        await page.GotoAsync($"{Root}/de/anmelden");
        await page.Locator("#login").FillAsync(login);
        await page.Locator("#password").FillAsync(Password);
        await page.Locator("main form button").ClickAsync();
        var secret = await page.Locator("#totp-secret").GetAttributeAsync("data-secret");
        await page.Locator("#code").FillAsync(new Totp(Base32Encoding.ToBytes(secret!)).ComputeTotp(DateTime.UtcNow));
        await page.Locator("main form button").ClickAsync();
        await Assertions.Expect(page.Locator(".recovery-codes code")).ToHaveCountAsync(10);
        await page.Locator("main a.button").ClickAsync();
    }

    /// <summary>A centre offering online counselling, a counsellor of it, and a seeker's enquiry the counsellor took — through the services.</summary>
    private async Task<(Guid Centre, Guid Conversation, string StaffLogin, string Pseudonym)> OpenConversationAsync()
    {
        var services = browser.Portal.Services;
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (_, centre) = await services.GetRequiredService<CentreStore>().ImportAsync("test", new CentreRecord
        {
            ExternalId = "video-" + suffix,
            Carrier = new Carrier("video-traeger", "Video-Träger e. V."),
            Name = Texts.De("Schuldnerberatung Videostadt"),
            Address = new Address("Videoweg 1", "50667", "Köln") { Latitude = 50.9387, Longitude = 6.9547 },
            Phone = "+49 221 123456", Email = "video@beratung.example", Ways = [CounsellingWay.OnSite, CounsellingWay.Chat],
            Offers = [new Offer("schuldnerberatung", new Catchment { PostalCodes = ["50667"] })],
        }, "test");
        var login = "video-" + suffix;
        var (account, problem) = await services.GetRequiredService<CentreAccounts>().CreateAsync("test", login, "Vera Video", Password, null, ["video-" + suffix]);
        problem.ShouldBe(AccountProblem.None);
        await services.GetRequiredService<CounsellingTeam>().SetAsync(account!.Id, centre, TeamRole.Counsellor, null);

        var pseudonym = "Videofalter " + suffix;
        var (registration, errors) = await services.GetRequiredService<SeekerAccounts>().RegisterAsync(services.GetRequiredService<CounsellingOptions>().Tenant, pseudonym, Password, null, "de");
        errors.ShouldBeEmpty();
        var enquiry = await services.GetRequiredService<SeekerConversations>().StartAsync(registration!.Seeker, centre, "schuldnerberatung", "Können wir uns sehen?");
        enquiry.Result.ShouldBe(StepResult.Done);
        var counsellor = new Counsellor(account.Id, login, new Dictionary<Guid, TeamRole> { [centre] = TeamRole.Counsellor });
        (await services.GetRequiredService<CounsellorDesk>().TakeAsync(counsellor, enquiry.ConversationId)).Result.ShouldBe(StepResult.Done);
        return (centre, enquiry.ConversationId, login, pseudonym);
    }
}
