using NodaTime;
using NodaTime.Calendars;
using Sozialplattform.Appointments.Domain;
using Sozialplattform.Centres.Hours;

namespace Sozialplattform.Appointments.Slots;

/// <summary>
/// The free slots of an appointment type: a pure function of the counsellors' weeks, their date exceptions, the public
/// holidays of the centre's Land, the existing bookings with their buffers, the notice, the horizon and the limits.
/// Windows are local (Europe/Berlin) times; a start that does not exist on the day clocks go forward is not offered,
/// a start that exists twice on the day they go back is offered once (the first), and a slot's end is its start plus
/// its length in elapsed time — so a slot across a change lasts what it says.
/// </summary>
public static class SlotEngine
{
    public static readonly DateTimeZone Berlin = OpeningCalendar.Berlin;

    /// <summary>The offered slots in order of start; round robin offers each start once, with the least busy counsellor.</summary>
    public static IReadOnlyList<Slot> FreeSlots(SlotQuery query)
    {
        var type = query.Type;
        var today = query.Now.InZone(Berlin).Date;
        var perCounsellor = Eligible(query).Select(c => CounsellorSlots(query, c, today, today.PlusDays(type.HorizonDays))).ToList();
        if (type.Assignment == Assignment.NamedCounsellor || perCounsellor.Count == 1) return perCounsellor.SelectMany(s => s).OrderBy(s => s.Start).ToList();

        var load = query.Busy.Where(b => b.TypeId == type.Id).GroupBy(b => b.CounsellorId).ToDictionary(g => g.Key, g => g.Count());
        var rank = type.Counsellors.Select((id, index) => (id, index)).ToDictionary(x => x.id, x => x.index);
        return perCounsellor.SelectMany(s => s)
            .GroupBy(s => s.Start)
            .Select(g => g.MinBy(s => (load.GetValueOrDefault(s.CounsellorId), rank[s.CounsellorId]))!)
            .OrderBy(s => s.Start).ToList();
    }

    /// <summary>Whether this counsellor can take this start now: the check a booking repeats before it is stored.</summary>
    public static bool IsBookable(SlotQuery query, Guid counsellorId, Instant start)
    {
        if (Eligible(query).FirstOrDefault(c => c.Id == counsellorId) is not { } counsellor) return false;
        var date = start.InZone(Berlin).Date;
        var today = query.Now.InZone(Berlin).Date;
        if (date < today || date > today.PlusDays(query.Type.HorizonDays)) return false;
        return CounsellorSlots(query, counsellor, date, date).Any(s => s.Start == start);
    }

    private static IEnumerable<Counsellor> Eligible(SlotQuery query) =>
        query.Counsellors.Where(c => query.Type.Counsellors.Contains(c.Id)
            && (query.Type.Assignment != Assignment.NamedCounsellor || c.Id == query.NamedCounsellor));

    private static List<Slot> CounsellorSlots(SlotQuery query, Counsellor counsellor, LocalDate first, LocalDate last)
    {
        var type = query.Type;
        var earliest = query.Now + type.MinimumNotice;
        var busy = query.Busy.Where(b => b.CounsellorId == counsellor.Id).OrderBy(b => b.BlockedFrom).ToArray();
        var ofType = busy.Where(b => b.TypeId == type.Id).Select(b => b.Start.InZone(Berlin).Date).ToList();
        var slots = new List<Slot>();
        var next = 0;
        for (var date = first; date <= last; date = date.PlusDays(1))
        {
            if (type.MaxPerDay is { } perDay && ofType.Count(d => d == date) >= perDay) continue;
            if (type.MaxPerWeek is { } perWeek && ofType.Count(d => SameWeek(d, date)) >= perWeek) continue;
            foreach (var (from, until) in Windows(counsellor, date, query.State))
            {
                var windowEnd = Berlin.AtLeniently(date + until).ToInstant();
                for (var local = date + from; local.Date == date && local.TimeOfDay < until; local = local.PlusTicks(type.Interval.BclCompatibleTicks))
                {
                    var mapping = Berlin.MapLocal(local);
                    if (mapping.Count == 0) continue;
                    var start = mapping.First().ToInstant();
                    var end = start + type.Length;
                    if (end > windowEnd) break;
                    if (start < earliest) continue;
                    var (blockedFrom, blockedUntil) = type.Blocked(start);
                    while (next < busy.Length && busy[next].BlockedUntil <= blockedFrom) next++;
                    if (Overlaps(busy, next, blockedFrom, blockedUntil)) continue;
                    slots.Add(new Slot(start, end, counsellor.Id));
                }
            }
        }

        return slots;
    }

    private static bool Overlaps(Busy[] busy, int from, Instant blockedFrom, Instant blockedUntil)
    {
        for (var i = from; i < busy.Length && busy[i].BlockedFrom < blockedUntil; i++)
            if (busy[i].BlockedUntil > blockedFrom) return true;
        return false;
    }

    /// <summary>The day's windows, merged and in order: the week (none on a public holiday), less blocked spans, plus extra ones.</summary>
    internal static IReadOnlyList<(LocalTime From, LocalTime Until)> Windows(Counsellor counsellor, LocalDate date, string? state)
    {
        var exceptions = counsellor.Exceptions.Where(e => e.Date == date).ToList();
        var spans = OpeningCalendar.IsPublicHoliday(date, state) ? new List<(LocalTime, LocalTime)>()
            : counsellor.Weekly.Where(w => w.Day == date.DayOfWeek).Select(w => (w.From, w.Until)).ToList();
        foreach (var blocked in exceptions.Where(e => e.Blocked))
            spans = blocked.From is { } from && blocked.Until is { } until ? Subtract(spans, from, until) : [];
        spans.AddRange(exceptions.Where(e => !e.Blocked && e.From is not null && e.Until is not null).Select(e => (e.From!.Value, e.Until!.Value)));
        return Merge(spans);
    }

    private static List<(LocalTime, LocalTime)> Subtract(List<(LocalTime From, LocalTime Until)> spans, LocalTime from, LocalTime until)
    {
        var rest = new List<(LocalTime, LocalTime)>();
        foreach (var span in spans)
        {
            if (span.Until <= from || span.From >= until) { rest.Add(span); continue; }
            if (span.From < from) rest.Add((span.From, from));
            if (span.Until > until) rest.Add((until, span.Until));
        }

        return rest;
    }

    private static List<(LocalTime From, LocalTime Until)> Merge(IEnumerable<(LocalTime From, LocalTime Until)> spans)
    {
        var merged = new List<(LocalTime From, LocalTime Until)>();
        foreach (var span in spans.Where(s => s.From < s.Until).OrderBy(s => s.From))
        {
            if (merged.Count > 0 && span.From <= merged[^1].Until)
                merged[^1] = (merged[^1].From, span.Until > merged[^1].Until ? span.Until : merged[^1].Until);
            else merged.Add(span);
        }

        return merged;
    }

    private static bool SameWeek(LocalDate a, LocalDate b) =>
        WeekYearRules.Iso.GetWeekYear(a) == WeekYearRules.Iso.GetWeekYear(b) && WeekYearRules.Iso.GetWeekOfWeekYear(a) == WeekYearRules.Iso.GetWeekOfWeekYear(b);
}
