using NodaTime;
using Sozialplattform.Centres.Hours;
using Sozialplattform.Centres.Records;

namespace Sozialplattform.Centres.Tests.Hours;

public sealed class OpeningCalendarTests
{
    private static readonly OpeningHours Weekdays = new()
    {
        Weekly = [.. new[] { IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday }
            .Select(d => new WeeklyHours(d, new LocalTime(9, 0), new LocalTime(16, 0)))],
    };

    private static Instant Berlin(int year, int month, int day, int hour, int minute = 0) =>
        new LocalDateTime(year, month, day, hour, minute).InZoneLeniently(OpeningCalendar.Berlin).ToInstant();

    [Fact]
    public void During_the_weekly_hours_the_centre_is_open_until_the_end_of_the_opening()
    {
        var state = OpeningCalendar.At(Weekdays, Berlin(2026, 12, 2, 10), "05");

        state.OpenNow.ShouldBeTrue();
        state.Until.ShouldBe(new LocalDateTime(2026, 12, 2, 16, 0));
    }

    [Fact]
    public void In_the_evening_the_centre_opens_tomorrow_at_nine()
    {
        var state = OpeningCalendar.At(Weekdays, Berlin(2026, 12, 2, 18), "05");

        state.OpenNow.ShouldBeFalse();
        state.NextOpening.ShouldBe(new LocalDateTime(2026, 12, 3, 9, 0));
    }

    [Fact]
    public void A_public_holiday_of_the_state_closes_and_the_next_working_day_opens()
    {
        // 2026-12-25 (Friday) and 2026-12-26 are holidays everywhere; the next opening is Monday the 28th.
        var state = OpeningCalendar.At(Weekdays, Berlin(2026, 12, 25, 10), "05");

        state.OpenNow.ShouldBeFalse();
        state.NextOpening.ShouldBe(new LocalDateTime(2026, 12, 28, 9, 0));
    }

    [Fact]
    public void Holidays_depend_on_the_state_Corpus_Christi_closes_in_NRW_but_not_in_Berlin()
    {
        var corpusChristi = Berlin(2026, 6, 4, 10);

        OpeningCalendar.At(Weekdays, corpusChristi, "05").OpenNow.ShouldBeFalse();
        OpeningCalendar.At(Weekdays, corpusChristi, "11").OpenNow.ShouldBeTrue();
    }

    [Fact]
    public void An_exception_replaces_the_weekly_hours_of_its_date()
    {
        var hours = Weekdays with { Exceptions = [new HoursException(new LocalDate(2026, 12, 2)) { Hours = [new TimeRange(new LocalTime(13, 0), new LocalTime(15, 0))] }] };

        OpeningCalendar.At(hours, Berlin(2026, 12, 2, 10), "05").NextOpening.ShouldBe(new LocalDateTime(2026, 12, 2, 13, 0));
        OpeningCalendar.At(hours, Berlin(2026, 12, 2, 14), "05").OpenNow.ShouldBeTrue();
    }

    [Fact]
    public void An_opening_that_closes_at_midnight_is_open_until_midnight_and_joins_the_next_days_early_hours()
    {
        var night = new OpeningHours
        {
            ClosedOnPublicHolidays = false,
            Weekly = [new WeeklyHours(IsoDayOfWeek.Friday, new LocalTime(20, 0), LocalTime.Midnight), new WeeklyHours(IsoDayOfWeek.Saturday, LocalTime.Midnight, new LocalTime(2, 0))],
        };

        OpeningCalendar.At(night, Berlin(2026, 12, 4, 23, 59), "05").Until.ShouldBe(new LocalDateTime(2026, 12, 5, 2, 0));
        OpeningCalendar.At(night, Berlin(2026, 12, 5, 1, 30), "05").OpenNow.ShouldBeTrue();
        OpeningCalendar.At(night, Berlin(2026, 12, 5, 2, 0), "05").OpenNow.ShouldBeFalse();
    }

    [Fact]
    public void On_the_day_clocks_go_forward_local_opening_times_hold_in_summer_time()
    {
        // Sunday 2026-03-29 02:00 → 03:00; on Monday 07:30 UTC is 09:30 CEST (open), not 08:30 as in winter time.
        var state = OpeningCalendar.At(Weekdays, Instant.FromUtc(2026, 3, 30, 7, 30), "05");

        state.OpenNow.ShouldBeTrue();
    }

    [Fact]
    public void On_the_day_clocks_go_back_an_opening_spanning_the_change_lasts_its_local_hours()
    {
        var sunday = new OpeningHours { ClosedOnPublicHolidays = false, Weekly = [new WeeklyHours(IsoDayOfWeek.Sunday, new LocalTime(1, 0), new LocalTime(4, 0))] };

        // 2026-10-25 03:00 CEST → 02:00 CET; 01:30 UTC is 02:30 CET, inside 01:00–04:00.
        OpeningCalendar.At(sunday, Instant.FromUtc(2026, 10, 25, 1, 30), "05").OpenNow.ShouldBeTrue();
        OpeningCalendar.At(sunday, Instant.FromUtc(2026, 10, 25, 3, 0), "05").OpenNow.ShouldBeFalse();
    }
}
