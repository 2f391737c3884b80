using NodaTime;
using NodaTime.Text;
using Sozialplattform.Appointments.Keeping;
using Sozialplattform.Appointments.Slots;
using Sozialplattform.Centres.Web.Staff;

namespace Sozialplattform.Appointments.Web.BackOffice;

/// <summary>
/// The back office's URLs, per mount: a centre's calendar under the centres' self-service root
/// (<see cref="StaffRoutes.Root"/>), an authority's under the inbox's (<see cref="InboxRoot"/>), so each keeper's one
/// session cookie reaches its pages and nothing else does; the calendar feed outside both (a calendar app has no session).
/// </summary>
public static class BackOfficeRoutes
{
    /// <summary>The inbox's root (<c>InboxRoutes.Root</c> of the host), where the authorities' back office is mounted.</summary>
    public const string InboxRoot = "/posteingang";

    /// <summary>A calendar's pages: <c>/beratungsstellen-verwaltung/{lang}/termine/{id}</c> or <c>/posteingang/termine/{lang}/{id}</c>.</summary>
    public static string Calendar(string lang, OwnerKind kind, Guid calendarId) =>
        kind == OwnerKind.Centre ? $"{StaffRoutes.Root}/{lang}/termine/{calendarId}" : $"{AuthorityCalendars(lang)}/{calendarId}";

    /// <summary>The inbox's list of the caseworker's authority's calendars (and, for leads, a new one).</summary>
    public static string AuthorityCalendars(string lang) => $"{InboxRoot}/termine/{lang}";

    public static string Agenda(string lang, KeptCalendar calendar, LocalDate? day = null, bool week = false, Guid? counsellorId = null)
    {
        var query = new List<string>();
        if (day is { } d) query.Add("tag=" + LocalDatePattern.Iso.Format(d));
        if (week) query.Add("ansicht=woche");
        if (counsellorId is { } c) query.Add("berater=" + c);
        return Calendar(lang, calendar.Kind, calendar.Id) + (query.Count > 0 ? "?" + string.Join('&', query) : "");
    }

    /// <summary>A centre's agenda (the self-service start page's link).</summary>
    public static string Agenda(string lang, Guid centreId, LocalDate? day = null, bool week = false, Guid? counsellorId = null) =>
        Agenda(lang, Centre(centreId), day, week, counsellorId);

    public static string Booking(string lang, KeptCalendar calendar, Guid bookingId) => $"{Calendar(lang, calendar.Kind, calendar.Id)}/buchung/{bookingId}";

    public static string Booking(string lang, Guid centreId, Guid bookingId) => Booking(lang, Centre(centreId), bookingId);

    public static string PhoneBooking(string lang, KeptCalendar calendar, Guid? typeId = null) =>
        $"{Calendar(lang, calendar.Kind, calendar.Id)}/buchen" + (typeId is { } t ? $"?art={t}" : "");

    public static string PhoneBooking(string lang, Guid centreId, Guid? typeId = null) => PhoneBooking(lang, Centre(centreId), typeId);

    public static string Feeds(string lang, KeptCalendar calendar) => $"{Calendar(lang, calendar.Kind, calendar.Id)}/kalender";

    public static string Feeds(string lang, Guid centreId) => Feeds(lang, Centre(centreId));

    public static string Setup(string lang, KeptCalendar calendar) => $"{Calendar(lang, calendar.Kind, calendar.Id)}/einstellungen";

    public static string Setup(string lang, Guid centreId) => Setup(lang, Centre(centreId));

    private static KeptCalendar Centre(Guid centreId) => new(centreId, OwnerKind.Centre, "", "");

    public static string Feed(Guid counsellorId, string token) => $"/termine-kalender/{counsellorId}/{Uri.EscapeDataString(token)}.ics";

    /// <summary>A slot as a radio button's value: "counsellor|start".</summary>
    public static string SlotValue(Slot slot) => $"{slot.CounsellorId}|{InstantPattern.General.Format(slot.Start)}";

    public static (Guid CounsellorId, Instant Start)? ParseSlot(string? value)
    {
        var parts = (value ?? "").Split('|');
        return parts.Length == 2 && Guid.TryParse(parts[0], out var counsellor) && InstantPattern.General.Parse(parts[1]) is { Success: true } start
            ? (counsellor, start.Value) : null;
    }
}
