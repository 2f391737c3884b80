namespace Sozialplattform.Web.Inbox;

/// <summary>Dates as caseworkers mean them: days in German time, turned into the UTC instants the storage keeps.</summary>
public sealed class InboxClock(TimeProvider clock)
{
    public static readonly TimeZoneInfo German = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), German).DateTime);

    /// <summary>The UTC instant at which <paramref name="day"/> begins in Germany.</summary>
    public static DateTime StartOf(DateOnly day) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), German);

    /// <summary>A date typed by a caseworker: <c>2026-03-16</c> (what a date input sends) or <c>16.03.2026</c>.</summary>
    public static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), ["yyyy-MM-dd", "d.M.yyyy"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day) ? day : null;

    public static string Date(DateOnly day, string lang) => lang == "en" ? day.ToString("d MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")) : day.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);

    public static string Time(DateTime utc, string lang)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), German);
        return $"{Date(DateOnly.FromDateTime(local), lang)}, {local:HH:mm}";
    }
}
