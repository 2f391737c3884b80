using NodaTime;
using Sozialplattform.Centres.Records;

namespace Sozialplattform.Centres.Validation;

/// <summary>Opening hours that end before they start (00:00 is midnight and allowed) or overlap on one day.</summary>
internal static class HoursCheck
{
    public static void Check(List<CentreError> errors, OpeningHours hours)
    {
        var weekly = hours.Weekly ?? [];
        for (var i = 0; i < weekly.Count; i++) Range(errors, $"openingHours.weekly[{i}]", new TimeRange(weekly[i].Opens, weekly[i].Closes));
        foreach (var day in weekly.Select((w, i) => (w, i)).GroupBy(x => x.w.Day))
            Overlaps(errors, day.Select(x => ($"openingHours.weekly[{x.i}]", new TimeRange(x.w.Opens, x.w.Closes))).ToList(), day.Key.ToString());

        var exceptions = hours.Exceptions ?? [];
        for (var i = 0; i < exceptions.Count; i++)
        {
            var ranges = exceptions[i].Hours ?? [];
            for (var j = 0; j < ranges.Count; j++) Range(errors, $"openingHours.exceptions[{i}].hours[{j}]", ranges[j]);
            Overlaps(errors, ranges.Select((r, j) => ($"openingHours.exceptions[{i}].hours[{j}]", r)).ToList(), exceptions[i].Date.ToString("yyyy-MM-dd", null));
            if (exceptions.Take(i).Any(e => e.Date == exceptions[i].Date))
                errors.Add(new($"openingHours.exceptions[{i}].date", "exceptionTwice", exceptions[i].Date.ToString("yyyy-MM-dd", null)));
        }
    }

    private static void Range(List<CentreError> errors, string path, TimeRange range)
    {
        if (!range.EndsAtMidnight && range.Closes <= range.Opens)
            errors.Add(new(path, "hoursEndBeforeStart", Time(range.Opens), Time(range.Closes)));
    }

    private static void Overlaps(List<CentreError> errors, List<(string Path, TimeRange Range)> day, string dayName)
    {
        var ordered = day.OrderBy(d => d.Range.Opens).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            var previousEnd = ordered[i - 1].Range.EndsAtMidnight ? LocalTime.MaxValue : ordered[i - 1].Range.Closes;
            if (ordered[i].Range.Opens < previousEnd) errors.Add(new(ordered[i].Path, "hoursOverlap", dayName));
        }
    }

    private static string Time(LocalTime time) => time.ToString("HH:mm", null);
}
