using Microsoft.Playwright;
using Sozialplattform.Designer.Hosting;
using Sozialplattform.Designer.TestHost.Testing;

namespace Sozialplattform.Designer.Browser.Tests;

/// <summary>
/// The designer on a real Kestrel port and Debian's Chromium (never a downloaded browser). Without Chromium the tests
/// skip locally and fail on CI (CI=true).
/// </summary>
public sealed class BrowserSession : IAsyncLifetime
{
    public const string Collection = "DesignerBrowser";

    private static readonly string[] Arguments =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    /// <summary>
    /// The ceiling for every wait (navigation, locators, expectations): tests wait for conditions, and on a loaded
    /// machine a condition may take long to arrive; a quiet machine never comes near it. One journey failed once at
    /// Playwright's 15 s while five builds ran.
    /// </summary>
    public static readonly TimeSpan Ceiling = TimeSpan.FromSeconds(120);

    private IPlaywright? _playwright;

    public PlatformHost Host { get; } = new();

    public IBrowser? Browser { get; private set; }

    public string BaseUrl { get; private set; } = "";

    public static string? ChromiumPath()
    {
        var path = Environment.GetEnvironmentVariable("SOZIAL_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        return File.Exists(path) ? path : null;
    }

    public async Task InitializeAsync()
    {
        if (ChromiumPath() is not { } chromium)
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
                throw new InvalidOperationException("Chromium is missing (set SOZIAL_CHROMIUM or apt-get install chromium); browser tests must run on CI.");
            return;
        }

        Host.UseKestrel(0);
        Host.StartServer();
        BaseUrl = Host.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        Assertions.SetDefaultExpectTimeout((float)Ceiling.TotalMilliseconds);
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Args = Arguments, Headless = true, Timeout = (float)Ceiling.TotalMilliseconds });
    }

    /// <summary>A fresh page, logged in as the development author.</summary>
    public Task<IPage> LoggedInPage() => LoggedInPage(DesignerAuthentication.DevelopmentLogin, DesignerAuthentication.DevelopmentPassword);

    /// <summary>A fresh page (its own cookies), logged in as the given author.</summary>
    public async Task<IPage> LoggedInPage(string login, string password)
    {
        Skip.If(Browser is null, "Chromium is not installed (apt-get install chromium, or set SOZIAL_CHROMIUM); browser tests skipped locally.");
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions { Locale = "de-DE", ViewportSize = new ViewportSize { Width = 1600, Height = 1000 } });
        context.SetDefaultTimeout((float)Ceiling.TotalMilliseconds);
        context.SetDefaultNavigationTimeout((float)Ceiling.TotalMilliseconds);
        var page = await context.NewPageAsync();
        await page.GotoAsync(BaseUrl + "/designer");
        await page.GetByLabel("Benutzername").FillAsync(login);
        await page.GetByLabel("Passwort").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await page.WaitForURLAsync(BaseUrl + "/designer");
        await Interactive(page);
        return page;
    }

    /// <summary>Waits until the page's circuit renders: typing into the prerendered page would be lost.</summary>
    public static Task Interactive(IPage page) => page.Locator("main[data-interactive=true]").WaitForAsync();

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        await Host.DisposeAsync();
    }
}

/// <summary>
/// One designer host and one Chromium for all designer browser tests, run one after another: the portal's browser tests
/// run beside them on the same two cores, and two more browsers made a login miss its 120 s ceiling once on CI.
/// </summary>
[CollectionDefinition(BrowserSession.Collection)]
public sealed class DesignerBrowserCollection : ICollectionFixture<BrowserSession>;
