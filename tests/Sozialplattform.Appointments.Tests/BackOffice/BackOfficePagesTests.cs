using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Sozialplattform.Appointments.Storage;
using Sozialplattform.Appointments.Tests.Infrastructure;
using Sozialplattform.Appointments.Web.BackOffice;
using static Sozialplattform.Appointments.Tests.Infrastructure.TestSchedules;

namespace Sozialplattform.Appointments.Tests.BackOffice;

/// <summary>
/// The back office over real HTTP, signed in through the centres' login with its second factor: the agenda per centre
/// and counsellor, booking for a caller, move and cancel with a message the seeker gets by mail, "nicht erschienen",
/// the counsellors' calendar feeds. One host for the class; each test works on its own day.
/// </summary>
public sealed class BackOfficePagesTests(AppointmentsPortal portal) : IClassFixture<AppointmentsPortal>
{
    [Fact]
    public async Task Staff_see_the_day_and_week_agenda_of_their_centre_and_of_one_counsellor_linked_from_their_start_page()
    {
        var client = await portal.StaffAsync("agenda@traeger");
        await portal.BookedAsync(At(2026, 12, 8, 9), Anna, "Kim");
        await portal.BookedAsync(At(2026, 12, 8, 10), Ben, "Lou");

        var home = await client.GetAsync("/beratungsstellen-verwaltung/de");
        home.Document.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ShouldContain(BackOfficeRoutes.Agenda("de", portal.CentreId));
        var day = await client.GetAsync(portal.Agenda(new LocalDate(2026, 12, 8)));
        day.Status.ShouldBe(HttpStatusCode.OK);
        day.Document.QuerySelectorAll(".agenda__item").Select(li => Squash(li.TextContent)).ShouldBe(
            ["09:00–09:50 · Erstgespräch · Anna · Kim", "10:00–10:50 · Erstgespräch · Ben · Lou"]);
        var anna = await client.GetAsync(portal.Agenda(new LocalDate(2026, 12, 8), counsellor: Anna));
        anna.Document.QuerySelectorAll(".agenda__name").Select(n => n.TextContent).ShouldBe(["Kim"]);
        var week = await client.GetAsync(portal.Agenda(new LocalDate(2026, 12, 10), week: true));
        week.Document.QuerySelectorAll(".agenda-day h2").Select(h => h.TextContent).ShouldBe(
            ["Montag, 07.12.2026", "Dienstag, 08.12.2026", "Mittwoch, 09.12.2026", "Donnerstag, 10.12.2026", "Freitag, 11.12.2026", "Samstag, 12.12.2026", "Sonntag, 13.12.2026"]);
        week.Document.QuerySelectorAll(".agenda__name").Select(n => n.TextContent).ShouldContain("Lou");
    }

    [Fact]
    public async Task Booking_for_a_caller_books_at_once_shows_the_code_to_read_out_and_mails_the_confirmation()
    {
        var client = await portal.StaffAsync("anruf@traeger");
        var types = await client.GetAsync(BackOfficeRoutes.PhoneBooking("de", portal.CentreId));
        var links = types.Document.QuerySelectorAll("main li a").Where(a => a.TextContent == "Erstgespräch").ToList();
        links.ShouldHaveSingleItem(types.Html);
        var slots = await client.GetAsync(links[0].GetAttribute("href")!);
        var wednesdayNine = slots.Document.QuerySelectorAll("input[name=termin]").Select(i => i.GetAttribute("value")!).First(v => v.EndsWith("2026-12-09T08:00:00Z", StringComparison.Ordinal));

        var booked = await client.SubmitAsync(slots, "/buchen", new Dictionary<string, string?> { ["termin"] = wednesdayNine, ["name"] = "Anrufer Ali", ["email"] = "ali@example.org" });

        booked.Status.ShouldBe(HttpStatusCode.OK);
        booked.Text("h1").ShouldBe("Termin gebucht");
        booked.Text(".booking-code").Length.ShouldBe(11);
        var mails = (await portal.MailsAsync()).Where(m => m.Mail.To == "ali@example.org").ToList();
        mails.Select(m => m.Row.Purpose).ShouldBe(["appointment.confirmed", "appointment.reminder"]); // booked at once: no confirmation link to follow
        mails[0].Mail.Subject.ShouldBe("Termin bei Beratung Mitte");
        (await client.GetAsync(portal.Agenda(new LocalDate(2026, 12, 9)))).Document.QuerySelectorAll(".agenda__name").Select(n => n.TextContent).ShouldContain("Anrufer Ali");
        var again = await client.SubmitAsync(slots, "/buchen", new Dictionary<string, string?> { ["termin"] = wednesdayNine, ["name"] = "Zweite Person" });
        again.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        again.Text(".error-summary__title").ShouldBe("Dieser Termin wurde gerade von jemand anderem gebucht.");
        var noSlot = await client.SubmitAsync(slots, "/buchen", new Dictionary<string, string?> { ["termin"] = null, ["name"] = "Ohne Termin" });
        noSlot.Text(".error-summary__title").ShouldBe("Bitte wählen Sie einen Termin.");
        (await client.GetAsync(portal.Agenda(new LocalDate(2026, 12, 9)))).Document.QuerySelectorAll(".agenda__name").Select(n => n.TextContent).ShouldNotContain("Zweite Person");
    }

    [Fact]
    public async Task Moving_and_cancelling_send_the_staff_message_and_the_calendar_update_to_the_seeker()
    {
        var client = await portal.StaffAsync("verschieben@traeger");
        var booked = await portal.BookedAsync(At(2026, 12, 10, 9), Anna, "Mo", "mo@example.org");
        var page = await client.GetAsync(portal.Booking(booked.BookingId));
        var elevenWithBen = page.Document.QuerySelectorAll("input[name=termin]").Select(i => i.GetAttribute("value")!).First(v => v.StartsWith(Ben.ToString(), StringComparison.Ordinal) && v.EndsWith("2026-12-10T10:00:00Z", StringComparison.Ordinal));

        var moved = await client.SubmitAsync(page, "/verschieben", new Dictionary<string, string?> { ["termin"] = elevenWithBen, ["nachricht"] = "Frau A. ist krank; Herr B. übernimmt." });

        moved.Text(".notice").ShouldStartWith("Der Termin wurde verschoben");
        moved.Document.QuerySelectorAll(".agenda__item").Select(li => Squash(li.TextContent)).ShouldContain("11:00–11:50 · Erstgespräch · Ben · Mo");
        var cancelled = await client.SubmitAsync(await client.GetAsync(portal.Booking(booked.BookingId)), "/absagen", new Dictionary<string, string?> { ["nachricht"] = "Die Stelle ist an dem Tag geschlossen." });
        cancelled.Text(".notice").ShouldStartWith("Der Termin wurde abgesagt");
        cancelled.Document.QuerySelectorAll(".agenda__name").Select(n => n.TextContent).ShouldNotContain("Mo");

        var mails = (await portal.MailsAsync()).Where(m => m.Mail.To == "mo@example.org" && m.Row.Purpose != "appointment.reminder").ToList();
        mails.Select(m => m.Row.Purpose).ShouldBe(["appointment.changed", "appointment.cancelled"]);
        mails[0].Mail.TextBody.ShouldContain("Frau A. ist krank; Herr B. übernimmt.");
        mails[1].Mail.TextBody.ShouldContain("Die Stelle ist an dem Tag geschlossen.");
        mails.Select(m => Ical.Net.Calendar.Load(Encoding.UTF8.GetString(m.Mail.Attachments!.Single().Content))!).Select(c => (c.Method, c.Events.Single().Sequence))
            .ShouldBe([("REQUEST", 1), ("CANCEL", 2)]);
    }

    [Fact]
    public async Task A_too_long_message_or_one_with_control_characters_is_refused_and_the_appointment_stays()
    {
        var client = await portal.StaffAsync("nachricht@traeger");
        var booked = await portal.BookedAsync(At(2026, 12, 11, 9), Anna, "Pat");
        var page = await client.GetAsync(portal.Booking(booked.BookingId));

        var tooLong = await client.SubmitAsync(page, "/absagen", new Dictionary<string, string?> { ["nachricht"] = new string('x', 1001) });
        var control = await client.SubmitAsync(page, "/absagen", new Dictionary<string, string?> { ["nachricht"] = "Hallo\u0007" });

        (tooLong.Status, tooLong.Text(".error-summary__title")).ShouldBe((HttpStatusCode.UnprocessableEntity, "Die Nachricht ist zu lang (höchstens 1000 Zeichen)."));
        (control.Status, control.Text(".error-summary__title")).ShouldBe((HttpStatusCode.UnprocessableEntity, "Die Nachricht enthält unzulässige Steuerzeichen."));
        (await StatusAsync(booked.BookingId)).ShouldBe(BookingStatus.Booked);
    }

    [Fact]
    public async Task Nicht_erschienen_can_be_marked_only_once_the_appointment_has_begun_and_can_be_taken_back()
    {
        var client = await portal.StaffAsync("erschienen@traeger");
        var booked = await portal.BookedAsync(At(2026, 12, 14, 9), Anna, "Sam");
        var page = await client.GetAsync(portal.Booking(booked.BookingId));

        var early = await client.SubmitAsync(page, "/nicht-erschienen");
        (early.Status, early.Text(".error-summary__title")).ShouldBe((HttpStatusCode.Conflict, "Ein Termin kann erst nach seinem Beginn als „nicht erschienen“ markiert werden."));

        var later = At(2026, 12, 14, 9, 30) - Instant.FromDateTimeOffset(portal.Clock.GetUtcNow());
        portal.Clock.Advance(later.ToTimeSpan());
        try
        {
            client = await portal.StaffAsync("erschienen-spaeter@traeger"); // a week later the first session has long ended
            var marked = await client.SubmitAsync(await client.GetAsync(portal.Booking(booked.BookingId)), "/nicht-erschienen");
            marked.Status.ShouldBe(HttpStatusCode.OK);
            marked.Text("dl").ShouldContain("nicht erschienen");
            (await client.GetAsync(portal.Agenda(new LocalDate(2026, 12, 14)))).Text(".agenda__no-show").ShouldContain("nicht erschienen");
            var undone = await client.SubmitAsync(marked, "/nicht-erschienen");
            undone.Text("dl").ShouldNotContain("nicht erschienen");
        }
        finally
        {
            portal.Clock.Advance(-later.ToTimeSpan());
        }
    }

    [Fact]
    public async Task A_counsellors_feed_lists_their_appointments_without_names_until_its_link_is_replaced_or_revoked()
    {
        var client = await portal.StaffAsync("kalender@traeger");
        await portal.BookedAsync(At(2026, 12, 15, 9), Ben, "Geheimer Name");
        var feeds = await client.GetAsync(BackOfficeRoutes.Feeds("de", portal.CentreId));

        var issued = await client.SubmitAsync(feeds, $"/kalender/{Ben}");

        var url = new Uri(issued.Text(".feed-url"));
        url.GetLeftPart(UriPartial.Authority).ShouldBe("https://portal.example.org");
        var feed = await portal.CreateClient().GetAsync(url.PathAndQuery);
        feed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await feed.Content.ReadAsStringAsync();
        text.ShouldNotContain("Geheimer Name");
        var calendar = Ical.Net.Calendar.Load(text)!;
        calendar.Events.Select(e => (e.Summary, e.DtStart!.AsUtc)).ShouldContain(("Termin: Erstgespräch", At(2026, 12, 15, 9).ToDateTimeUtc()));
        await using (var context = portal.Services.GetRequiredService<AppointmentsDatabase>().CreateContext())
            (await context.Counsellors.SingleAsync(c => c.Id == Ben)).FeedTokenHash.ShouldNotBe(url.Segments[^1].Replace(".ics", "", StringComparison.Ordinal)); // only its hash

        var replaced = await client.SubmitAsync(issued, $"/kalender/{Ben}");
        (await portal.CreateClient().GetAsync(url.PathAndQuery)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var second = new Uri(replaced.Text(".feed-url"));
        (await portal.CreateClient().GetAsync(second.PathAndQuery)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var revoked = await client.SubmitAsync(replaced, $"/kalender/{Ben}/widerrufen");
        revoked.Text(".notice").ShouldBe("Der Abo-Link wurde widerrufen.");
        (await portal.CreateClient().GetAsync(second.PathAndQuery)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await portal.CreateClient().GetAsync(BackOfficeRoutes.Feed(Anna, "erraten"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private async Task<BookingStatus> StatusAsync(Guid bookingId)
    {
        await using var context = portal.Services.GetRequiredService<AppointmentsDatabase>().CreateContext();
        return (await context.Bookings.SingleAsync(b => b.Id == bookingId)).Status;
    }

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
