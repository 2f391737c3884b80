using Sozialplattform.Engine.Fields;

namespace Sozialplattform.Web.Components.Pages;

/// <summary>A stored UTC time as German local time, written for the reader's language.</summary>
public static class TimeText
{
    private static readonly TimeZoneInfo German = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public static string Format(DateTime utc, string language)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), German);
        // Isolated in Arabic: date and time keep their order ("2026-12-02, 04:01", not "04:01 ,2026-12-02").
        return Sozialplattform.Engine.Localization.BidiText.IsolateRuns($"{DisplayFormats.Date(DateOnly.FromDateTime(local), language)}, {local:HH:mm}", language);
    }
}
