using System.Globalization;
using System.Text.RegularExpressions;

namespace Sozialplattform.Engine.Definitions;

/// <summary>A date bound: an absolute date (<c>2024-01-31</c>) or one relative to today (<c>today</c>, <c>today-18y</c>, <c>today+30d</c>, <c>today-1y-6m</c>).</summary>
public sealed partial record DateBound(DateOnly? Absolute, int Years, int Months, int Days)
{
    public static bool TryParse(string raw, out DateBound bound)
    {
        bound = new DateBound(null, 0, 0, 0);
        raw = raw.Trim();
        if (DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            bound = bound with { Absolute = date };
            return true;
        }

        var match = RelativePattern().Match(raw);
        if (!match.Success) return false;
        int years = 0, months = 0, days = 0;
        foreach (Capture step in match.Groups["step"].Captures)
        {
            var sign = step.Value[0] == '-' ? -1 : 1;
            var amount = sign * int.Parse(step.Value[1..^1], CultureInfo.InvariantCulture);
            switch (step.Value[^1])
            {
                case 'y': years += amount; break;
                case 'm': months += amount; break;
                default: days += amount; break;
            }
        }

        bound = bound with { Years = years, Months = months, Days = days };
        return true;
    }

    public DateOnly Resolve(DateOnly today) =>
        Absolute ?? today.AddYears(Years).AddMonths(Months).AddDays(Days);

    [GeneratedRegex(@"^today(?<step>[+-][0-9]{1,4}[ymd])*$", RegexOptions.CultureInvariant)]
    private static partial Regex RelativePattern();
}
