using Microsoft.AspNetCore.Antiforgery;
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
using Sozialplattform.Appointments.Keeping;
using Sozialplattform.Appointments.Slots;
using Sozialplattform.Appointments.Storage;
using Sozialplattform.Appointments.Web.Components.BackOffice;
using Sozialplattform.Appointments.Web.Hosting;
using Sozialplattform.Appointments.Web.Seeker;
using Sozialplattform.Centres.Accounts;
using Sozialplattform.Centres.Web.Staff;

namespace Sozialplattform.Appointments.Web.BackOffice;

/// <summary>
/// The back office of a calendar's keepers, mounted twice with the same endpoints and pages: for centres under the
/// centres' self-service (its cookie, password and second factor — no login of its own), for authorities under the
/// inbox (its session; <see cref="InboxSession"/>). The agenda per calendar or counsellor, a booking's page with move,
/// cancel (each with a message to the seeker) and "nicht erschienen", booking for a caller, feeds and setup. Only who
/// keeps the calendar (<see cref="ICalendarKeeperCheck"/> of the mount's kind) reaches it; any other calendar, booking or
/// counsellor id is "not found", and the refusal is in the audit log. Every post needs the antiforgery token; every step
/// goes through the same store and mails as the seeker's.
/// </summary>
public static class BackOfficeEndpoints
{
    public const int MaxMessageLength = 1000;
    private const string CalendarKey = "sozial.appointments.calendar";
    internal const string KeeperKey = "sozial.appointments.keeper";

    public static void MapBackOffice(this IEndpointRouteBuilder app)
    {
        var centres = app.MapGroup(StaffRoutes.Root + "/{lang}/termine/{calendar:guid}").StaffArea().RequireRole(CentreRole.Staff)
            .AddEndpointFilter(async (context, next) =>
            {
                context.HttpContext.Items[KeeperKey] = new Keeper.CentreStaff(context.HttpContext.Account());
                return await next(context);
            });
        centres.MapCalendar(OwnerKind.Centre);
        app.MapGet("/termine-kalender/{counsellor:guid}/{token}.ics", FeedAsync);

        if (app.ServiceProvider.GetService<InboxSession>() is not { } inbox) return;
        var authorities = app.MapGroup(BackOfficeRoutes.InboxRoot + "/termine/{lang}").InboxArea(inbox);
        authorities.MapAuthorityCalendars();
        authorities.MapGroup("/{calendar:guid}").MapCalendar(OwnerKind.Authority);
    }

    /// <summary>Every page and step of one calendar, behind the mount's keeper check.</summary>
    private static void MapCalendar(this RouteGroupBuilder group, OwnerKind kind)
    {
        var calendar = group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var check = http.RequestServices.GetServices<ICalendarKeeperCheck>().Single(c => c.Kind == kind);
            var keeper = (Keeper)http.Items[KeeperKey]!;
            var routeId = http.GetRouteValue("calendar") as string;
            if (!Guid.TryParse(routeId, out var id) || await check.OpenAsync(keeper, id, http.RequestAborted) is not { } kept)
            {
                await http.RequestServices.GetRequiredService<CalendarDirectory>().AuditRefusalAsync(keeper, id, $"{http.Request.Method} {http.Request.Path}", http.RequestAborted);
                return Refusal(http, kind, (string)http.GetRouteValue("lang")!, "notFound", StatusCodes.Status404NotFound);
            }

            http.Items[CalendarKey] = kept;
            return await next(context);
        });

        calendar.MapGet("", async (HttpContext http, string lang, string? tag, string? ansicht, Guid? berater, BackOfficeStore office) =>
        {
            var row = Kept(http);
            var day = tag is not null && LocalDatePattern.Iso.Parse(tag) is { Success: true } parsed ? parsed.Value : Today(http.RequestServices.GetRequiredService<BookingStore>());
            var week = ansicht == "woche";
            var first = week ? day.PlusDays(1 - (int)day.DayOfWeek) : day;
            var span = week ? 7 : 1;
            var bookings = await office.AgendaAsync(row.Id, Start(first), Start(first.PlusDays(span)), berater, http.RequestAborted);
            return await PageAsync<AgendaPage>(http, lang, new { Day = first, Week = week, CounsellorId = berater, Bookings = bookings, Done = http.Request.Query["erledigt"].ToString() });
        });

        calendar.MapGet("/buchung/{id:guid}", async (HttpContext http, string lang, Guid id, BackOfficeStore office, BookingStore store) =>
            await office.FindAsync(Kept(http).Id, id, http.RequestAborted) is { } booking
                ? await BookingPageAsync(http, lang, booking, store, null, StatusCodes.Status200OK)
                : NotFound(http, lang));

        calendar.MapPost("/buchung/{id:guid}/verschieben", async (HttpContext http, string lang, Guid id, BackOfficeStore office, BookingStore store, SeekerBooking booking, AppointmentsOptions options) =>
        {
            if (await office.FindAsync(Kept(http).Id, id, http.RequestAborted) is not { } current) return NotFound(http, lang);
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            if (CheckMessage(form["nachricht"]) is { } problem) return await BookingPageAsync(http, lang, current, store, problem, StatusCodes.Status422UnprocessableEntity);
            if (BackOfficeRoutes.ParseSlot(form["termin"]) is not { } slot) return await BookingPageAsync(http, lang, current, store, "office.chooseSlot", StatusCodes.Status422UnprocessableEntity);
            var outcome = await booking.MoveAsync(new BookingKey.Staff(id, current.CentreId), slot.CounsellorId, slot.Start, AppointmentsEndpoints.BaseUrl(options, http), Message(form["nachricht"]), http.RequestAborted);
            return outcome is Changed changed
                ? Results.Redirect(BackOfficeRoutes.Agenda(lang, Kept(http), changed.Booking.Start.InZone(SlotEngine.Berlin).Date) + "&erledigt=moved")
                : await BookingPageAsync(http, lang, current, store, RefusalKey(((Refused)outcome).Reason), StatusCodes.Status409Conflict);
        }).OfficePost();

        calendar.MapPost("/buchung/{id:guid}/absagen", async (HttpContext http, string lang, Guid id, BackOfficeStore office, BookingStore store, SeekerBooking booking, AppointmentsOptions options) =>
        {
            if (await office.FindAsync(Kept(http).Id, id, http.RequestAborted) is not { } current) return NotFound(http, lang);
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            if (CheckMessage(form["nachricht"]) is { } problem) return await BookingPageAsync(http, lang, current, store, problem, StatusCodes.Status422UnprocessableEntity);
            var outcome = await booking.CancelAsync(new BookingKey.Staff(id, current.CentreId), AppointmentsEndpoints.BaseUrl(options, http), Message(form["nachricht"]), http.RequestAborted);
            return outcome is Changed
                ? Results.Redirect(BackOfficeRoutes.Agenda(lang, Kept(http), current.Start.InZone(SlotEngine.Berlin).Date) + "&erledigt=cancelled")
                : await BookingPageAsync(http, lang, current, store, RefusalKey(((Refused)outcome).Reason), StatusCodes.Status409Conflict);
        }).OfficePost();

        calendar.MapPost("/buchung/{id:guid}/nicht-erschienen", async (HttpContext http, string lang, Guid id, BackOfficeStore office, BookingStore store) =>
        {
            if (await office.FindAsync(Kept(http).Id, id, http.RequestAborted) is not { } current) return NotFound(http, lang);
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            return await office.MarkNoShowAsync(current.CentreId, id, form["wert"] == "ja", http.RequestAborted) is Changed changed
                ? await BookingPageAsync(http, lang, changed.Booking, store, null, StatusCodes.Status200OK, "office.noShowSaved")
                : await BookingPageAsync(http, lang, current, store, RefusalKey(BookingRefusal.NotYetStarted), StatusCodes.Status409Conflict);
        }).OfficePost();

        calendar.MapPhoneBooking();
        calendar.MapFeedSettings();
        calendar.MapSetup();
    }

    internal static KeptCalendar Kept(HttpContext http) => (KeptCalendar)http.Items[CalendarKey]!;

    internal static IResult NotFound(HttpContext http, string lang) => Refusal(http, Kept(http).Kind, lang, "notFound", StatusCodes.Status404NotFound);

    /// <summary>A refusal page in the mount's frame: "notFound", "forbidden" or "badForm".</summary>
    internal static IResult Refusal(HttpContext http, OwnerKind kind, string lang, string reason, int status) =>
        kind == OwnerKind.Centre
            ? http.Message(lang, "staff." + reason, status, http.Account())
            : new RazorComponentResult<OfficeMessagePage>(new Dictionary<string, object?> { ["View"] = http.View(lang), ["Key"] = "office.inbox." + reason }) { StatusCode = status };

    /// <summary>A post: without a valid antiforgery token it is refused with 400 before anything is read or stored.</summary>
    internal static RouteHandlerBuilder OfficePost(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new RequireAntiforgeryTokenAttribute())
            .AddEndpointFilter(async (context, next) =>
            {
                var http = context.HttpContext;
                var kind = http.Items[KeeperKey] is Keeper.Caseworker ? OwnerKind.Authority : OwnerKind.Centre;
                return http.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false } || !http.Request.HasFormContentType
                    ? Refusal(http, kind, (string)http.GetRouteValue("lang")!, "badForm", StatusCodes.Status400BadRequest)
                    : await next(context);
            });

    internal static LocalDate Today(BookingStore store) => store.Now.InZone(SlotEngine.Berlin).Date;

    internal static Instant Start(LocalDate date) => date.AtStartOfDayInZone(SlotEngine.Berlin).ToInstant();

    /// <summary>A back-office page with the calendar, its counsellors and types, and the values of <paramref name="values"/>.</summary>
    internal static async Task<IResult> PageAsync<TPage>(HttpContext http, string lang, object values, int status = StatusCodes.Status200OK) where TPage : IComponent
    {
        var setup = http.RequestServices.GetRequiredService<AppointmentSetup>();
        var calendar = Kept(http);
        var parameters = new Dictionary<string, object?>
        {
            ["View"] = http.View(lang, calendar.Kind == OwnerKind.Centre ? http.Account() : null),
            ["Calendar"] = calendar,
            ["Counsellors"] = await setup.CounsellorsAsync(calendar.Id, http.RequestAborted),
            ["Types"] = await setup.AllTypesAsync(calendar.Id, http.RequestAborted),
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
