using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Sozialplattform.Storage.Operations;

namespace Sozialplattform.Designer.Browser.Tests;

/// <summary>
/// „Zuständigkeit“ and „Nutzung im Portal“ in Chromium against the platform host: the author tries postal codes for
/// Bürgergeld at the hessen-beispiel tenant (a wrong one is said, Kassel reaches the Jobcenter), assigns the Sozialamt
/// instead and the trial then reaches the Sozialamt; the usage figures of the version show the started applications and
/// withhold small groups.
/// </summary>
[Collection(BrowserSession.Collection)]
public sealed class RoutingAndUsageJourneyTests(BrowserSession session)
{
    [SkippableFact]
    public async Task The_author_tries_a_postal_code_assigns_another_kind_of_authority_and_reads_the_usage_figures()
    {
        Skip.If(session.Browser is null, "Chromium is not installed; browser tests skipped locally.");
        // What the portal counted for the newest Bürgergeld version (the walks themselves: UsageFiguresWalkTests).
        var counters = session.Host.Services.GetRequiredService<UsageCounters>();
        counters.Record("buergergeld", "1.0.2", "", UsageKinds.Started, count: 12);
        counters.Record("buergergeld", "1.0.2", "start", UsageKinds.Reached, count: 12);
        counters.Record("buergergeld", "1.0.2", "start", UsageKinds.Passed, count: 10);
        counters.Record("buergergeld", "1.0.2", "start", UsageKinds.Error, "antragsart|required", 11);
        await counters.FlushAsync();

        var page = await session.LoggedInPage();
        await page.GotoAsync(session.BaseUrl + "/designer/forms/buergergeld");
        await BrowserSession.Interactive(page);
        var routing = page.GetByTestId("routing");
        // The panel opens on the tenant this host's portal serves; the Kassel offices are hessen-beispiel's.
        await Assertions.Expect(page.GetByTestId("routing-tenant")).ToHaveValueAsync("nrw");
        await page.GetByTestId("routing-tenant").SelectOptionAsync("hessen-beispiel");
        await Assertions.Expect(page.GetByTestId("routing-other-tenant")).ToContainTextAsync("Dieses Portal nimmt Anträge für den Mandanten nrw an");
        await Assertions.Expect(page.GetByTestId("routing-current")).ToContainTextAsync("Zuständig: Jobcenter");

        await page.GetByTestId("routing-postal").FillAsync("4639");
        await page.GetByTestId("routing-try").ClickAsync();
        await Assertions.Expect(page.GetByTestId("routing-trial-error")).ToHaveTextAsync("„4639“ ist keine Postleitzahl: eine Postleitzahl hat genau fünf Ziffern, z. B. 52525.");

        await page.GetByTestId("routing-postal").FillAsync("34117");
        await page.GetByTestId("routing-try").ClickAsync();
        await Assertions.Expect(page.GetByTestId("routing-trial-office")).ToContainTextAsync("Jobcenter Stadt Kassel");

        await page.GetByTestId("routing-role").SelectOptionAsync("sozialamt");
        await page.GetByTestId("routing-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("routing-saved")).ToContainTextAsync("Gespeichert: hessen-beispiel schickt die Anträge an Sozialamt");
        await Assertions.Expect(page.GetByTestId("routing-current")).ToContainTextAsync("im Designer festgelegt von autorin");
        await page.GetByTestId("routing-postal").FillAsync("34117");
        await page.GetByTestId("routing-try").ClickAsync();
        await Assertions.Expect(page.GetByTestId("routing-trial-office")).ToContainTextAsync("Sozialamt Stadt Kassel");
        await page.ShouldHaveNoViolations();

        var usage = page.GetByTestId("usage");
        await Assertions.Expect(usage.GetByTestId("usage-version")).ToHaveValueAsync("1.0.2");
        await Assertions.Expect(usage.GetByTestId("usage-started")).ToContainTextAsync("Begonnen: 12");
        var start = usage.Locator("[data-page=start]");
        await Assertions.Expect(start.GetByTestId("usage-reached")).ToHaveTextAsync("12");
        await Assertions.Expect(start.GetByTestId("usage-passed")).ToHaveTextAsync("10");
        await Assertions.Expect(start.GetByTestId("usage-stopped")).ToHaveTextAsync("< 10");
        await Assertions.Expect(start.GetByTestId("usage-errors")).ToHaveTextAsync("antragsart: required (11×)");
        await Assertions.Expect(routing).ToBeVisibleAsync();
    }
}
