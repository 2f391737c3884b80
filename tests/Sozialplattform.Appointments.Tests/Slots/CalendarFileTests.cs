using Ical.Net.Serialization;
using NodaTime;
using Sozialplattform.Appointments.Calendar;
using static Sozialplattform.Appointments.Tests.Infrastructure.TestSchedules;

namespace Sozialplattform.Appointments.Tests.Slots;

public sealed class CalendarFileTests
{
    private static readonly Guid Booking = Guid.Parse("0b0b0b0b-0000-0000-0000-000000000001");

    private static Ical.Net.Calendar Parse(string text) => Ical.Net.Calendar.Load(text)!;

    [Fact]
    public void A_new_appointment_is_a_request_with_the_bookings_uid_its_times_in_utc_and_only_the_neutral_name()
    {
        var start = At(2026, 12, 7, 10);
        var text = CalendarFile.Write(new CalendarEntry(Booking, 0, start, start + Duration.FromMinutes(50), "Beratung Mitte", "Musterstraße 1, 50667 Köln", null, false), At(2026, 12, 1, 9), "noreply@example.org");

        var calendar = Parse(text);
        calendar.Method.ShouldBe("REQUEST");
        var entry = calendar.Events.Single();
        entry.Uid.ShouldBe($"{Booking:N}@termine.sozialplattform");
        entry.Sequence.ShouldBe(0);
        entry.Summary.ShouldBe("Termin bei Beratung Mitte");
        entry.DtStart!.AsUtc.ShouldBe(start.ToDateTimeUtc());
        entry.DtEnd!.AsUtc.ShouldBe(start.ToDateTimeUtc().AddMinutes(50));
        entry.Status.ShouldBe("CONFIRMED");
    }

    [Fact]
    public void A_cancellation_keeps_the_uid_raises_the_sequence_and_says_cancel()
    {
        var start = At(2026, 12, 7, 10);
        var text = CalendarFile.Write(new CalendarEntry(Booking, 2, start, start + Duration.FromMinutes(50), "Beratung Mitte", null, null, true), At(2026, 12, 1, 9), "noreply@example.org");

        var calendar = Parse(text);
        calendar.Method.ShouldBe("CANCEL");
        var entry = calendar.Events.Single();
        (entry.Uid, entry.Sequence, entry.Status).ShouldBe(($"{Booking:N}@termine.sozialplattform", 2, "CANCELLED"));
    }

    [Fact]
    public void A_neutral_name_with_line_breaks_or_semicolons_cannot_add_properties_to_the_file()
    {
        var start = At(2026, 12, 7, 10);
        var text = CalendarFile.Write(new CalendarEntry(Booking, 0, start, start + Duration.FromMinutes(50), "X\r\nATTENDEE:mailto:evil@example.org;a,b", null, null, false), At(2026, 12, 1, 9), "noreply@example.org");

        Parse(text).Events.Single().Attendees.ShouldBeEmpty();
        text.ShouldNotContain("\r\nATTENDEE");
    }
}
