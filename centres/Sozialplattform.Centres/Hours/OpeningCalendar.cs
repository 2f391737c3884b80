using System.Collections.Concurrent;
using NodaTime;
using PublicHoliday;
using Sozialplattform.Centres.Records;

namespace Sozialplattform.Centres.Hours;

/// <summary>Whether a centre is open at a moment, and when it opens next.</summary>
/// <param name="Until">When open: the local end of the current opening.</param>
/// <param name="NextOpening">When closed: the local start of the next opening within two weeks, else null.</param>
public sealed record OpeningState(bool OpenNow, LocalDateTime? Until, LocalDateTime? NextOpening);

/// <summary>
/// Evaluates <see cref="OpeningHours"/> in Europe/Berlin: an exception replaces the week's hours of its date, a
/// public holiday of the centre's state closes (unless the centre says otherwise), 00:00 as closing time is midnight.
/// All comparisons are in local time, so daylight-saving changes move nothing.
/// </summary>
public static class OpeningCalendar
{
    public static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
    private const int LookAheadDays = 14;

    /// <param name="state">The 2-digit ARS of the centre's state (holidays differ by state); null: federal holidays only.</param>
    public static OpeningState At(OpeningHours hours, Instant now, string? state)
    {
        var local = now.InZone(Berlin).LocalDateTime;
        foreach (var (opens, closes) in Openings(hours, local.Date, state))
            if (opens <= local && local < closes) return new OpeningState(true, Extend(hours, closes, state), null);

        for (var day = 0; day <= LookAheadDays; day++)
            foreach (var (opens, _) in Openings(hours, local.Date.PlusDays(day), state))
                if (opens > local) return new OpeningState(false, null, opens);
        return new OpeningState(false, null, null);
    }

    /// <summary>The openings of one local date as local start/end (end at midnight is the next day's 00:00), in order.</summary>
    public static IReadOnlyList<(LocalDateTime Opens, LocalDateTime Closes)> Openings(OpeningHours hours, LocalDate date, string? state)
    {
        var exception = hours.Exceptions.FirstOrDefault(e => e.Date == date);
        IEnumerable<TimeRange> ranges = exception is not null ? exception.Hours
            : hours.ClosedOnPublicHolidays && IsPublicHoliday(date, state) ? []
            : hours.Weekly.Where(w => w.Day == date.DayOfWeek).Select(w => new TimeRange(w.Opens, w.Closes));
        return ranges
            .Select(r => (date + r.Opens, r.EndsAtMidnight ? date.PlusDays(1).AtMidnight() : date + r.Closes))
            .OrderBy(r => r.Item1).ToList();
    }

    private static readonly ConcurrentDictionary<(string? State, int Year), HashSet<LocalDate>> HolidaysByYear = new();

    /// <summary>
    /// The state's public holidays of the date's year are computed once per process: the library computes a whole year
    /// for every question, and opening hours and free slots ask for many days of the same year.
    /// </summary>
    public static bool IsPublicHoliday(LocalDate date, string? state) =>
        HolidaysByYear.GetOrAdd((state, date.Year), key =>
        {
            var library = Holidays(key.State);
            var first = new LocalDate(key.Year, 1, 1);
            return Enumerable.Range(0, first.Calendar.GetDaysInYear(key.Year)).Select(first.PlusDays)
                .Where(day => library.IsPublicHoliday(day.ToDateTimeUnspecified())).ToHashSet();
        }).Contains(date);

    /// <summary>An opening that ends at midnight and goes on at 00:00 the next day is one opening.</summary>
    private static LocalDateTime Extend(OpeningHours hours, LocalDateTime closes, string? state)
    {
        for (var guard = 0; guard < 7 && closes.TimeOfDay == LocalTime.Midnight; guard++)
        {
            var next = Openings(hours, closes.Date, state).FirstOrDefault(o => o.Opens == closes);
            if (next == default) break;
            closes = next.Closes;
        }

        return closes;
    }

    private static GermanPublicHoliday Holidays(string? state) => new()
    {
        State = state switch
        {
            "01" => GermanPublicHoliday.States.SH, "02" => GermanPublicHoliday.States.HH, "03" => GermanPublicHoliday.States.NI,
            "04" => GermanPublicHoliday.States.HB, "05" => GermanPublicHoliday.States.NW, "06" => GermanPublicHoliday.States.HE,
            "07" => GermanPublicHoliday.States.RP, "08" => GermanPublicHoliday.States.BW, "09" => GermanPublicHoliday.States.BY,
            "10" => GermanPublicHoliday.States.SL, "11" => GermanPublicHoliday.States.BE, "12" => GermanPublicHoliday.States.BB,
            "13" => GermanPublicHoliday.States.MV, "14" => GermanPublicHoliday.States.SN, "15" => GermanPublicHoliday.States.ST,
            "16" => GermanPublicHoliday.States.TH, _ => GermanPublicHoliday.States.ALL,
        },
    };
}
