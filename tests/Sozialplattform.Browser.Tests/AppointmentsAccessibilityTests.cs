using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Sozialplattform.Appointments.Domain;
using Sozialplattform.Appointments.Keeping;
using Sozialplattform.Appointments.Storage;
using Sozialplattform.Browser.Tests.Infrastructure;
using Sozialplattform.Centres.Import;
using Sozialplattform.Centres.Records;
using Sozialplattform.Centres.Storage;

namespace Sozialplattform.Browser.Tests;

/// <summary>
/// axe-core (all rules) on the booking pages in German and Arabic: types, free slots, the details form (also with an
/// error), the booked page, the manage page, the look-up by code, and an authority's calendars at its stable address.
/// </summary>
[Collection(nameof(BrowserFixture))]
public sealed class AppointmentsAccessibilityTests(BrowserFixture browser)
{
    private static readonly SemaphoreSlim Once = new(1, 1);

    [SkippableTheory]
    [InlineData("de")]
    [InlineData("ar")]
    public async Task The_booking_pages_have_no_axe_violations(string lang)
    {
        var (centreId, typeId) = await CentreAsync();
        var page = await browser.NewPageAsync();
        var violations = new List<string>();
        async Task CheckAsync(string name) => await Axe.CheckAsync(page, violations, $"appointments-{lang}-{name}");

        await page.GotoAsync($"/{lang}/termine/{centreId}");
        await CheckAsync("types");
        await page.GotoAsync($"/{lang}/termine/{centreId}/{typeId}");
        await CheckAsync("slots");
        await page.ClickAsync(".slot-list a");
        await CheckAsync("details");
        await page.FillAsync("#name", "Kim");
        await page.FillAsync("#email", "kim@");
        await page.ClickAsync("button[type=submit]");
        await CheckAsync("details-error");
        await page.FillAsync("#email", "");
        await page.ClickAsync("button[type=submit]");
        await CheckAsync("booked");
        await page.ClickAsync("a[href*='/termine/buchung/']:not([download])");
        await CheckAsync("manage");
        await page.GotoAsync($"/{lang}/termine/verwalten");
        await CheckAsync("by-code");
        var authorityCalendar = await AuthorityCalendarAsync();
        await page.GotoAsync($"/{lang}/termine/behoerde/{Authority}");
        await CheckAsync("authority");
        await page.GotoAsync($"/{lang}/termine/{authorityCalendar}");
        await CheckAsync("authority-types");

        violations.ShouldBeEmpty();
    }

    private const string Authority = "sozialamt-test";
    private static Guid? _authorityCalendar;

    /// <summary>A calendar of the test tenant's Sozialamt (as a lead makes it in the inbox) with one type, reached by citizens at its stable address.</summary>
    private async Task<Guid> AuthorityCalendarAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (_authorityCalendar is { } known) return known;
            var services = browser.Portal.Services;
            var (id, errors) = await services.GetRequiredService<CalendarDirectory>().CreateAuthorityCalendarAsync("test", Authority, "Sozialamt Sprechstunde", "05");
            errors.ShouldBeEmpty();
            var setup = services.GetRequiredService<AppointmentSetup>();
            var counsellor = new Counsellor
            {
                Id = Guid.NewGuid(), CentreId = id!.Value, DisplayName = "Clara",
                Weekly = [.. Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None).Select(d => new WeeklyWindow(d, new LocalTime(7, 0), new LocalTime(21, 0)))],
            };
            (await setup.SaveCounsellorAsync(counsellor)).ShouldBeEmpty();
            (await setup.SaveTypeAsync(new AppointmentType
            {
                Id = Guid.NewGuid(), CentreId = id.Value, Counsellors = [counsellor.Id],
                Title = new Dictionary<string, string> { ["de"] = "Sprechstunde", ["ar"] = "ساعة الاستشارة" },
                Length = Duration.FromMinutes(30), MinimumNotice = Duration.Zero, HorizonDays = 14,
            })).ShouldBeEmpty();
            return (_authorityCalendar = id).Value;
        }
        finally
        {
            Once.Release();
        }
    }

    /// <summary>A centre whose counsellor is free every day 07:00–21:00, so slots exist whenever the test runs.</summary>
    private async Task<(Guid Centre, Guid Type)> CentreAsync()
    {
        await Once.WaitAsync();
        try
        {
            var services = browser.Portal.Services;
            var store = services.GetRequiredService<CentreStore>();
            var typeId = Guid.Parse("0e0e0e0e-0000-0000-0000-00000000a11e");
            if ((await store.AllAsync("test")).FirstOrDefault(c => c.ExternalId == "axe-termine") is { } existing) return (existing.Id, typeId);
            var record = new CentreRecord
            {
                ExternalId = "axe-termine",
                Carrier = new Carrier("traeger", "Beispiel-Träger e. V."),
                Name = new Texts([new("de", "Suchtberatung Teststadt"), new("ar", "استشارات الإدمان")]),
                Address = new Address("Musterstraße 2", "50667", "Köln") { Latitude = 50.9387, Longitude = 6.9547 },
                Offers = [new Offer("suchtberatung", new Catchment { PostalCodes = ["50667"] })],
                Example = true,
            };
            var report = await services.GetRequiredService<CentreImporter>().ImportAsync("test", [new FileEntry(1, record, [])], "test", dryRun: false);
            report.Single().Outcome.ShouldBe(LineOutcome.Created, report.Single().ToString());
            var centreId = (await store.AllAsync("test")).Single(c => c.ExternalId == "axe-termine").Id;

            var setup = services.GetRequiredService<AppointmentSetup>();
            (await setup.SaveOwnerAsync(centreId, "test", "Beratung Mitte", "05")).ShouldBeEmpty();
            var counsellor = new Counsellor
            {
                Id = Guid.Parse("0e0e0e0e-0000-0000-0000-00000000c011"), CentreId = centreId, DisplayName = "Anna",
                Weekly = [.. Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None).Select(d => new WeeklyWindow(d, new LocalTime(7, 0), new LocalTime(21, 0)))],
            };
            (await setup.SaveCounsellorAsync(counsellor)).ShouldBeEmpty();
            (await setup.SaveTypeAsync(new AppointmentType
            {
                Id = typeId, CentreId = centreId, Counsellors = [counsellor.Id],
                Title = new Dictionary<string, string> { ["de"] = "Erstgespräch", ["ar"] = "اللقاء الأول" },
                Length = Duration.FromMinutes(50), MinimumNotice = Duration.Zero, HorizonDays = 14,
            })).ShouldBeEmpty();
            return (centreId, typeId);
        }
        finally
        {
            Once.Release();
        }
    }
}
