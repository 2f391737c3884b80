using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Designer.Usage;
using Sozialplattform.Storage.Operations;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Designer;

/// <summary>
/// Citizens walk the sample form „haushalt“ through the real endpoints at the same time, some stopping on the way; the
/// usage counters then hold exactly what happened — started, reached and passed per page, where people stopped, the
/// errors per field and code, submissions — shown only from the configured minimum group size, and nothing personal.
/// </summary>
public sealed class UsageFiguresWalkTests(UsageFiguresWalkTests.CountingPortal portal) : IClassFixture<UsageFiguresWalkTests.CountingPortal>
{
    private static readonly Dictionary<string, string?> Applicant = new(Journeys.Applicant) { ["antragsteller.vorname"] = "Zülfiye-Walk", ["antragsteller.nachname"] = "Ostermann-Walk" };

    private enum Stop
    {
        FirstPage,
        Household,
        Never,
    }

    /// <summary>One citizen: the first page with errors then right, the household page with an error then right, the overview, the submission.</summary>
    private async Task<Guid> WalkAsync(Stop stop)
    {
        var client = portal.Browse();
        var first = await Journeys.FirstPageAsync(client, "haushalt");
        var draftId = Journeys.DraftId(first);
        if (stop == Stop.FirstPage) return draftId;
        var refused = await client.SubmitAsync(first, "/senden", button: "next");
        refused.Path.ShouldEndWith("/seite/antragsteller");
        var household = await client.SubmitAsync(refused, "/senden", Applicant, "next");
        household.Path.ShouldEndWith("/seite/haushalt");
        var householdRefused = await client.SubmitAsync(household, "/senden", button: "next");
        householdRefused.Path.ShouldEndWith("/seite/haushalt");
        if (stop == Stop.Household) return draftId;
        var overview = await client.SubmitAsync(householdRefused, "/senden", new Dictionary<string, string?> { ["weiterePersonen"] = "false" }, "next");
        overview.Path.ShouldEndWith("/seite/uebersicht");
        var summary = await client.SubmitAsync(overview, "/senden", button: "next");
        summary.Path.ShouldEndWith("/zusammenfassung");
        var receipt = await client.SubmitAsync(summary, "/absenden", new Dictionary<string, string?> { ["wahrheit"] = "true" });
        receipt.Path.ShouldStartWith("/de/eingang/SP-");
        return draftId;
    }

    [Fact]
    public async Task Fourteen_parallel_walks_with_drop_outs_count_exactly_show_only_groups_of_five_and_store_nothing_personal()
    {
        _ = portal.Services; // the host starts once, before the parallel walks ask for it
        Stop[] walks = [.. Enumerable.Repeat(Stop.FirstPage, 3), .. Enumerable.Repeat(Stop.Household, 6), .. Enumerable.Repeat(Stop.Never, 5)];
        var draftIds = await Task.WhenAll(walks.Select(stop => Task.Run(() => WalkAsync(stop))));
        await portal.Services.GetRequiredService<UsageCounters>().FlushAsync();

        var figures = portal.Services.GetRequiredService<UsageFigureSource>();
        figures.MinimumGroupSize.ShouldBe(5);
        var report = (await figures.ForVersionAsync("haushalt", "1.0.0", ["antragsteller", "haushalt", "uebersicht"]))!;
        (report.Started, report.Submitted).ShouldBe(((long?)14, (long?)5));
        var pages = report.Pages.ToDictionary(p => p.PageId);
        (pages["antragsteller"].Reached, pages["antragsteller"].Passed, pages["antragsteller"].Stopped).ShouldBe(((long?)14, (long?)11, (long?)null)); // 3 stopped: fewer than 5
        (pages["haushalt"].Reached, pages["haushalt"].Passed, pages["haushalt"].Stopped).ShouldBe(((long?)11, (long?)5, (long?)6));
        (pages["uebersicht"].Reached, pages["uebersicht"].Passed, pages["uebersicht"].Stopped).ShouldBe(((long?)5, (long?)5, (long?)null));
        pages["antragsteller"].TopErrors.ShouldContain(new ErrorUsage("antragsteller.vorname", "required", 11));
        pages["haushalt"].TopErrors.ShouldBe([new ErrorUsage("weiterePersonen", "required", 11)]);
        pages["antragsteller"].MedianTime.ShouldNotBeNull();

        await using var context = portal.Services.GetRequiredService<OperationsDatabase>().CreateContext();
        var stored = string.Join("\n", (await context.UsageCounters.AsNoTracking().ToListAsync())
            .Select(r => $"{r.Day}|{r.FormId}|{r.FormVersion}|{r.PageId}|{r.Kind}|{r.Detail}|{r.Count}"));
        string[] personal = ["Zülfiye", "Ostermann", "12.04.1985", "1985-04-12", "ledig", "12345", "Teststadt", "127.0.0.1", "SP-", .. draftIds.Select(d => d.ToString()), .. draftIds.Select(d => d.ToString("N"))];
        personal.Where(p => stored.Contains(p, StringComparison.OrdinalIgnoreCase)).ShouldBeEmpty(stored);
    }

    [Fact]
    public async Task A_form_version_started_fewer_times_than_the_minimum_group_size_shows_nothing()
    {
        var counters = portal.Services.GetRequiredService<UsageCounters>();
        counters.Record("selten", "1.0.0", "", UsageKinds.Started, count: 4);
        counters.Record("selten", "1.0.0", "seite", UsageKinds.Reached, count: 4);
        await counters.FlushAsync();

        var report = (await portal.Services.GetRequiredService<UsageFigureSource>().ForVersionAsync("selten", "1.0.0", ["seite"]))!;
        report.Withheld.ShouldBeTrue();
        report.Pages.ShouldBeEmpty();
    }

    /// <summary>The test portal (sample catalog, test tenant with postal code 12345) with a minimum group size of 5.</summary>
    public sealed class CountingPortal : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Sozialplattform:UsageFigures:MinimumGroupSize", "5");
        }
    }
}
