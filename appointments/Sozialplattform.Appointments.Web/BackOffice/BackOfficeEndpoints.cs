using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Routing;
using NodaTime;
using NodaTime.Text;
using Sozialplattform.Appointments.Booking;
using Sozialplattform.Appointments.Domain;
using Sozialplattform.Appointments.Slots;
using Sozialplattform.Appointments.Storage;
using Sozialplattform.Appointments.Web.Components.BackOffice;
using Sozialplattform.Appointments.Web.Hosting;
using Sozialplattform.Appointments.Web.Seeker;
using Sozialplattform.Centres.Accounts;
using Sozialplattform.Centres.Storage;
using Sozialplattform.Centres.Web.Staff;

namespace Sozialplattform.Appointments.Web.BackOffice;

/// <summary>
/// The back office of centre staff, behind the centres' self-service login (its cookie, password and second factor —
/// no login of its own): the agenda per centre or counsellor, a booking's page with move, cancel (each with a message
/// to the seeker) and "nicht erschienen", and booking for a caller. Only staff who keep the centre
/// (<see cref="CentreSelfService.OpenAsync"/>) reach it; any other centre, booking or counsellor id is "not found".
/// Every post needs the antiforgery token; every step goes through the same store and mails as the seeker's.
/// </summary>
public static class BackOfficeEndpoints
{
    public const int MaxMessageLength = 1000;
    private const string CentreKey = "sozial.appointments.centre";

    public static void MapBackOffice(this IEndpointRouteBuilder app)
    {
        var centre = app.MapGroup(StaffRoutes.Root + "/{lang}/termine/{centre:guid}").StaffArea().RequireRole(CentreRole.Staff).AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var service = http.RequestServices.GetRequiredService<CentreSelfService>();
            if (!Guid.TryParse(http.GetRouteValue("centre") as string, out var id) || await service.OpenAsync(http.Account(), id, http.RequestAborted) is not { } row)
                return http.Message((string)http.GetRouteValue("lang")!, "staff.notFound", StatusCodes.Status404NotFound, http.Account());
            http.Items[CentreKey] = row;
            return await next(context);
        });

        centre.MapGet("", async (HttpContext http, string lang, string? tag, string? ansicht, Guid? berater, BackOfficeStore office) =>
        {
            var row = Centre(http);
            var day = tag is not null && LocalDatePattern.Iso.Parse(tag) is { Success: true } parsed ? parsed.Value : Today(http.RequestServices.GetRequiredService<BookingStore>());
            var week = ansicht == "woche";
            var first = week ? day.PlusDays(1 - (int)day.DayOfWeek) : day;
            var span = week ? 7 : 1;
            var bookings = await office.AgendaAsync(row.Id, Start(first), Start(first.PlusDays(span)), berater, http.RequestAborted);
            return await PageAsync<AgendaPage>(http, lang, new { Day = first, Week = week, CounsellorId = berater, Bookings = bookings, Done = http.Request.Query["erledigt"].ToString() });
        });

        centre.MapGet("/buchung/{id:guid}", async (HttpContext http, string lang, Guid id, BackOfficeStore office, BookingStore store) =>
            await office.FindAsync(Centre(http).Id, id, http.RequestAborted) is { } booking
                ? await BookingPageAsync(http, lang, booking, store, null, StatusCodes.Status200OK)
                : NotFound(http, lang));

        centre.MapPost("/buchung/{id:guid}/verschieben", async (HttpContext http, string lang, Guid id, BackOfficeStore office, BookingStore store, SeekerBooking booking, AppointmentsOptions options) =>
        {
            if (await office.FindAsync(Centre(http).Id, id, http.RequestAborted) is not { } current) return NotFound(http, lang);
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            if (CheckMessage(form["nachricht"]) is { } problem) return await BookingPageAsync(http, lang, current, store, problem, StatusCodes.Status422UnprocessableEntity);
            if (BackOfficeRoutes.ParseSlot(form["termin"]) is not { } slot) return await BookingPageAsync(http, lang, current, store, "office.chooseSlot", StatusCodes.Status422UnprocessableEntity);
            var outcome = await booking.MoveAsync(new BookingKey.Staff(id, current.CentreId), slot.CounsellorId, slot.Start, AppointmentsEndpoints.BaseUrl(options, http), Message(form["nachricht"]), http.RequestAborted);
            return outcome is Changed changed
                ? Results.Redirect(BackOfficeRoutes.Agenda(lang, current.CentreId, changed.Booking.Start.InZone(SlotEngine.Berlin).Date) + "&erledigt=moved")
                : await BookingPageAsync(http, lang, current, store, RefusalKey(((Refused)outcome).Reason), StatusCodes.Status409Conflict);
        }).StaffPost();

        centre.MapPost("/buchung/{id:guid}/absagen", async (HttpContext http, string lang, Guid id, BackOfficeStore office, BookingStore store, SeekerBooking booking, AppointmentsOptions options) =>
        {
            if (await office.FindAsync(Centre(http).Id, id, http.RequestAborted) is not { } current) return NotFound(http, lang);
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            if (CheckMessage(form["nachricht"]) is { } problem) return await BookingPageAsync(http, lang, current, store, problem, StatusCodes.Status422UnprocessableEntity);
            var outcome = await booking.CancelAsync(new BookingKey.Staff(id, current.CentreId), AppointmentsEndpoints.BaseUrl(options, http), Message(form["nachricht"]), http.RequestAborted);
            return outcome is Changed
                ? Results.Redirect(BackOfficeRoutes.Agenda(lang, current.CentreId, current.Start.InZone(SlotEngine.Berlin).Date) + "&erledigt=cancelled")
                : await BookingPageAsync(http, lang, current, store, RefusalKey(((Refused)outcome).Reason), StatusCodes.Status409Conflict);
        }).StaffPost();

        centre.MapPost("/buchung/{id:guid}/nicht-erschienen", async (HttpContext http, string lang, Guid id, BackOfficeStore office, BookingStore store) =>
        {
            if (await office.FindAsync(Centre(http).Id, id, http.RequestAborted) is not { } current) return NotFound(http, lang);
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            return await office.MarkNoShowAsync(current.CentreId, id, form["wert"] == "ja", http.RequestAborted) is Changed changed
                ? await BookingPageAsync(http, lang, changed.Booking, store, null, StatusCodes.Status200OK, "office.noShowSaved")
                : await BookingPageAsync(http, lang, current, store, RefusalKey(BookingRefusal.NotYetStarted), StatusCodes.Status409Conflict);
        }).StaffPost();

        centre.MapPhoneBooking();
        centre.MapFeedSettings();
        centre.MapSetup();
        app.MapGet("/termine-kalender/{counsellor:guid}/{token}.ics", FeedAsync);
    }

    internal static CentreRow Centre(HttpContext http) => (CentreRow)http.Items[CentreKey]!;

    internal static IResult NotFound(HttpContext http, string lang) => http.Message(lang, "staff.notFound", StatusCodes.Status404NotFound, http.Account());

    internal static LocalDate Today(BookingStore store) => store.Now.InZone(SlotEngine.Berlin).Date;

    internal static Instant Start(LocalDate date) => date.AtStartOfDayInZone(SlotEngine.Berlin).ToInstant();

    /// <summary>A back-office page with the centre, its counsellors and types, and the values of <paramref name="values"/>.</summary>
    internal static async Task<IResult> PageAsync<TPage>(HttpContext http, string lang, object values, int status = StatusCodes.Status200OK) where TPage : IComponent
    {
        var setup = http.RequestServices.GetRequiredService<AppointmentSetup>();
        var centre = Centre(http);
        var parameters = new Dictionary<string, object?>
        {
            ["View"] = http.View(lang, http.Account()),
            ["Centre"] = centre,
            ["Counsellors"] = await setup.CounsellorsAsync(centre.Id, http.RequestAborted),
            ["Types"] = await setup.AllTypesAsync(centre.Id, http.RequestAborted),
        };
        foreach (var property in values.GetType().GetProperties()) parameters[property.Name] = property.GetValue(values);
        return new RazorComponentResult<TPage>(parameters) { StatusCode = status };
    }

    /// <summary>
    /// The free slots staff choose from: every counsellor's own (round robin picks one per start for seekers; staff may
    /// give the appointment to anyone of the team) on <paramref name="days"/> days from <paramref name="from"/>.
    /// </summary>
    internal static IReadOnlyList<Slot> StaffSlots(SlotQuery query, LocalDate from, int days)
    {
        var (first, last) = (Start(from), Start(from.PlusDays(days)));
        return query.Type.Counsellors
            .SelectMany(id => SlotEngine.FreeSlots(query with { Type = query.Type with { Assignment = Assignment.NamedCounsellor }, NamedCounsellor = id }))
            .Where(s => s.Start >= first && s.Start < last).OrderBy(s => s.Start).ThenBy(s => query.Type.Counsellors.ToList().IndexOf(s.CounsellorId)).ToList();
    }

    internal static string RefusalKey(BookingRefusal reason) => $"refusal.{char.ToLowerInvariant(reason.ToString()[0])}{reason.ToString()[1..]}";

    /// <summary>The message to the seeker: optional, at most <see cref="MaxMessageLength"/> characters, no control characters but line breaks.</summary>
    internal static string? CheckMessage(string? message) =>
        message is null ? null
        : message.Length > MaxMessageLength ? "office.messageTooLong"
        : message.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t') ? "office.messageMalformed" : null;

    private static string? Message(string? message) => string.IsNullOrWhiteSpace(message) ? null : message.Trim();

    private static async Task<IResult> BookingPageAsync(HttpContext http, string lang, BookingView booking, BookingStore store, string? problem, int status, string? notice = null)
    {
        var slots = booking.Status == BookingStatus.Booked && await store.QueryAsync(booking.TypeId, null, booking.Id, http.RequestAborted) is { } query
            ? StaffSlots(query, booking.Start.InZone(SlotEngine.Berlin).Date, 7) : [];
        return await PageAsync<StaffBookingPage>(http, lang, new { Booking = booking, MoveSlots = slots, Problem = problem, Notice = notice }, status);
    }

    private static async Task<IResult> FeedAsync(Guid counsellor, string token, BackOfficeStore office, AppointmentSetup setup, BookingStore store, HttpContext http)
    {
        if (await office.FeedAsync(counsellor, token, http.RequestAborted) is not { } feed) return Results.NotFound();
        var owner = await setup.OwnerAsync(feed.CentreId, http.RequestAborted);
        var types = (await setup.AllTypesAsync(feed.CentreId, http.RequestAborted)).ToDictionary(t => t.Id, t => t.Title["de"]);
        var entries = feed.Bookings.Select(b => (new Calendar.CalendarEntry(b.Id, b.Sequence, b.Start, b.End, owner?.NeutralName ?? "Beratung", null, null, false), types.GetValueOrDefault(b.TypeId) ?? "Termin"));
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        return Results.Text(Calendar.CalendarFile.WriteFeed(owner?.NeutralName ?? "Termine", entries, store.Now), "text/calendar; charset=utf-8");
    }
}
