using NodaTime;
using NodaTime.Text;
using Sozialplattform.Appointments.Slots;
using Sozialplattform.Centres.Web.Staff;

namespace Sozialplattform.Appointments.Web.BackOffice;

/// <summary>
/// The back office's URLs: under the centres' self-service root (<see cref="StaffRoutes.Root"/>), so the staff's one
/// session cookie reaches them and nothing else does; the calendar feed outside it (a calendar app has no session).
/// </summary>
public static class BackOfficeRoutes
{
    public static string Agenda(string lang, Guid centreId, LocalDate? day = null, bool week = false, Guid? counsellorId = null)
    {
        var query = new List<string>();
        if (day is { } d) query.Add("tag=" + LocalDatePattern.Iso.Format(d));
        if (week) query.Add("ansicht=woche");
        if (counsellorId is { } c) query.Add("berater=" + c);
        return $"{StaffRoutes.Root}/{lang}/termine/{centreId}" + (query.Count > 0 ? "?" + string.Join('&', query) : "");
    }

    public static string Booking(string lang, Guid centreId, Guid bookingId) => $"{StaffRoutes.Root}/{lang}/termine/{centreId}/buchung/{bookingId}";

    public static string PhoneBooking(string lang, Guid centreId, Guid? typeId = null) =>
        $"{StaffRoutes.Root}/{lang}/termine/{centreId}/buchen" + (typeId is { } t ? $"?art={t}" : "");

    public static string Feeds(string lang, Guid centreId) => $"{StaffRoutes.Root}/{lang}/termine/{centreId}/kalender";

    public static string Setup(string lang, Guid centreId) => $"{StaffRoutes.Root}/{lang}/termine/{centreId}/einstellungen";

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
