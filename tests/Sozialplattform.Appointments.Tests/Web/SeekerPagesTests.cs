using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Sozialplattform.Appointments.Storage;
using Sozialplattform.Appointments.Tests.Infrastructure;
using Sozialplattform.Appointments.Web.Hosting;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Web.Tests.Infrastructure;
using static Sozialplattform.Appointments.Tests.Infrastructure.TestSchedules;

namespace Sozialplattform.Appointments.Tests.Web;

/// <summary>The seeker's pages over real HTTP, like a browser without JavaScript; each test books on its own day.</summary>
public sealed class SeekerPagesTests(AppointmentsPortal portal) : IClassFixture<AppointmentsPortal>
{
    private static readonly Regex CodePattern = new("[A-Z2-9]{5}-[A-Z2-9]{5}");

    private async Task<(PortalClient Client, AppointmentsPortal Portal)> BrowseAsync() => (portal.Browse(), await portal.ReadyAsync());

    private string Details(Instant start, Guid counsellor, string lang = "de") => AppointmentRoutes.Details(lang, portal.CentreId, portal.TypeId, start, counsellor);

    private static string ManageLink(PortalPage page) =>
        page.Document.QuerySelectorAll("a").Select(a => a.GetAttribute("href") ?? "").First(h => h.Contains("/termine/buchung/", StringComparison.Ordinal) && !h.Contains(".ics", StringComparison.Ordinal));

    [Fact]
    public async Task Without_email_a_seeker_goes_from_the_types_to_a_slot_and_is_booked_at_once_with_a_code_and_a_calendar_file()
    {
        var (client, _) = await BrowseAsync();

        var types = await client.GetAsync(AppointmentRoutes.Types("de", portal.CentreId));
        var slotsLink = types.Document.QuerySelector(".appointment-types a")!.GetAttribute("href")!;
        var slots = await client.GetAsync(slotsLink);
        slots.Document.QuerySelectorAll("h2").Select(h => h.TextContent).ShouldContain("Dienstag, 08.12.2026");
        var tuesdayNine = slots.Document.QuerySelectorAll(".slot-list a").First(a => a.GetAttribute("href")!.Contains(Uri.EscapeDataString("2026-12-08T08:00:00Z"), StringComparison.Ordinal));
        var details = await client.GetAsync(tuesdayNine.GetAttribute("href")!);
        details.Html.ShouldContain("Dienstag, 08.12.2026, 09:00 bis 09:50 Uhr");

        var booked = await client.SubmitFormAsync(details, "book", new Dictionary<string, string> { ["name"] = "Kim" });

        booked.Status.ShouldBe(HttpStatusCode.OK);
        booked.Text("h1").ShouldBe("Ihr Termin ist gebucht");
        CodePattern.IsMatch(booked.Text(".booking-code")).ShouldBeTrue();
        booked.Response.Headers.GetValues("Referrer-Policy").ShouldContain("no-referrer");
        var ics = booked.Document.QuerySelector("a[download]")!.GetAttribute("href")!;
        var calendar = Ical.Net.Calendar.Load(await client.Http.GetStringAsync(ics))!;
        calendar.Method.ShouldBe("REQUEST");
        calendar.Events.Single().Summary.ShouldBe("Termin bei Beratung Mitte");
        calendar.Events.Single().DtStart!.AsUtc.ShouldBe(At(2026, 12, 8, 9).ToDateTimeUtc());
        (await client.GetAsync(ManageLink(booked))).Text("dl").ShouldContain("Kim");
        var nowOffered = (await client.GetAsync(slotsLink)).Document.QuerySelectorAll(".slot-list a").Select(a => a.GetAttribute("href")!)
            .Where(h => h.Contains(Uri.EscapeDataString("2026-12-08T08:00:00Z"), StringComparison.Ordinal)).ToList();
        nowOffered.ShouldHaveSingleItem().ShouldNotContain(tuesdayNine.GetAttribute("href")!.Split("mit=")[1]); // round robin: the other counsellor is still free then
    }

    [Fact]
    public async Task With_email_the_slot_is_held_the_mailed_link_books_it_and_move_and_cancel_send_calendar_updates()
    {
        var (client, _) = await BrowseAsync();
        var details = await client.GetAsync(Details(At(2026, 12, 9, 10), Anna));

        var held = await client.SubmitFormAsync(details, "book", new Dictionary<string, string> { ["name"] = "Kim", ["email"] = "kim@example.org" });

        held.Text("h1").ShouldBe("Bitte bestätigen Sie Ihren Termin");
        var holdMail = (await portal.MailsAsync()).Single(m => m.Row.Purpose == "appointment.hold" && m.Mail.To == "kim@example.org").Mail;
        holdMail.Subject.ShouldBe("Termin bei Beratung Mitte – bitte bestätigen");
        var confirmLink = Regex.Match(holdMail.TextBody, "https://portal.example.org(/de/termine/bestaetigen/\\S+)").Groups[1].Value;
        var confirmPage = await client.GetAsync(confirmLink);
        confirmPage.Text("h1").ShouldBe("Termin bestätigen"); // a link scanner fetching the link books nothing

        var booked = await client.SubmitFormAsync(confirmPage, "confirm");

        booked.Text("h1").ShouldBe("Ihr Termin ist gebucht");
        var mails = await portal.MailsAsync();
        var confirmation = mails.Single(m => m.Row.Purpose == "appointment.confirmed" && m.Mail.To == "kim@example.org");
        confirmation.Mail.Subject.ShouldBe("Termin bei Beratung Mitte");
        var first = Ical.Net.Calendar.Load(Encoding.UTF8.GetString(confirmation.Mail.Attachments!.Single().Content))!;
        (first.Method, first.Events.Single().Sequence).ShouldBe(("REQUEST", 0));
        var reminder = mails.Single(m => m.Row.Purpose == "appointment.reminder" && m.Mail.To == "kim@example.org");
        reminder.Row.NextAttemptAt.ShouldBe(At(2026, 12, 8, 10).ToDateTimeUtc());

        var manage = await client.GetAsync(ManageLink(booked));
        var moved = await client.SubmitFormAsync(manage, "move", new Dictionary<string, string> { ["slot"] = $"{Anna}|2026-12-09T10:00:00Z" }); // 11:00 Berlin
        moved.Html.ShouldContain("Ihr Termin ist verschoben.");
        (await client.GetAsync(ManageLink(booked))).Status.ShouldBe(HttpStatusCode.Gone); // the old link was replaced

        var cancelled = await client.SubmitFormAsync(moved, "cancel");
        cancelled.Html.ShouldContain("Ihr Termin ist abgesagt.");

        mails = (await portal.MailsAsync()).Where(m => m.Mail.To == "kim@example.org").ToList();
        var calendars = mails.Where(m => m.Mail.Attachments is { Count: > 0 } && m.Row.Purpose != "appointment.reminder")
            .Select(m => Ical.Net.Calendar.Load(Encoding.UTF8.GetString(m.Mail.Attachments![0].Content))!).ToList();
        // the mail queue promises each mail once, not their order on the wire: calendar programs order by SEQUENCE
        calendars.Select(c => (c.Method, c.Events.Single().Sequence)).OrderBy(c => c.Sequence).ShouldBe([("REQUEST", 0), ("REQUEST", 1), ("CANCEL", 2)]);
        calendars.Select(c => c.Events.Single().Uid).Distinct().Count().ShouldBe(1);
        mails.Select(m => m.Mail.Subject).ShouldAllBe(s => s.StartsWith("Termin bei Beratung Mitte", StringComparison.Ordinal));
        calendars.ShouldAllBe(c => c.Events.Single().Summary == "Termin bei Beratung Mitte" && c.Events.Single().Location == null); // never the centre's name or address
        var bookingId = ManageLink(booked).Split('/')[4].Split('?')[0].Replace("-", "", StringComparison.Ordinal);
        var reminders = (await portal.Services.GetRequiredService<Sozialplattform.Storage.Notifications.NotificationStore>().ListAsync())
            .Where(r => r.Purpose == "appointment.reminder" && r.DeduplicationKey!.Contains(bookingId, StringComparison.Ordinal)).ToList();
        reminders.Count.ShouldBe(2);
        reminders.ShouldAllBe(r => r.Status == OutboxStatus.Cancelled); // moved, then cancelled: no reminder will go out
    }
}
