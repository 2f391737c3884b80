using Microsoft.Playwright;

namespace Sozialplattform.Browser.Tests.Infrastructure;

/// <summary>
/// One Chromium (Debian's, never a downloaded one) and one portal host per test collection. Without Chromium the
/// tests skip locally with a message and fail on CI (<c>CI=true</c>).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public static readonly string[] Arguments =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    /// <summary>
    /// The ceiling for every wait (navigation, locators, expectations): tests wait for conditions, and on a loaded
    /// machine a condition may take long to arrive; a quiet machine never comes near it.
    /// </summary>
    public static readonly TimeSpan Ceiling = TimeSpan.FromSeconds(120);

    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }
    public BrowserPortal Portal { get; } = new();
    public string? Missing { get; private set; }

    public static string ChromiumPath => Environment.GetEnvironmentVariable("SOZIAL_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            Missing = $"Chromium is not installed at {ChromiumPath} (apt-get install -y chromium, or set SOZIAL_CHROMIUM).";
            if (Environment.GetEnvironmentVariable("CI") == "true") throw new InvalidOperationException(Missing);
            return;
        }

        _playwright = await Playwright.CreateAsync();
        Assertions.SetDefaultExpectTimeout((float)Ceiling.TotalMilliseconds);
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Args = Arguments, Headless = true, Timeout = (float)Ceiling.TotalMilliseconds });
    }

    /// <summary>A fresh browser context (its own cookies), with or without JavaScript, on this fixture's portal or another host (<paramref name="baseUrl"/>).</summary>
    public async Task<IPage> NewPageAsync(bool javaScript = true, string? baseUrl = null)
    {
        Skip.If(Browser is null, Missing);
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = javaScript, BaseURL = baseUrl ?? Portal.BaseUrl, Locale = "de-DE" });
        context.SetDefaultTimeout((float)Ceiling.TotalMilliseconds);
        context.SetDefaultNavigationTimeout((float)Ceiling.TotalMilliseconds);
        return await context.NewPageAsync();
    }

    /// <summary>Writes a screenshot when PORTAL_SCREENSHOTS names a folder (for looking at the pages; never committed).</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("PORTAL_SCREENSHOTS") is not { Length: > 0 } folder) return;
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        Portal.Dispose();
    }
}

[CollectionDefinition(nameof(BrowserFixture))]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>;

/// <summary>
/// The axe walks through every page of the large forms, in a collection of their own: with a browser and a host of
/// their own they run beside the journeys instead of after them (xunit runs collections in parallel).
/// </summary>
[CollectionDefinition(Name)]
public sealed class AccessibilityCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "BrowserAccessibility";
}
