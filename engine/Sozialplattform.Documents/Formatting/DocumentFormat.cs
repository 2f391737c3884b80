using System.Globalization;

namespace Sozialplattform.Documents.Formatting;

/// <summary>Formats the few values the documents add themselves (dates, file sizes); answers arrive formatted.</summary>
public static class DocumentFormat
{
    private static readonly Lazy<TimeZoneInfo> Berlin = new(() =>
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Berlin", out var zone) ? zone : TimeZoneInfo.Utc);

    /// <summary>German authorities date documents in German local time.</summary>
    public static TimeZoneInfo GermanTime => Berlin.Value;

    public static string DateTime(DateTimeOffset value, string language, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(value, zone);
        return IsGerman(language)
            ? local.ToString("dd.MM.yyyy, HH:mm 'Uhr'", CultureInfo.InvariantCulture)
            : local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }

    public static string Date(DateTimeOffset value, string language, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(value, zone);
        return local.ToString(IsGerman(language) ? "dd.MM.yyyy" : "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    public static string FileSize(long bytes, string language)
    {
        var culture = IsGerman(language) ? CultureInfo.GetCultureInfo("de-DE") : CultureInfo.InvariantCulture;
        return bytes switch
        {
            < 1024 => string.Format(culture, "{0} B", bytes),
            < 1024 * 1024 => string.Format(culture, "{0:0.#} KB", bytes / 1024d),
            _ => string.Format(culture, "{0:0.#} MB", bytes / (1024d * 1024d)),
        };
    }

    private static bool IsGerman(string language) => language.StartsWith("de", StringComparison.OrdinalIgnoreCase);
}
