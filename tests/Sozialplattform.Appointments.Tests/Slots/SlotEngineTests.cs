using NodaTime;
using Sozialplattform.Appointments.Domain;
using Sozialplattform.Appointments.Slots;
using static Sozialplattform.Appointments.Tests.Infrastructure.TestSchedules;

namespace Sozialplattform.Appointments.Tests.Slots;

public sealed class SlotEngineTests
{
    // Monday 2026-12-07, 08:00 in Köln
    private static readonly Instant MondayMorning = At(2026, 12, 7, 8);

    private static IReadOnlyList<Slot> Free(AppointmentType type, Instant now, IReadOnlyList<Busy>? busy = null, params Counsellor[] counsellors) =>
        SlotEngine.FreeSlots(new SlotQuery(type, counsellors.Length > 0 ? counsellors : [Counsellor(Anna)], Nrw, busy ?? [], now));

    [Fact]
    public void A_window_of_three_hours_offers_every_half_hour_whose_meeting_ends_inside_it()
    {
        var slots = Free(FirstMeeting() with { MinimumNotice = Duration.Zero, HorizonDays = 0 }, MondayMorning);

        slots.Select(s => Local(s.Start)).ShouldBe(["2026-12-07 09:00", "2026-12-07 09:30", "2026-12-07 10:00", "2026-12-07 10:30", "2026-12-07 11:00"]);
        slots[0].End.ShouldBe(At(2026, 12, 7, 9, 50));
    }

    [Fact]
    public void The_minimum_notice_hides_slots_that_start_too_soon()
    {
        var slots = Free(FirstMeeting() with { MinimumNotice = Duration.FromHours(2), HorizonDays = 0 }, At(2026, 12, 7, 8, 15));

        Local(slots[0].Start).ShouldBe("2026-12-07 10:30");
    }

    [Fact]
    public void Nothing_is_offered_beyond_the_horizon_counted_in_local_days()
    {
        var slots = Free(FirstMeeting() with { HorizonDays = 3 }, MondayMorning);

        slots.Max(s => Local(s.Start)).ShouldStartWith("2026-12-10");
    }

    [Fact]
    public void A_booking_and_its_buffer_take_the_slots_they_touch()
    {
        var type = FirstMeeting() with { MinimumNotice = Duration.Zero, HorizonDays = 0 };
        var booked = BusyWith(type, Anna, At(2026, 12, 7, 10, 0)); // 10:00–10:50 and 10 minutes after: blocks 10:00–11:00

        Free(type, MondayMorning, [booked]).Select(s => Local(s.Start)[11..]).ShouldBe(["09:00", "11:00"]);

        var withBufferBefore = type with { BufferBefore = Duration.FromMinutes(10) }; // now 11:00 needs 10:50–11:00 free
        Free(withBufferBefore, MondayMorning, [BusyWith(withBufferBefore, Anna, At(2026, 12, 7, 10, 0))]).ShouldBeEmpty();
    }

    [Fact]
    public void A_public_holiday_of_the_centres_Land_closes_the_day_and_another_Lands_does_not()
    {
        // Corpus Christi 2027-05-27 is a holiday in NRW, not in Berlin
        var type = FirstMeeting() with { MinimumNotice = Duration.Zero, HorizonDays = 0 };
        var now = At(2027, 5, 27, 7);

        SlotEngine.FreeSlots(new SlotQuery(type, [Counsellor(Anna)], "05", [], now)).ShouldBeEmpty();
        SlotEngine.FreeSlots(new SlotQuery(type, [Counsellor(Anna)], "11", [], now)).ShouldNotBeEmpty();
    }

    [Fact]
    public void A_blocked_span_removes_its_slots_and_an_extra_span_adds_some_even_on_a_holiday()
    {
        var type = FirstMeeting() with { MinimumNotice = Duration.Zero, HorizonDays = 0 };
        var anna = Counsellor(Anna) with
        {
            Exceptions = [new DateException(new LocalDate(2026, 12, 7), Blocked: true, new LocalTime(9, 0), new LocalTime(10, 30))],
        };
        Free(type, MondayMorning, null, anna).Select(s => Local(s.Start)[11..]).ShouldBe(["10:30", "11:00"]);

        var onHoliday = Counsellor(Anna) with { Exceptions = [new DateException(new LocalDate(2026, 12, 25), Blocked: false, new LocalTime(14, 0), new LocalTime(15, 0))] };
        Free(type, At(2026, 12, 25, 7), null, onHoliday).Select(s => Local(s.Start)[11..]).ShouldBe(["14:00"]);
    }

    [Fact]
    public void A_whole_day_blocked_offers_nothing_that_day()
    {
        var anna = Counsellor(Anna) with { Exceptions = [new DateException(new LocalDate(2026, 12, 7), Blocked: true)] };

        Free(FirstMeeting() with { MinimumNotice = Duration.Zero, HorizonDays = 0 }, MondayMorning, null, anna).ShouldBeEmpty();
    }

    [Fact]
    public void The_daily_limit_closes_a_day_once_reached_and_the_weekly_limit_the_week()
    {
        var type = FirstMeeting() with { MinimumNotice = Duration.Zero, HorizonDays = 6, MaxPerDay = 1 };
        var monday = BusyWith(type, Anna, At(2026, 12, 7, 9));

        Free(type, MondayMorning, [monday]).ShouldNotContain(s => Local(s.Start).StartsWith("2026-12-07"));
        Free(type with { MaxPerDay = null, MaxPerWeek = 1 }, MondayMorning, [monday]).ShouldBeEmpty(); // the rest of this ISO week (Mon–Sun)
    }

    [Fact]
    public void Round_robin_offers_each_start_once_with_the_counsellor_who_has_fewer_bookings()
    {
        var type = FirstMeeting(Anna, Ben) with { MinimumNotice = Duration.Zero, HorizonDays = 0 };
        var annaBusy = BusyWith(type, Anna, At(2026, 12, 7, 11));

        var slots = Free(type, MondayMorning, [annaBusy], Counsellor(Anna), Counsellor(Ben));

        slots.Select(s => Local(s.Start)[11..]).ShouldBe(["09:00", "09:30", "10:00", "10:30", "11:00"]);
        slots.ShouldAllBe(s => s.CounsellorId == Ben);
    }

    [Fact]
    public void A_named_counsellor_type_offers_only_that_counsellors_slots()
    {
        var type = FirstMeeting(Anna, Ben) with { Assignment = Assignment.NamedCounsellor, MinimumNotice = Duration.Zero, HorizonDays = 0 };
        var ben = Counsellor(Ben, "Ben", new WeeklyWindow(IsoDayOfWeek.Monday, new LocalTime(14, 0), new LocalTime(15, 0)));

        var slots = SlotEngine.FreeSlots(new SlotQuery(type, [Counsellor(Anna), ben], Nrw, [], MondayMorning, NamedCounsellor: Ben));

        slots.Select(s => (Local(s.Start)[11..], s.CounsellorId)).ShouldBe([("14:00", Ben)]);
    }

    [Fact]
    public void On_the_spring_change_a_start_in_the_missing_hour_is_not_offered_and_a_slot_across_it_lasts_its_length()
    {
        // 2027-03-28: 02:00 becomes 03:00
        var night = Counsellor(Anna, "Nacht", new WeeklyWindow(IsoDayOfWeek.Sunday, new LocalTime(1, 0), new LocalTime(5, 0)));
        var type = FirstMeeting() with { Length = Duration.FromMinutes(60), BufferAfter = Duration.Zero, MinimumNotice = Duration.Zero, HorizonDays = 0 };

        var slots = Free(type, At(2027, 3, 28, 0), null, night);

        slots.Select(s => Local(s.Start)[11..]).ShouldBe(["01:00", "01:30", "03:00", "03:30", "04:00"]);
        Local(slots[1].End)[11..].ShouldBe("03:30"); // 01:30 + 60 elapsed minutes
        slots.ShouldAllBe(s => s.End - s.Start == Duration.FromMinutes(60));
    }

    [Fact]
    public void On_the_autumn_change_the_repeated_hour_is_offered_once_and_the_window_holds_one_hour_more()
    {
        // 2027-10-31: 03:00 becomes 02:00 again
        var night = Counsellor(Anna, "Nacht", new WeeklyWindow(IsoDayOfWeek.Sunday, new LocalTime(1, 0), new LocalTime(4, 0)));
        var type = FirstMeeting() with { Length = Duration.FromMinutes(60), BufferAfter = Duration.Zero, MinimumNotice = Duration.Zero, HorizonDays = 0, Interval = Duration.FromMinutes(60) };

        var slots = Free(type, At(2027, 10, 31, 0), null, night);

        slots.Select(s => Local(s.Start)[11..]).ShouldBe(["01:00", "02:00", "03:00"]);
        (slots[1].Start - slots[0].Start).ShouldBe(Duration.FromHours(1));
        (slots[2].Start - slots[1].Start).ShouldBe(Duration.FromHours(2)); // the first 02:00 is offered, its repetition is not
    }

    [Fact]
    public void A_slot_is_bookable_only_with_its_counsellor_at_its_exact_start()
    {
        var type = FirstMeeting() with { MinimumNotice = Duration.Zero };
        var query = new SlotQuery(type, [Counsellor(Anna)], Nrw, [], MondayMorning);

        SlotEngine.IsBookable(query, Anna, At(2026, 12, 7, 9)).ShouldBeTrue();
        SlotEngine.IsBookable(query, Anna, At(2026, 12, 7, 9, 15)).ShouldBeFalse(); // off the interval
        SlotEngine.IsBookable(query, Anna, At(2026, 12, 7, 7)).ShouldBeFalse();      // in the past
        SlotEngine.IsBookable(query, Anna, At(2026, 12, 7, 13)).ShouldBeFalse();     // outside availability
        SlotEngine.IsBookable(query, Ben, At(2026, 12, 7, 9)).ShouldBeFalse();       // not a counsellor of the type
        SlotEngine.IsBookable(query, Anna, At(2027, 2, 1, 9)).ShouldBeFalse();       // beyond the horizon
    }

    [Fact]
    public void Types_and_schedules_off_the_five_minute_grid_or_reversed_are_refused_with_every_problem()
    {
        var type = FirstMeeting() with { Length = Duration.FromMinutes(47), Interval = Duration.Zero, Title = new Dictionary<string, string>(), Counsellors = [] };
        ScheduleCheck.Check(type).Select(e => (e.Path, e.Code)).ShouldBe([("title.de", "required"), ("length", "notOnGrid"), ("interval", "mustBePositive"), ("counsellors", "required")], ignoreOrder: true);

        var anna = Counsellor(Anna, "Anna", new WeeklyWindow(IsoDayOfWeek.Monday, new LocalTime(12, 0), new LocalTime(9, 2)));
        ScheduleCheck.Check(anna).Select(e => e.Code).ShouldBe(["notOnGrid", "endsBeforeStart"]);
    }
}
