using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NodaTime;
using OtpNet;
using Sozialplattform.Appointments.Booking;
using Sozialplattform.Appointments.Domain;
using Sozialplattform.Appointments.Slots;
using Sozialplattform.Appointments.Storage;
using Sozialplattform.Browser.Tests.Infrastructure;
using Sozialplattform.Centres.Accounts;
using Sozialplattform.Centres.Records;
using Sozialplattform.Centres.Storage;
using Sozialplattform.Storage.Notifications;

namespace Sozialplattform.Browser.Tests;

/// <summary>
/// The whole booking in Chromium: a seeker finds the centre in the finder, books, confirms through the link of the
/// e-mail, moves and cancels; a counsellor signed in to the back office sees the appointment in the agenda and sees it
/// go when cancelled; axe on the back office's pages.
/// </summary>
[Collection(nameof(BrowserFixture))]
public sealed class AppointmentJourneyInBrowserTests(BrowserFixture browser)
{
    private const string Password = "Browser-Termine-2026";

    [SkippableFact]
    public async Task A_seeker_books_from_the_finder_confirms_by_mail_moves_and_cancels_and_the_counsellor_sees_it_in_the_agenda()
    {
        var (centreId, name, login) = await CentreAsync();
        var seeker = await browser.NewPageAsync();
        var email = $"journey-{centreId:N}@example.org";

        await seeker.GotoAsync("/de/beratungsstellen?thema=suchtberatung");
        await seeker.Locator(".centre-list__item", new() { HasText = name }).GetByRole(AriaRole.Link, new() { Name = "Termin vereinbaren" }).ClickAsync();
        await seeker.Locator(".appointment-types a").First.ClickAsync();
        await seeker.Locator(".slot-list a").First.ClickAsync();
        await seeker.Locator("#name").FillAsync("Kim");
        await seeker.Locator("#email").FillAsync(email);
        await seeker.Locator("main button[type=submit]").ClickAsync();
        await Assertions.Expect(seeker.Locator("h1")).ToHaveTextAsync("Bitte bestätigen Sie Ihren Termin");

        await seeker.GotoAsync(await ConfirmLinkAsync(email));
        await seeker.GetByRole(AriaRole.Button, new() { Name = "Termin bestätigen" }).ClickAsync();
        await Assertions.Expect(seeker.Locator("h1")).ToHaveTextAsync("Ihr Termin ist gebucht");
        await seeker.Locator("a[href*='/termine/buchung/']:not([download])").ClickAsync();
        await seeker.Locator("input[name=slot]").First.CheckAsync();
        await seeker.Locator("form:has(input[name=slot]) button[type=submit]").ClickAsync();
        await Assertions.Expect(seeker.Locator("main")).ToContainTextAsync("Ihr Termin ist verschoben.");

        var start = await StartAsync(seeker.Url);
        var agenda = $"/beratungsstellen-verwaltung/de/termine/{centreId}?tag={start.InZone(SlotEngine.Berlin).Date:yyyy-MM-dd}";
        var counsellor = await browser.NewPageAsync();
        await SignInAsync(counsellor, login);
        await counsellor.GotoAsync(agenda);
        await Assertions.Expect(counsellor.Locator(".agenda__item")).ToContainTextAsync($"{start.InZone(SlotEngine.Berlin):HH:mm}");
        await Assertions.Expect(counsellor.Locator(".agenda__name")).ToHaveTextAsync("Kim");
        var violations = new List<string>();
        foreach (var (lang, part) in new[] { ("de", ""), ("ar", ""), ("de", "/buchen"), ("de", "/kalender"), ("de", "/einstellungen"), ("de", "/einstellungen/arten/neu"), ("de", "/einstellungen/berater/neu") })
        {
            await counsellor.GotoAsync($"/beratungsstellen-verwaltung/{lang}/termine/{centreId}{part}");
            await Axe.CheckAsync(counsellor, violations, $"office-{lang}{part.Replace('/', '-')}");
        }

        await counsellor.GotoAsync(agenda);
        await counsellor.Locator(".agenda__item a").ClickAsync();
        await Axe.CheckAsync(counsellor, violations, "office-booking-de");
        violations.ShouldBeEmpty();

        await seeker.Locator("button.button--warning").ClickAsync();
        await Assertions.Expect(seeker.Locator("main")).ToContainTextAsync("Ihr Termin ist abgesagt.");
        await counsellor.GotoAsync(agenda);
        await Assertions.Expect(counsellor.Locator(".agenda__name")).ToHaveCountAsync(0);
    }

    private async Task<string> ConfirmLinkAsync(string email)
    {
        var services = browser.Portal.Services;
        var queue = services.GetRequiredService<MailQueue>();
        var hold = (await services.GetRequiredService<NotificationStore>().ListAsync())
            .Where(r => r.Purpose == "appointment.hold" && r.MailCipher is not null).Select(queue.Read).Single(m => m.To == email);
        return Regex.Match(hold.TextBody, "(/de/termine/bestaetigen/\\S+)").Groups[1].Value;
    }

    private async Task<Instant> StartAsync(string manageUrl)
    {
        var match = Regex.Match(manageUrl, "/termine/buchung/([0-9a-f-]{36})\\?t=([^&]+)");
        var key = new BookingKey.Token(Guid.Parse(match.Groups[1].Value), Uri.UnescapeDataString(match.Groups[2].Value));
        return (await browser.Portal.Services.GetRequiredService<BookingStore>().FindAsync(key))!.Start;
    }

    private static async Task SignInAsync(IPage page, string login)
    {
        await page.GotoAsync("/beratungsstellen-verwaltung/de/anmelden");
        await page.Locator("#login").FillAsync(login);
        await page.Locator("#password").FillAsync(Password);
        await page.Locator("main form button").ClickAsync();
        var secret = await page.Locator("#totp-secret").GetAttributeAsync("data-secret");
        await page.Locator("#code").FillAsync(new Totp(Base32Encoding.ToBytes(secret!)).ComputeTotp(DateTime.UtcNow));
        await page.Locator("main form button").ClickAsync();
        await Assertions.Expect(page.Locator(".recovery-codes code")).ToHaveCountAsync(10);
    }

    /// <summary>A centre of its own whose counsellor is free every day 07:00–21:00 (no notice), and a staff account of it.</summary>
    private async Task<(Guid Centre, string Name, string Login)> CentreAsync()
    {
        var services = browser.Portal.Services;
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var name = "Suchtberatung Reiseweg " + suffix;
        var (_, centreId) = await services.GetRequiredService<CentreStore>().ImportAsync("test", new CentreRecord
        {
            ExternalId = "termine-" + suffix,
            Carrier = new Carrier("termine-traeger", "Termine-Träger e. V."),
            Name = Texts.De(name),
            Address = new Address("Reiseweg 2", "50667", "Köln") { Latitude = 50.9387, Longitude = 6.9547 },
            Offers = [new Offer("suchtberatung", new Catchment { PostalCodes = ["50667"] })],
        }, "test");
        var setup = services.GetRequiredService<AppointmentSetup>();
        (await setup.SaveOwnerAsync(centreId, "test", "Beratung Reiseweg", "05")).ShouldBeEmpty();
        var counsellor = new Counsellor
        {
            Id = Guid.NewGuid(), CentreId = centreId, DisplayName = "Anna",
            Weekly = [.. Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None).Select(d => new WeeklyWindow(d, new LocalTime(7, 0), new LocalTime(21, 0)))],
        };
        (await setup.SaveCounsellorAsync(counsellor)).ShouldBeEmpty();
        (await setup.SaveTypeAsync(new AppointmentType
        {
            Id = Guid.NewGuid(), CentreId = centreId, Counsellors = [counsellor.Id], Title = new Dictionary<string, string> { ["de"] = "Erstgespräch" },
            Length = Duration.FromMinutes(50), MinimumNotice = Duration.Zero, HorizonDays = 14,
        })).ShouldBeEmpty();
        (await services.GetRequiredService<CentreAccounts>().CreateAsync("test", "termine-" + suffix, "Anna Termine", Password, null, ["termine-" + suffix])).Problem.ShouldBe(AccountProblem.None);
        return (centreId, name, "termine-" + suffix);
    }
}
