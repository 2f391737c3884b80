using NodaTime;
using NodaTime.Text;

namespace Sozialplattform.Appointments.Web.Hosting;

/// <summary>Every URL of the booking pages in one place. Tokens travel only in links the seeker got themself.</summary>
public static class AppointmentRoutes
{
    public static string Types(string lang, Guid centreId) => $"/{lang}/termine/{centreId}";

    /// <summary>The stable address of an authority's calendars (its id from <c>authorities.json</c>), for its web site and letters.</summary>
    public static string Authority(string lang, string authorityId) => $"/{lang}/termine/behoerde/{Uri.EscapeDataString(authorityId)}";

    public static string Slots(string lang, Guid centreId, Guid typeId, LocalDate? from = null) =>
        $"/{lang}/termine/{centreId}/{typeId}" + (from is { } date ? $"?ab={LocalDatePattern.Iso.Format(date)}" : "");

    public static string Details(string lang, Guid centreId, Guid typeId, Instant start, Guid counsellorId) =>
        $"/{lang}/termine/{centreId}/{typeId}/buchen?beginn={Uri.EscapeDataString(InstantPattern.General.Format(start))}&mit={counsellorId}";

    public static string Confirm(string lang, Guid bookingId, string confirmToken) => $"/{lang}/termine/bestaetigen/{bookingId}?t={Uri.EscapeDataString(confirmToken)}";

    public static string Manage(string lang, Guid bookingId, string manageToken) => $"/{lang}/termine/buchung/{bookingId}?t={Uri.EscapeDataString(manageToken)}";

    /// <summary>The manage page for the signed-in citizen who booked it ("Mein Konto"): no token, their login opens it.</summary>
    public static string Owned(string lang, Guid bookingId) => $"/{lang}/termine/buchung/{bookingId}";

    public static string Move(string lang, Guid bookingId, string manageToken) => $"/{lang}/termine/buchung/{bookingId}/verschieben?t={Uri.EscapeDataString(manageToken)}";

    public static string CalendarFile(string lang, Guid bookingId, string manageToken) => $"/{lang}/termine/buchung/{bookingId}/termin.ics?t={Uri.EscapeDataString(manageToken)}";

    public static string ByCode(string lang) => $"/{lang}/termine/verwalten";

    public static Instant? ParseStart(string? text) => text is not null && InstantPattern.General.Parse(text) is { Success: true } parsed ? parsed.Value : null;
}
