using System.Globalization;
using System.Text.Json.Nodes;

namespace Sozialplattform.Delivery.Tenants;

/// <summary>Office hours on some weekdays, e.g. Monday to Friday 08:00–12:00 (local time).</summary>
public sealed record OfficeHours(IReadOnlyList<DayOfWeek> Days, TimeOnly From, TimeOnly To);

/// <summary>
/// Reads an authority's <c>openingHours</c>: <c>[{"days": "Mo-Fr", "from": "08:00", "to": "12:00"}, {"days": "Do", …}]</c>.
/// Days are the German abbreviations Mo Di Mi Do Fr Sa So, as a range ("Mo-Fr") or a list ("Mo,Mi"). Every bad entry
/// is reported with its place; the good ones are kept.
/// </summary>
internal static class OfficeHoursReader
{
    private static readonly string[] DayNames = ["So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"];

    public static IReadOnlyList<OfficeHours> Read(JsonFile file, JsonObject item, string entry)
    {
        var entries = file.Array(item, "openingHours", entry, required: false);
        var result = new List<OfficeHours>();
        for (var i = 0; i < (entries?.Count ?? 0); i++)
        {
            var where = $"{entry} openingHours[{i}]";
            if (entries![i] is not JsonObject hours)
            {
                file.Problem(where, "must be an object like {\"days\": \"Mo-Fr\", \"from\": \"08:00\", \"to\": \"12:00\"}");
                continue;
            }

            var days = Days(file.String(hours, "days", where), file, where);
            var from = Time(file.String(hours, "from", where), file, where, "from");
            var to = Time(file.String(hours, "to", where), file, where, "to");
            if (days is null || from is null || to is null) continue;
            if (from >= to) file.Problem(where, $"'from' {from:HH\\:mm} must be before 'to' {to:HH\\:mm}");
            else result.Add(new OfficeHours(days, from.Value, to.Value));
        }

        return result;
    }

    private static List<DayOfWeek>? Days(string? text, JsonFile file, string where)
    {
        if (text is null) return null;
        var days = new List<DayOfWeek>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var bounds = part.Split('-', StringSplitOptions.TrimEntries);
            var first = Day(bounds[0]);
            var last = bounds.Length == 2 ? Day(bounds[1]) : first;
            if (bounds.Length > 2 || first is null || last is null || (bounds.Length == 2 && Monday(first.Value) > Monday(last.Value)))
            {
                file.Problem(where, $"'days' must be weekdays Mo Di Mi Do Fr Sa So as a range \"Mo-Fr\" or a list \"Mo,Mi\", not '{text}'");
                return null;
            }

            for (var day = Monday(first.Value); day <= Monday(last.Value); day++) days.Add((DayOfWeek)(day % 7));
        }

        return days.Distinct().ToList();
    }

    private static DayOfWeek? Day(string name)
    {
        var index = Array.FindIndex(DayNames, d => d.Equals(name, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? null : (DayOfWeek)index;
    }

    /// <summary>Monday first, so that "Mo-So" is a forward range.</summary>
    private static int Monday(DayOfWeek day) => day == DayOfWeek.Sunday ? 7 : (int)day;

    private static TimeOnly? Time(string? text, JsonFile file, string where, string property)
    {
        if (text is null) return null;
        if (TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)) return time;
        file.Problem(where, $"'{property}' must be a time like 08:00, not '{text}'");
        return null;
    }
}
