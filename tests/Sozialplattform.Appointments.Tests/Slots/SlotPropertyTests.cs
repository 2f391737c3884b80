using CsCheck;
using NodaTime;
using Sozialplattform.Appointments.Domain;
using Sozialplattform.Appointments.Slots;
using static Sozialplattform.Appointments.Tests.Infrastructure.TestSchedules;

namespace Sozialplattform.Appointments.Tests.Slots;

/// <summary>
/// Random schedules, types, bookings and moments (around both daylight-saving changes of 2027 too): whatever they are,
/// no offered slot overlaps a booking or a buffer, and every offered slot can be booked — after which it is gone.
/// </summary>
public sealed class SlotPropertyTests
{
    private static readonly Gen<Duration> Minutes = Gen.Int[0, 12].Select(n => Duration.FromMinutes(n * 5));

    private static readonly Gen<WeeklyWindow> Window =
        Gen.Select(Gen.Enum<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None), Gen.Int[0, 22 * 12], Gen.Int[1, 8 * 12])
            .Select((day, start, length) => new WeeklyWindow(day, LocalTime.Midnight.PlusMinutes(start * 5), LocalTime.Midnight.PlusMinutes(Math.Min(start * 5 + length * 5, 23 * 60 + 55))))
            .Where(w => w.From < w.Until);

    private static readonly Gen<Instant> Now = Gen.OneOf(
        Gen.Int[0, 400 * 24].Select(h => At(2026, 12, 1, 0) + Duration.FromHours(h)),
        Gen.Int[-48, 24].Select(h => At(2027, 3, 28, 0) + Duration.FromHours(h)),
        Gen.Int[-48, 24].Select(h => At(2027, 10, 31, 0) + Duration.FromHours(h)));

    private static readonly Gen<SlotQuery> Query =
        Gen.Select(Window.Array[1, 6], Window.Array[0, 6], Gen.Int[1, 24].Select(n => Duration.FromMinutes(n * 5)), Minutes, Minutes, Gen.Int[1, 12].Select(n => Duration.FromMinutes(n * 5)), Now, Gen.Bool)
            .Select((annaWeek, benWeek, length, before, after, interval, now, roundRobin) =>
            {
                var type = FirstMeeting(Anna, Ben) with
                {
                    Length = length, BufferBefore = before, BufferAfter = after, Interval = interval, HorizonDays = 4, MinimumNotice = Duration.FromMinutes(30),
                    Assignment = roundRobin ? Assignment.RoundRobin : Assignment.NamedCounsellor,
                };
                return new SlotQuery(type, [Counsellor(Anna, "Anna", annaWeek), Counsellor(Ben, "Ben", benWeek)], Nrw, [], now, roundRobin ? null : Anna);
            })
            .SelectMany(query => Gen.Int[0, 5].Array[0, 8].Select(picks => WithBookings(query, picks)));

    /// <summary>Books some of the free slots one after another, as real seekers would.</summary>
    private static SlotQuery WithBookings(SlotQuery query, int[] picks)
    {
        foreach (var pick in picks)
        {
            var free = SlotEngine.FreeSlots(query);
            if (free.Count == 0) break;
            var slot = free[pick * 7 % free.Count];
            query = query with { Busy = [.. query.Busy, BusyWith(query.Type, slot.CounsellorId, slot.Start)] };
        }

        return query;
    }

    [Fact]
    public void No_offered_slot_overlaps_a_booking_or_a_buffer() => Query.Sample(query =>
    {
        foreach (var slot in SlotEngine.FreeSlots(query))
        {
            var (from, until) = query.Type.Blocked(slot.Start);
            query.Busy.ShouldNotContain(b => b.CounsellorId == slot.CounsellorId && b.BlockedFrom < until && from < b.BlockedUntil, $"{Local(slot.Start)} overlaps");
        }
    }, iter: 300);

    [Fact]
    public void Every_offered_slot_is_bookable_and_after_booking_no_longer_offered() => Query.Sample(query =>
    {
        var free = SlotEngine.FreeSlots(query);
        foreach (var slot in free)
        {
            SlotEngine.IsBookable(query, slot.CounsellorId, slot.Start).ShouldBeTrue(Local(slot.Start));
            slot.Start.ShouldBeGreaterThanOrEqualTo(query.Now + query.Type.MinimumNotice);
            (slot.End - slot.Start).ShouldBe(query.Type.Length);
        }

        if (free.Count == 0) return;
        var taken = free[free.Count / 2];
        var after = query with { Busy = [.. query.Busy, BusyWith(query.Type, taken.CounsellorId, taken.Start)] };
        SlotEngine.IsBookable(after, taken.CounsellorId, taken.Start).ShouldBeFalse();
    }, iter: 300);

    [Fact]
    public void Offered_starts_are_unique_in_order_and_on_the_five_minute_grid() => Query.Sample(query =>
    {
        var starts = SlotEngine.FreeSlots(query).Select(s => s.Start).ToList();
        starts.ShouldBe(starts.Order().Distinct().ToList());
        starts.ShouldAllBe(s => SlotGrid.Fits(s));
    }, iter: 300);
}
