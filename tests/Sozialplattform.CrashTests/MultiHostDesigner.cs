using System.Net;
using Microsoft.Playwright;

namespace Sozialplattform.CrashTests;

/// <summary>
/// The designer's part of the multi-host test: an author signs in through nginx in Debian's Chromium, creates a form,
/// adds a field and publishes it in the editor — a Blazor circuit over one WebSocket through the balancer (no sticky
/// sessions) — and both hosts serve the new version without restart.
/// </summary>
public sealed partial class MultiHostTests
{
    private const string NewForm = "mehrrechner-neu";
    private static readonly TimeSpan Ceiling = TimeSpan.FromMinutes(2);

    private static readonly string[] ChromiumArguments =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    /// <summary>Debian's Chromium (SOZIAL_CHROMIUM or /usr/bin/chromium); without it the test skips locally and fails on CI.</summary>
    private static string RequireChromium()
    {
        var path = Environment.GetEnvironmentVariable("SOZIAL_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (File.Exists(path)) return path;
        if (Environment.GetEnvironmentVariable("CI") == "true") throw new InvalidOperationException($"Chromium is missing at {path} (apt-get install chromium); the multi-host test must run on CI.");
        throw new Xunit.SkipException($"Chromium is not installed at {path} (apt-get install chromium, or set SOZIAL_CHROMIUM).");
    }

    /// <summary>Publishes through the designer's pages behind nginx and waits until both hosts serve the version; prints after how long.</summary>
    private async Task PublishedInTheDesignerServedByBothHostsAsync(NginxBalancer nginx, string chromium)
    {
        var before = nginx.Requests().Count;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Args = ChromiumArguments, Headless = true, Timeout = (float)Ceiling.TotalMilliseconds });
        Assertions.SetDefaultExpectTimeout((float)Ceiling.TotalMilliseconds);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "de-DE", ViewportSize = new ViewportSize { Width = 1600, Height = 1000 } });
        context.SetDefaultTimeout((float)Ceiling.TotalMilliseconds);
        context.SetDefaultNavigationTimeout((float)Ceiling.TotalMilliseconds);
        var page = await context.NewPageAsync();
        var failures = new List<string>();
        page.RequestFailed += (_, request) => failures.Add($"{request.Method} {request.Url}: {request.Failure}");
        // The browser's own request for /favicon.ico is not the designer's (the platform has none: 404 on every host).
        page.Response += (_, response) => { if (response.Status >= 400 && !response.Url.EndsWith("/favicon.ico", StringComparison.Ordinal)) failures.Add($"{response.Status} {response.Request.Method} {response.Url}"); };
        page.Console += (_, message) => { if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal)) failures.Add("console: " + message.Text); };

        await page.GotoAsync(nginx.BaseUrl + "/designer");
        await page.GetByLabel("Benutzername").FillAsync(AuthorLogin);
        await page.GetByLabel("Passwort").FillAsync(StaffPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await page.WaitForURLAsync(nginx.BaseUrl + "/designer");
        await Interactive(page);
        await page.GetByLabel("ID (klein, mit Bindestrichen)").FillAsync(NewForm);
        await page.GetByLabel("Titel", new() { Exact = true }).FillAsync("Neu veröffentlicht");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anlegen" }).ClickAsync();
        await page.WaitForURLAsync($"**/designer/forms/{NewForm}");
        await Interactive(page);
        await page.GetByTestId("tree").Locator("[data-path='pages[0]']").ClickAsync();
        await page.GetByLabel("Typ des neuen Elements").SelectOptionAsync("text");
        await page.GetByTestId("add-element").ClickAsync();
        await Assertions.Expect(page.GetByTestId("prop-key")).ToHaveValueAsync("feld");
        await Assertions.Expect(page.GetByTestId("publish-version")).ToHaveValueAsync("1.0.0");
        await page.GetByTestId("publish-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("publish-message")).ToContainTextAsync("Version 1.0.0 ist veröffentlicht.");
        var published = DateTime.UtcNow;
        var failed = failures.ToList(); // before closing: a closing page may report its dropped connection
        await context.CloseAsync(); // nginx logs a WebSocket when it closes

        var client = new HttpClient { BaseAddress = new Uri(nginx.BaseUrl) };
        var servedBy = new HashSet<string>();
        while (servedBy.Count < 2)
        {
            var count = nginx.Requests().Count;
            var response = await client.GetAsync($"/de/leistungen/{NewForm}");
            if (response.StatusCode == HttpStatusCode.OK) servedBy.Add(nginx.Requests().Skip(count).Last().Host);
            // a ceiling for a busy machine, not the expected time (printed below): hosts look every 2 s
            if (DateTime.UtcNow - published > Ceiling) throw new TimeoutException($"2 minutes after publishing, served only by {string.Join(", ", servedBy)}");
            await Task.Delay(100); // between polls of the condition
        }

        var elapsed = DateTime.UtcNow - published;
        failed.ShouldBeEmpty("the designer's pages and circuit work through the balancer");
        var designer = nginx.Requests().Skip(before).Where(r => r.Path.StartsWith("/designer", StringComparison.Ordinal) || r.Path.StartsWith("/_blazor", StringComparison.Ordinal)).ToList();
        // Blazor's disconnect beacon is sent while the test closes the browser, which does not wait for its answer (nginx: 499).
        designer.Where(r => !(r.Path == "/_blazor/disconnect" && r.Status == 499)).ShouldAllBe(r => r.Status < 400, string.Join("\n", designer));
        designer.Where(r => r.Path.StartsWith("/designer", StringComparison.Ordinal)).Select(r => r.Host).Distinct().Count().ShouldBe(2, "the designer's pages came from both hosts");
        var circuits = designer.Where(r => r.Path == "/_blazor").ToList();
        circuits.ShouldNotBeEmpty("the editor ran in a circuit through nginx");
        circuits.ShouldAllBe(r => r.Status == 101, "each circuit is one WebSocket upgraded through nginx");
        designer.ShouldNotContain(r => r.Path == "/_blazor/negotiate", "no negotiation: it and the WebSocket could reach different hosts");
        Console.WriteLine($"multi-host test: the version published in the designer behind nginx ({circuits.Count} circuit(s), on {string.Join(", ", circuits.Select(c => c.Host).Distinct())}) " +
                          $"was served by both hosts {elapsed.TotalSeconds:0.0} s after publishing");
    }

    /// <summary>Waits until the page's circuit renders: typing into the prerendered page would be lost.</summary>
    private static Task Interactive(IPage page) => page.Locator("main[data-interactive=true]").WaitForAsync();
}
