using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Sozialplattform.Browser.Tests.Infrastructure;
using Sozialplattform.Centres.Import;
using Sozialplattform.Centres.Records;
using Sozialplattform.Centres.Storage;

namespace Sozialplattform.Browser.Tests;

/// <summary>axe-core (all rules) on the Beratungsstellenfinder: search form, results, no result, unknown place and a centre's page, in German and Arabic.</summary>
[Collection(nameof(BrowserFixture))]
public sealed class CentresAccessibilityTests(BrowserFixture browser)
{
    private static readonly SemaphoreSlim Once = new(1, 1);

    [SkippableTheory]
    [InlineData("de")]
    [InlineData("ar")]
    public async Task The_finder_pages_have_no_axe_violations(string lang)
    {
        var id = await CentreAsync();
        var page = await browser.NewPageAsync();
        var violations = new List<string>();
        foreach (var url in new[]
                 {
                     $"/{lang}/beratungsstellen", $"/{lang}/beratungsstellen?thema=schuldnerberatung", $"/{lang}/beratungsstellen?thema=wohnungsnotfallhilfe",
                     $"/{lang}/beratungsstellen?ort=99999", $"/{lang}/beratungsstellen?thema=schuldnerberatung&sprache=tr&stufenlos=1", $"/{lang}/beratungsstellen/{id}",
                 })
        {
            await page.GotoAsync(url);
            await Axe.CheckAsync(page, violations, $"centres-{lang}-{url.Split('/').Last()}");
        }

        violations.ShouldBeEmpty();
    }

    /// <summary>Two centres in the test tenant (with positions: the browser host has no postal-code data).</summary>
    private async Task<Guid> CentreAsync()
    {
        await Once.WaitAsync();
        try
        {
            var services = browser.Portal.Services;
            var store = services.GetRequiredService<CentreStore>();
            if ((await store.AllAsync("test")).FirstOrDefault(c => c.ExternalId == "axe-1") is { } existing) return existing.Id;
            var record = new CentreRecord
            {
                ExternalId = "axe-1",
                Carrier = new Carrier("traeger", "Beispiel-Träger e. V."),
                Name = new Texts([new("de", "Schuldnerberatung Teststadt"), new("ar", "استشارات الديون")]),
                Summary = Texts.De("Kostenlose Beratung bei Schulden."),
                Address = new Address("Musterstraße 1", "50667", "Köln") { Latitude = 50.9387, Longitude = 6.9547 },
                Phone = "+49 221 123456", Email = "beratung@example.org", Website = "https://beratung.example.org",
                OpeningHours = new OpeningHours
                {
                    Weekly = [new WeeklyHours(IsoDayOfWeek.Monday, new LocalTime(9, 0), new LocalTime(12, 0)), new WeeklyHours(IsoDayOfWeek.Thursday, new LocalTime(14, 0), LocalTime.Midnight)],
                    Exceptions = [new HoursException(new LocalDate(2099, 12, 24)) { Note = Texts.De("Heiligabend") }],
                },
                Accessibility = new Accessibility { StepFree = true, EasyLanguage = true },
                Languages = ["de", "tr", "ar"],
                Ways = [CounsellingWay.OnSite, CounsellingWay.Phone, CounsellingWay.Video],
                Costs = Texts.De("kostenlos"),
                TargetGroups = new TargetGroups { MinAge = 18, Relatives = true },
                Offers = [new Offer("schuldnerberatung", new Catchment { PostalCodes = ["50667", "50600-50999"] }), new Offer("insolvenzberatung", new Catchment { Online = true })],
                Example = true,
            };
            var report = await services.GetRequiredService<CentreImporter>().ImportAsync("test", [new FileEntry(1, record, [])], "test", dryRun: false);
            report.Single().Outcome.ShouldBe(LineOutcome.Created, report.Single().ToString());
            return (await store.AllAsync("test")).Single(c => c.ExternalId == "axe-1").Id;
        }
        finally
        {
            Once.Release();
        }
    }
}
