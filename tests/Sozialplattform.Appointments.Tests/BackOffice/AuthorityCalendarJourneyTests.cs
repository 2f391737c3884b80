using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using NodaTime;
using Sozialplattform.Appointments.Tests.Infrastructure;
using Sozialplattform.Appointments.Web.Hosting;
using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Web.Inbox.Notifications;
using Sozialplattform.Web.Tests.Infrastructure;
using static Sozialplattform.Appointments.Tests.Infrastructure.TestSchedules;

namespace Sozialplattform.Appointments.Tests.BackOffice;

/// <summary>A host with a real SMTP server for the authority journeys; one for the class.</summary>
public sealed class AuthorityHost : IAsyncLifetime
{
    public SmtpTestServer Smtp { get; private set; } = null!;

    public AppointmentsPortal Portal { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var port = FreePort.Next();
        Smtp = await SmtpTestServer.StartAsync(port);
        Portal = AppointmentsPortal.WithSmtp(port);
        await Portal.ReadyAsync();
    }

    /// <summary>Sends every due mail of the queue and returns what the SMTP server received for <paramref name="to"/>.</summary>
    public async Task<IReadOnlyList<MimeMessage>> ReceivedAsync(string to)
    {
        var dispatcher = Portal.Services.GetRequiredService<NotificationDispatcher>();
        while (await dispatcher.RunOnceAsync() > 0) { }
        return Smtp.Received().Where(m => m.To.Mailboxes.Any(b => b.Address == to)).ToList();
    }

    public async Task DisposeAsync()
    {
        Portal.Dispose();
        await Smtp.DisposeAsync();
    }
}

/// <summary>
/// An authority's calendar through its journeys: a lead makes it in the inbox, caseworkers book for a caller, move and
/// cancel in the back office mounted under the inbox, and a citizen books from the authority's stable address — every
/// mail at the real SMTP server, with its calendar file, saying only "Termin bei" the calendar's neutral name.
/// </summary>
public sealed class AuthorityCalendarJourneyTests(AuthorityHost host) : IClassFixture<AuthorityHost>
{
    private AppointmentsPortal Portal => host.Portal;

    [Fact]
    public async Task A_lead_makes_a_calendar_in_the_inbox_and_the_authority_books_moves_and_cancels_through_its_back_office()
    {
        var lead = await Portal.CaseworkerAsync("leitung-termine", role: CaseworkerRole.Lead);
        var list = await lead.GetAsync("/posteingang/termine/de");
        list.Status.ShouldBe(HttpStatusCode.OK);
        list.Text(".breadcrumbs").ShouldBe("Sozialamt Teststadt");

        var setup = await lead.SubmitAsync(list, "/posteingang/termine/de", new Dictionary<string, string?> { ["neutralName"] = "Sozialamt Beratungszeit", ["state"] = Nrw });

        setup.Status.ShouldBe(HttpStatusCode.OK);
        setup.Path.ShouldEndWith("/einstellungen");
        setup.Text(".breadcrumbs").ShouldContain("Sozialamt Teststadt – Sozialamt Beratungszeit");
        var root = setup.Path[..^"/einstellungen".Length];
        root.ShouldStartWith("/posteingang/termine/de/");
        var counsellorForm = await lead.GetAsync($"{root}/einstellungen/berater/neu");
        (await lead.SubmitAsync(counsellorForm, "/berater/neu", new Dictionary<string, string?> { ["displayName"] = "Herr Demir", ["weekly"] = "Di 09:00-12:00" })).Status.ShouldBe(HttpStatusCode.OK);
        var typeForm = await lead.GetAsync($"{root}/einstellungen/arten/neu");
        var counsellor = typeForm.Document.QuerySelectorAll("input[name=counsellors]").Single().GetAttribute("value")!;
        (await lead.SubmitAsync(typeForm, "/arten/neu", new Dictionary<string, string?> { ["title.de"] = "Beratung Wohngeld", ["counsellors"] = counsellor, ["minimumNotice"] = "60" }))
            .Status.ShouldBe(HttpStatusCode.OK);

        var caseworker = await Portal.CaseworkerAsync("sachbearbeitung-termine");
        var types = await caseworker.GetAsync($"{root}/buchen");
        var slots = await caseworker.GetAsync(types.Document.QuerySelectorAll("main li a").Single(a => a.TextContent == "Beratung Wohngeld").GetAttribute("href")!);
        var tuesdayNine = slots.Document.QuerySelectorAll("input[name=termin]").Select(i => i.GetAttribute("value")!).First(v => v.EndsWith("2026-12-08T08:00:00Z", StringComparison.Ordinal));
        var booked = await caseworker.SubmitAsync(slots, "/buchen", new Dictionary<string, string?> { ["termin"] = tuesdayNine, ["name"] = "Frau Yilmaz", ["email"] = "yilmaz@example.org" });
        booked.Text("h1").ShouldBe("Termin gebucht");

        var agenda = await caseworker.GetAsync($"{root}?tag=2026-12-08");
        agenda.Document.QuerySelectorAll(".agenda__name").Select(n => n.TextContent).ShouldBe(["Frau Yilmaz"]);
        var booking = await caseworker.GetAsync(agenda.Document.QuerySelector(".agenda__item a")!.GetAttribute("href")!);
        var ten = booking.Document.QuerySelectorAll("input[name=termin]").Select(i => i.GetAttribute("value")!).First(v => v.EndsWith("2026-12-08T09:00:00Z", StringComparison.Ordinal));
        var moved = await caseworker.SubmitAsync(booking, "/verschieben", new Dictionary<string, string?> { ["termin"] = ten, ["nachricht"] = "Bitte eine Stunde später." });
        moved.Text(".notice").ShouldStartWith("Der Termin wurde verschoben");
        var cancelled = await caseworker.SubmitAsync(await caseworker.GetAsync(booking.Path), "/absagen", new Dictionary<string, string?> { ["nachricht"] = "Das Amt ist geschlossen." });
        cancelled.Text(".notice").ShouldStartWith("Der Termin wurde abgesagt");
        cancelled.Document.QuerySelectorAll(".agenda__name").ShouldBeEmpty();

        var mails = await host.ReceivedAsync("yilmaz@example.org");
        mails.Select(m => m.Subject ?? "").ShouldAllBe(s => s.StartsWith("Termin bei Sozialamt Beratungszeit", StringComparison.Ordinal));
        var calendars = mails.Select(CalendarOf).ToList();
        // the mail queue promises each mail once, not their order on the wire: calendar programs order by SEQUENCE
        calendars.Select(c => (c.Method, c.Events.Single().Sequence)).OrderBy(c => c.Sequence).ShouldBe([("REQUEST", 0), ("REQUEST", 1), ("CANCEL", 2)]);
        calendars.Select(c => c.Events.Single().Uid).Distinct().Count().ShouldBe(1);
        calendars.ShouldAllBe(c => c.Events.Single().Summary == "Termin bei Sozialamt Beratungszeit");
        (mails[0].TextBody ?? "").ShouldContain("Rathausplatz 1, 12345 Teststadt"); // on site: the authority's address from authorities.json
        (mails[1].TextBody ?? "").ShouldContain("Bitte eine Stunde später.");
        (mails[2].TextBody ?? "").ShouldContain("Das Amt ist geschlossen.");
    }

    [Fact]
    public async Task A_citizen_finds_the_authoritys_calendar_at_its_stable_address_and_books_with_the_mailed_link()
    {
        var calendar = await Portal.AuthorityCalendarAsync(neutralName: "Sozialamt Sprechstunde");
        var client = Portal.Browse();

        var authority = await client.GetAsync(AppointmentRoutes.Authority("de", AuthorityCalendars.Sozialamt));
        authority.Text(".lead").ShouldBe("Sozialamt Teststadt");
        var types = await client.GetAsync(authority.Document.QuerySelectorAll(".appointment-types a").Single(a => a.TextContent == "Sozialamt Sprechstunde").GetAttribute("href")!);
        types.Text(".lead").ShouldBe("Sozialamt Teststadt"); // the seeker's page names the authority
        types.Document.QuerySelectorAll("a").Select(a => a.GetAttribute("href") ?? "").ShouldNotContain(h => h.Contains("/beratungsstellen/", StringComparison.Ordinal));
        var details = await client.GetAsync(AppointmentRoutes.Details("de", calendar.Id, calendar.TypeId, At(2026, 12, 9, 10), calendar.CounsellorId));
        var held = await client.SubmitFormAsync(details, "book", new Dictionary<string, string> { ["name"] = "Herr Novak", ["email"] = "novak@example.org" });
        held.Text("h1").ShouldBe("Bitte bestätigen Sie Ihren Termin");

        var hold = (await host.ReceivedAsync("novak@example.org")).Single();
        hold.Subject.ShouldBe("Termin bei Sozialamt Sprechstunde – bitte bestätigen");
        var confirm = await client.GetAsync(Regex.Match(hold.TextBody ?? "", "https://portal.example.org(/de/termine/bestaetigen/\\S+)").Groups[1].Value);
        (await client.SubmitFormAsync(confirm, "confirm")).Text("h1").ShouldBe("Ihr Termin ist gebucht");

        var confirmation = (await host.ReceivedAsync("novak@example.org")).Last();
        confirmation.Subject.ShouldBe("Termin bei Sozialamt Sprechstunde");
        var file = CalendarOf(confirmation);
        (file.Method, file.Events.Single().Sequence, file.Events.Single().Summary).ShouldBe(("REQUEST", 0, "Termin bei Sozialamt Sprechstunde"));
        file.Events.Single().DtStart!.AsUtc.ShouldBe(At(2026, 12, 9, 10).ToDateTimeUtc());
        var caseworker = await Portal.CaseworkerAsync("sprechstunde-agenda");
        (await caseworker.GetAsync($"{calendar.Root}?tag=2026-12-09")).Document.QuerySelectorAll(".agenda__name").Select(n => n.TextContent).ShouldBe(["Herr Novak"]);
    }

    [Fact]
    public async Task An_authority_without_a_calendar_says_so_and_an_unknown_authority_is_not_found()
    {
        var client = Portal.Browse();
        (await client.GetAsync(AppointmentRoutes.Authority("de", AuthorityCalendars.Jobcenter))).Text(".info").ShouldNotBeEmpty();
        (await client.GetAsync(AppointmentRoutes.Authority("de", "gibt-es-nicht"))).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    private static Ical.Net.Calendar CalendarOf(MimeMessage mail) =>
        Ical.Net.Calendar.Load(mail.Attachments.OfType<MimePart>().Select(p => new StreamReader(p.Content!.Open()).ReadToEnd()).Single())!;
}
