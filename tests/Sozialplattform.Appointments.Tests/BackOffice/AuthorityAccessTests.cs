using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Appointments.Booking;
using Sozialplattform.Appointments.Storage;
using Sozialplattform.Appointments.Tests.Infrastructure;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Web.Tests.Infrastructure;
using static Sozialplattform.Appointments.Tests.Infrastructure.TestSchedules;

namespace Sozialplattform.Appointments.Tests.BackOffice;

/// <summary>
/// Who reaches an authority's calendars under the inbox: a caseworker of another authority gets "not found" for every
/// page and step (also with our ids under their own calendar), and each refusal is in the audit log; no inbox login
/// leads to the inbox's login; centre staff reach no authority calendar and caseworkers no centre's; an operator is
/// forbidden and only a lead makes a calendar; a forged or another session's antiforgery token is refused — and in
/// each case nothing changes. Hostile input is shown as text.
/// </summary>
public sealed class AuthorityAccessTests(AppointmentsPortal portal) : IClassFixture<AppointmentsPortal>
{
    private static IEnumerable<string> Pages(AuthorityCalendar calendar, Guid booking) =>
    [
        calendar.Root, $"{calendar.Root}/buchung/{booking}", $"{calendar.Root}/buchen?art={calendar.TypeId}", $"{calendar.Root}/kalender", $"{calendar.Root}/einstellungen",
        $"{calendar.Root}/einstellungen/arten/{calendar.TypeId}", $"{calendar.Root}/einstellungen/berater/{calendar.CounsellorId}",
        $"{calendar.Root}/einstellungen/arten/neu", $"{calendar.Root}/einstellungen/berater/neu",
    ];

    private static IEnumerable<(string Url, (string, string)[] Fields)> Steps(AuthorityCalendar calendar, Guid booking) =>
    [
        ($"{calendar.Root}/buchung/{booking}/verschieben", [("termin", $"{calendar.CounsellorId}|2026-12-08T10:00:00Z"), ("nachricht", "x")]),
        ($"{calendar.Root}/buchung/{booking}/absagen", [("nachricht", "x")]),
        ($"{calendar.Root}/buchung/{booking}/nicht-erschienen", [("wert", "ja")]),
        ($"{calendar.Root}/buchen", [("art", calendar.TypeId.ToString()), ("termin", $"{calendar.CounsellorId}|2026-12-08T10:00:00Z"), ("name", "Eindringling")]),
        ($"{calendar.Root}/kalender/{calendar.CounsellorId}", []),
        ($"{calendar.Root}/kalender/{calendar.CounsellorId}/widerrufen", []),
        ($"{calendar.Root}/einstellungen", [("neutralName", "Gekapert"), ("state", "11")]),
        ($"{calendar.Root}/einstellungen/arten/{calendar.TypeId}", [("title.de", "Gekapert"), ("length", "30")]),
        ($"{calendar.Root}/einstellungen/arten/{calendar.TypeId}/aktiv", [("wert", "nein")]),
        ($"{calendar.Root}/einstellungen/berater/{calendar.CounsellorId}", [("displayName", "Gekapert"), ("weekly", "Mo 09:00-10:00")]),
        ($"{calendar.Root}/einstellungen/berater/neu", [("displayName", "Untergeschoben"), ("weekly", "Mo 09:00-10:00")]),
    ];

    [Fact]
    public async Task A_caseworker_of_another_authority_gets_not_found_for_every_page_and_step_also_by_id_and_each_refusal_is_audited()
    {
        var ours = await portal.AuthorityCalendarAsync(neutralName: "Sozialamt Fremdzugriff");
        var booked = await BookAsync(ours, At(2026, 12, 8, 9));
        var theirs = await portal.AuthorityCalendarAsync(AuthorityCalendars.Jobcenter, "Jobcenter Sprechstunde");
        var client = await portal.CaseworkerAsync("jobcenter-fremd", AuthorityCalendars.Jobcenter);
        var own = await client.GetAsync(theirs.Root);
        own.Status.ShouldBe(HttpStatusCode.OK);
        var before = await portal.SnapshotAsync();
        var auditedBefore = await RefusalsAsync("jobcenter-fremd");

        foreach (var page in Pages(ours, booked)) (await client.GetAsync(page)).Status.ShouldBe(HttpStatusCode.NotFound, page);
        foreach (var (url, fields) in Steps(ours, booked))
            (await client.PostAsync(url, [own.AntiforgeryToken, .. fields])).Status.ShouldBe(HttpStatusCode.NotFound, url);
        // our booking, counsellor and type under their own calendar's address
        (await client.GetAsync($"{theirs.Root}/buchung/{booked}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await client.PostAsync($"{theirs.Root}/buchung/{booked}/absagen", [own.AntiforgeryToken])).Status.ShouldBe(HttpStatusCode.NotFound);
        (await client.PostAsync($"{theirs.Root}/kalender/{ours.CounsellorId}", [own.AntiforgeryToken])).Status.ShouldBe(HttpStatusCode.NotFound);
        (await client.PostAsync($"{theirs.Root}/einstellungen/berater/{ours.CounsellorId}", [own.AntiforgeryToken, ("displayName", "Gekapert")])).Status.ShouldBe(HttpStatusCode.NotFound);
        (await client.PostAsync($"{theirs.Root}/einstellungen/arten/{ours.TypeId}/aktiv", [own.AntiforgeryToken, ("wert", "nein")])).Status.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/posteingang/termine/de")).Document.QuerySelectorAll("main li a").Select(a => a.TextContent).ShouldBe(["Jobcenter Sprechstunde"]);

        (await portal.SnapshotAsync()).ShouldBe(before);
        (await RefusalsAsync("jobcenter-fremd") - auditedBefore).ShouldBe(Pages(ours, booked).Count() + Steps(ours, booked).Count());
    }

    [Fact]
    public async Task Without_an_inbox_login_every_page_leads_to_the_inbox_login_and_no_step_changes_anything()
    {
        var calendar = await portal.AuthorityCalendarAsync(neutralName: "Sozialamt Ohne Login");
        var booked = await BookAsync(calendar, At(2026, 12, 9, 9));
        var before = await portal.SnapshotAsync();
        var anonymous = portal.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        foreach (var page in Pages(calendar, booked).Append("/posteingang/termine/de"))
        {
            var response = await anonymous.GetAsync(page);
            (response.StatusCode, response.Headers.Location?.ToString()).ShouldBe((HttpStatusCode.Redirect, $"/posteingang/anmelden?ziel={Uri.EscapeDataString(page)}"), page);
        }

        foreach (var (url, fields) in Steps(calendar, booked).Append(("/posteingang/termine/de", [("neutralName", "Ohne Anmeldung")])))
            (await anonymous.PostAsync(url, new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Item1, f.Item2))))).IsSuccessStatusCode.ShouldBeFalse(url);
        (await portal.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Centre_staff_reach_no_authority_calendar_and_caseworkers_reach_no_centre_calendar_by_either_address()
    {
        var calendar = await portal.AuthorityCalendarAsync(neutralName: "Sozialamt Andere Seite");
        var booked = await BookAsync(calendar, At(2026, 12, 10, 9));
        var centreBooking = (await portal.BookedAsync(At(2026, 12, 10, 10), Anna, "Zentrum")).BookingId;
        var before = await portal.SnapshotAsync();
        var staff = await portal.StaffAsync("beratung@traeger-behoerde");
        var caseworker = await portal.CaseworkerAsync("sozialamt-zentrum");

        // centre staff: no inbox session under /posteingang; under their own mount the authority's calendar is no centre of theirs
        (await staff.GetAsync(calendar.Root)).Path.ShouldBe("/posteingang/anmelden");
        (await staff.GetAsync($"/beratungsstellen-verwaltung/de/termine/{calendar.Id}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await staff.GetAsync($"/beratungsstellen-verwaltung/de/termine/{calendar.Id}/buchung/{booked}")).Status.ShouldBe(HttpStatusCode.NotFound);
        var staffToken = (await staff.GetAsync($"/beratungsstellen-verwaltung/de/termine/{portal.CentreId}")).AntiforgeryToken;
        (await staff.PostAsync($"/beratungsstellen-verwaltung/de/termine/{calendar.Id}/buchung/{booked}/absagen", [staffToken])).Status.ShouldBe(HttpStatusCode.NotFound);

        // a caseworker: no self-service session there; the centre's calendar under the inbox's mount is no authority calendar of theirs
        (await caseworker.GetAsync($"/beratungsstellen-verwaltung/de/termine/{portal.CentreId}")).Path.ShouldBe("/beratungsstellen-verwaltung/de/anmelden");
        (await caseworker.GetAsync($"/posteingang/termine/de/{portal.CentreId}")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await caseworker.GetAsync($"/posteingang/termine/de/{portal.CentreId}/buchung/{centreBooking}")).Status.ShouldBe(HttpStatusCode.NotFound);
        var token = (await caseworker.GetAsync(calendar.Root)).AntiforgeryToken;
        (await caseworker.PostAsync($"/posteingang/termine/de/{portal.CentreId}/buchung/{centreBooking}/absagen", [token])).Status.ShouldBe(HttpStatusCode.NotFound);
        (await caseworker.PostAsync($"/posteingang/termine/de/{portal.CentreId}/einstellungen", [token, ("neutralName", "Gekapert")])).Status.ShouldBe(HttpStatusCode.NotFound);

        (await portal.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task An_operator_is_forbidden_only_a_lead_makes_a_calendar_and_a_hostile_neutral_name_is_shown_as_text()
    {
        var calendar = await portal.AuthorityCalendarAsync(neutralName: "Sozialamt Rollen");
        var booked = await BookAsync(calendar, At(2026, 12, 11, 9));
        var operations = await portal.CaseworkerAsync("betrieb-termine", role: CaseworkerRole.Operator);
        foreach (var page in Pages(calendar, booked).Append("/posteingang/termine/de")) (await operations.GetAsync(page)).Status.ShouldBe(HttpStatusCode.Forbidden, page);

        var caseworker = await portal.CaseworkerAsync("sozialamt-ohne-leitung");
        var list = await caseworker.GetAsync("/posteingang/termine/de");
        list.Document.QuerySelectorAll("input[name=neutralName]").ShouldBeEmpty(); // the form is for leads
        var owners = await OwnerCountAsync();
        (await caseworker.PostAsync("/posteingang/termine/de", [list.AntiforgeryToken, ("neutralName", "Heimlich angelegt")])).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await OwnerCountAsync()).ShouldBe(owners);

        const string Hostile = "<script>alert(1)</script>";
        var lead = await portal.CaseworkerAsync("sozialamt-leitung-feindlich", role: CaseworkerRole.Lead);
        var tooShort = await lead.SubmitAsync(await lead.GetAsync("/posteingang/termine/de"), "/posteingang/termine/de", new Dictionary<string, string?> { ["neutralName"] = "ab" });
        tooShort.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        tooShort.SummaryErrors.ShouldBe(["Neutraler Name: ist zu kurz, zu lang oder enthält Zeilenumbrüche oder Steuerzeichen."]);
        (await OwnerCountAsync()).ShouldBe(owners);
        var created = await lead.SubmitAsync(await lead.GetAsync("/posteingang/termine/de"), "/posteingang/termine/de", new Dictionary<string, string?> { ["neutralName"] = Hostile });
        created.Status.ShouldBe(HttpStatusCode.OK);
        var listed = await lead.GetAsync("/posteingang/termine/de");
        listed.Document.QuerySelectorAll("main script").ShouldBeEmpty();
        listed.Document.QuerySelectorAll("main li a").Select(a => a.TextContent).ShouldContain(Hostile);
    }

    [Fact]
    public async Task A_forged_or_another_sessions_antiforgery_token_is_refused_and_nothing_changes()
    {
        var calendar = await portal.AuthorityCalendarAsync(neutralName: "Sozialamt Formulare");
        var booked = await BookAsync(calendar, At(2026, 12, 14, 9));
        var client = await portal.CaseworkerAsync("sozialamt-formular");
        var stranger = await portal.CaseworkerAsync("sozialamt-anderes-formular");
        var strangersToken = (await stranger.GetAsync(calendar.Root)).AntiforgeryToken;
        var before = await portal.SnapshotAsync();

        foreach (var token in new[] { ("__RequestVerificationToken", "gefälscht"), strangersToken })
        {
            foreach (var (url, fields) in Steps(calendar, booked))
                (await client.PostAsync(url, [token, .. fields])).Status.ShouldBe(HttpStatusCode.BadRequest, url);
            (await client.PostAsync("/posteingang/termine/de", [token, ("neutralName", "Gefälscht")])).Status.ShouldBe(HttpStatusCode.BadRequest);
        }

        (await portal.SnapshotAsync()).ShouldBe(before);
    }

    private async Task<Guid> BookAsync(AuthorityCalendar calendar, NodaTime.Instant start)
    {
        var store = portal.Services.GetRequiredService<BookingStore>();
        return (await store.BookAsync(new BookingRequest(calendar.TypeId, calendar.CounsellorId, start, "Kim", null, "de"), byStaff: true)).ShouldBeOfType<Booked>().BookingId;
    }

    private async Task<int> OwnerCountAsync()
    {
        await using var context = portal.Services.GetRequiredService<AppointmentsDatabase>().CreateContext();
        return await context.Owners.CountAsync();
    }

    private async Task<int> RefusalsAsync(string login)
    {
        await using var context = portal.Services.GetRequiredService<SozialDatabase>().CreateContext();
        return await context.AuditLog.CountAsync(e => e.Actor == login && e.Action == "appointments.office.refused");
    }
}
