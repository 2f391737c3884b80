using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NodaTime;
using NodaTime.Text;
using Sozialplattform.Appointments.Booking;
using Sozialplattform.Appointments.Slots;
using Sozialplattform.Appointments.Storage;
using Sozialplattform.Appointments.Web.Components.BackOffice;
using Sozialplattform.Appointments.Web.Hosting;
using Sozialplattform.Appointments.Web.Seeker;
using Sozialplattform.Centres.Web.Staff;
using Microsoft.Extensions.DependencyInjection;
using static Sozialplattform.Appointments.Web.BackOffice.BackOfficeEndpoints;

namespace Sozialplattform.Appointments.Web.BackOffice;

/// <summary>
/// Booking for a caller (booked at once, also with an e-mail address: staff spoke to the person; the confirmation mail
/// goes to it, the booking code is read out on the phone) and the counsellors' private calendar feeds (a new link
/// replaces the old one and is shown once; revoked, the old link answers 404).
/// </summary>
internal static class CallerAndFeedEndpoints
{
    public static void MapPhoneBooking(this RouteGroupBuilder calendar)
    {
        calendar.MapGet("/buchen", async (HttpContext http, string lang, Guid? art, string? ab, BookingStore store) =>
            await CallerPageAsync(http, lang, art, ab, store, null, StatusCodes.Status200OK));

        calendar.MapPost("/buchen", async (HttpContext http, string lang, BookingStore store, SeekerBooking booking, AppointmentsOptions options) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var typeId = Guid.TryParse(form["art"], out var t) ? t : (Guid?)null;
            var values = new[] { "name", "email", "phone", "concern", "termin" }.ToDictionary(n => n, n => form[n].ToString());
            var types = await http.RequestServices.GetRequiredService<AppointmentSetup>().AllTypesAsync(Kept(http).Id, http.RequestAborted);
            if (typeId is not { } type || types.All(x => x.Id != type)) return NotFound(http, lang);
            if (BackOfficeRoutes.ParseSlot(form["termin"]) is not { } slot) return await CallerPageAsync(http, lang, type, null, store, "office.chooseSlot", StatusCodes.Status422UnprocessableEntity, values);
            var language = AppointmentTexts.IsLanguage(form["sprache"]) ? form["sprache"].ToString() : "de";
            var request = new BookingRequest(type, slot.CounsellorId, slot.Start, values["name"], values["email"], language, values["phone"], values["concern"]);
            var outcome = await booking.BookForCallerAsync(request, AppointmentsEndpoints.BaseUrl(options, http), http.RequestAborted);
            if (outcome is not Booked booked)
            {
                var refused = (Refused)outcome;
                return await CallerPageAsync(http, lang, type, null, store, refused.Problems is { Count: > 0 } ? "error.summary" : RefusalKey(refused.Reason),
                    StatusCodes.Status422UnprocessableEntity, values, refused.Problems);
            }

            return await PageAsync<CallerBookedPage>(http, lang, new { Booked = booked, TypeId = type });
        }).OfficePost();
    }

    public static void MapFeedSettings(this RouteGroupBuilder calendar)
    {
        calendar.MapGet("/kalender", async (HttpContext http, string lang, BackOfficeStore office) =>
            await PageAsync<FeedsPage>(http, lang, new { States = await office.FeedStatesAsync(Kept(http).Id, http.RequestAborted) }));

        calendar.MapPost("/kalender/{counsellor:guid}", async (HttpContext http, string lang, Guid counsellor, BackOfficeStore office, AppointmentsOptions options) =>
        {
            var id = Kept(http).Id;
            if (await office.IssueFeedTokenAsync(id, counsellor, http.RequestAborted) is not { } token) return NotFound(http, lang);
            var url = AppointmentsEndpoints.BaseUrl(options, http) + BackOfficeRoutes.Feed(counsellor, token);
            return await PageAsync<FeedsPage>(http, lang, new { States = await office.FeedStatesAsync(id, http.RequestAborted), NewFeed = (counsellor, url), Notice = "office.feed.issued" });
        }).OfficePost();

        calendar.MapPost("/kalender/{counsellor:guid}/widerrufen", async (HttpContext http, string lang, Guid counsellor, BackOfficeStore office) =>
        {
            var id = Kept(http).Id;
            if (!await office.RevokeFeedTokenAsync(id, counsellor, http.RequestAborted)) return NotFound(http, lang);
            return await PageAsync<FeedsPage>(http, lang, new { States = await office.FeedStatesAsync(id, http.RequestAborted), Notice = "office.feed.revoked" });
        }).OfficePost();
    }

    /// <summary>The caller page: the types, and for a chosen type the free slots of a week (from <paramref name="from"/>) with the caller's details.</summary>
    private static async Task<IResult> CallerPageAsync(HttpContext http, string lang, Guid? typeId, string? from, BookingStore store, string? problem, int status,
        IReadOnlyDictionary<string, string>? values = null, IReadOnlyList<InputProblem>? answers = null)
    {
        var today = Today(store);
        var start = from is not null && LocalDatePattern.Iso.Parse(from) is { Success: true } parsed && parsed.Value > today ? parsed.Value : today;
        IReadOnlyList<Slot> slots = [];
        if (typeId is { } type && await store.QueryAsync(type, null, null, http.RequestAborted) is { } query && query.Type.CentreId == Kept(http).Id && query.Type.Active)
            slots = StaffSlots(query, start, 7);
        else typeId = null;

        return await PageAsync<CallerPage>(http, lang, new { TypeId = typeId, From = start, Slots = slots, Problem = problem, Values = values ?? new Dictionary<string, string>(), Answers = answers ?? [] }, status);
    }
}
