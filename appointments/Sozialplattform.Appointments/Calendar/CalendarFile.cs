using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using NodaTime;

namespace Sozialplattform.Appointments.Calendar;

/// <summary>What a calendar entry may say: only "Termin bei &lt;neutral name&gt;", never the centre's real name or the topic.</summary>
public sealed record CalendarEntry(Guid BookingId, int Sequence, Instant Start, Instant End, string NeutralName, string? Location, string? Description, bool Cancelled);

/// <summary>
/// RFC 5545 files for one booking (Ical.Net): the UID is the booking's and never changes, SEQUENCE rises with every
/// move and the cancellation, METHOD is REQUEST for new and changed appointments and CANCEL for cancelled ones — so a
/// calendar updates or removes the entry it already has instead of adding a second one.
/// </summary>
public static class CalendarFile
{
    public const string MediaTypeRequest = "text/calendar; charset=utf-8; method=REQUEST";
    public const string MediaTypeCancel = "text/calendar; charset=utf-8; method=CANCEL";

    public static string Uid(Guid bookingId) => $"{bookingId:N}@termine.sozialplattform";

    public static string Summary(string neutralName) => $"Termin bei {neutralName}";

    /// <param name="organizer">The platform's sender address (RFC 5546 wants an organizer for REQUEST and CANCEL).</param>
    public static string Write(CalendarEntry entry, Instant stamp, string organizer)
    {
        var name = OneLine(entry.NeutralName);
        var calendar = new Ical.Net.Calendar { Method = entry.Cancelled ? "CANCEL" : "REQUEST" };
        calendar.ProductId = "-//Sozialplattform//Termine//DE";
        var appointment = new CalendarEvent
        {
            Uid = Uid(entry.BookingId),
            Sequence = entry.Sequence,
            DtStamp = Utc(stamp),
            DtStart = Utc(entry.Start),
            DtEnd = Utc(entry.End),
            Summary = Summary(name),
            Status = entry.Cancelled ? "CANCELLED" : "CONFIRMED",
            Transparency = "OPAQUE",
            Organizer = new Organizer($"mailto:{organizer}") { CommonName = name.Replace("\"", "", StringComparison.Ordinal) },
        };
        if (entry.Location is { Length: > 0 } location) appointment.Location = location;
        if (entry.Description is { Length: > 0 } description) appointment.Description = description;
        calendar.Events.Add(appointment);
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    /// <summary>
    /// A counsellor's private feed (METHOD:PUBLISH): the same UIDs as the seeker's files, the summary names only the
    /// type ("Termin: Erstgespräch") — never the seeker's name, since feeds are synced to outside calendar services.
    /// </summary>
    public static string WriteFeed(string calendarName, IEnumerable<(CalendarEntry Entry, string TypeTitle)> entries, Instant stamp)
    {
        var calendar = new Ical.Net.Calendar { Method = "PUBLISH", ProductId = "-//Sozialplattform//Termine//DE" };
        calendar.AddProperty("X-WR-CALNAME", OneLine(calendarName));
        foreach (var (entry, title) in entries)
            calendar.Events.Add(new CalendarEvent
            {
                Uid = Uid(entry.BookingId), Sequence = entry.Sequence, DtStamp = Utc(stamp), DtStart = Utc(entry.Start), DtEnd = Utc(entry.End),
                Summary = "Termin: " + OneLine(title), Status = "CONFIRMED", Transparency = "OPAQUE",
            });
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    public static string MediaType(CalendarEntry entry) => entry.Cancelled ? MediaTypeCancel : MediaTypeRequest;

    /// <summary>Names are checked when saved; this keeps a file well-formed even so (a parameter value cannot hold a line break).</summary>
    private static string OneLine(string text) => new(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray());

    private static CalDateTime Utc(Instant instant) => new(instant.ToDateTimeUtc(), "UTC");
}
