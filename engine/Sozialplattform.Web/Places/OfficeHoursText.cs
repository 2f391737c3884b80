using System.Globalization;
using Sozialplattform.Delivery.Tenants;
using Sozialplattform.Engine.Localization;

namespace Sozialplattform.Web.Places;

/// <summary>Office hours written for the reader's language: "Montag – Freitag: 08:00 – 12:00", weekday names from the culture.</summary>
public static class OfficeHoursText
{
    public static string Format(OfficeHours hours, string language)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        var days = Days(hours.Days, culture);
        var times = $"{hours.From.ToString("HH:mm", CultureInfo.InvariantCulture)} – {hours.To.ToString("HH:mm", CultureInfo.InvariantCulture)}";
        // Times stay in reading order inside right-to-left text.
        return $"{days}: {BidiText.IsolateRuns(times, language)}";
    }

    /// <summary>Three or more consecutive days as a range, otherwise listed.</summary>
    private static string Days(IReadOnlyList<DayOfWeek> days, CultureInfo culture)
    {
        var ordered = days.OrderBy(MondayFirst).ToList();
        var consecutive = ordered.Count >= 3 && ordered.Zip(ordered.Skip(1)).All(p => MondayFirst(p.Second) == MondayFirst(p.First) + 1);
        return consecutive
            ? $"{culture.DateTimeFormat.GetDayName(ordered[0])} – {culture.DateTimeFormat.GetDayName(ordered[^1])}"
            : string.Join(", ", ordered.Select(culture.DateTimeFormat.GetDayName));
    }

    private static int MondayFirst(DayOfWeek day) => day == DayOfWeek.Sunday ? 7 : (int)day;
}
