using NodaTime;

namespace Sozialplattform.Appointments.Domain;

/// <summary>How the meeting takes place.</summary>
public enum MeetingWay { OnSite, Phone, Video, Chat }

/// <summary>Who gets a booking: any counsellor of the team (fairly spread) or the one the seeker names.</summary>
public enum Assignment { RoundRobin, NamedCounsellor }

/// <summary>
/// A Terminart of a centre: what is booked and the rules its free slots follow. Every duration is a whole number of
/// <see cref="SlotGrid.Cell"/>s, so the database can refuse overlapping bookings cell by cell (see <c>booking_cells</c>).
/// </summary>
public sealed record AppointmentType
{
    public required Guid Id { get; init; }
    public required Guid CentreId { get; init; }

    /// <summary>Title per language; German required.</summary>
    public required IReadOnlyDictionary<string, string> Title { get; init; }

    public required Duration Length { get; init; }
    public MeetingWay Way { get; init; } = MeetingWay.OnSite;
    public Duration BufferBefore { get; init; } = Duration.Zero;
    public Duration BufferAfter { get; init; } = Duration.Zero;
    public Duration MinimumNotice { get; init; } = Duration.FromHours(2);

    /// <summary>How many days ahead (counted in local dates from today) one can book.</summary>
    public int HorizonDays { get; init; } = 60;

    /// <summary>Distance between offered starts inside an availability window.</summary>
    public Duration Interval { get; init; } = Duration.FromMinutes(30);

    /// <summary>Bookings of this type per counsellor per local day / ISO week; null: no limit.</summary>
    public int? MaxPerDay { get; init; }
    public int? MaxPerWeek { get; init; }

    public Assignment Assignment { get; init; } = Assignment.RoundRobin;

    /// <summary>The counsellors who take this type.</summary>
    public required IReadOnlyList<Guid> Counsellors { get; init; }

    /// <summary>What the person who books is asked (<see cref="BookingQuestions"/>).</summary>
    public BookingQuestions Questions { get; init; } = BookingQuestions.Default;

    /// <summary>
    /// A deactivated type takes no new bookings and is no longer offered; its existing bookings stay valid and can be
    /// moved and cancelled. Kept in the row (<c>appointment_types.Active</c>), not in the type's JSON.
    /// </summary>
    public bool Active { get; init; } = true;

    /// <summary>The span a booking of this type keeps the counsellor busy: its buffers around it.</summary>
    public (Instant From, Instant Until) Blocked(Instant start) => (start - BufferBefore, start + Length + BufferAfter);
}
