using NodaTime;

namespace Sozialplattform.Appointments.Slots;

/// <summary>
/// Every time and duration of a booking is a whole number of five-minute cells (checked when a type or schedule is
/// saved). Europe/Berlin's offsets are whole hours, so local and UTC cells coincide and a booking's buffered span is
/// exactly a set of cells; <c>booking_cells</c> keeps one row per cell with a unique key, so two overlapping bookings
/// of one counsellor cannot both be stored — whatever checked them before.
/// </summary>
public static class SlotGrid
{
    public static readonly Duration Cell = Duration.FromMinutes(5);

    public static bool Fits(Duration duration) => duration >= Duration.Zero && duration.BclCompatibleTicks % Cell.BclCompatibleTicks == 0;

    public static bool Fits(LocalTime time) => time.Second == 0 && time.NanosecondOfSecond == 0 && time.Minute % 5 == 0;

    public static bool Fits(Instant instant) => instant.ToUnixTimeTicks() % Cell.BclCompatibleTicks == 0;

    /// <summary>The cells of a span, by their start.</summary>
    public static IEnumerable<Instant> Cells(Instant from, Instant until)
    {
        for (var cell = from; cell < until; cell += Cell) yield return cell;
    }
}
