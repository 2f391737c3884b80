using System.Globalization;
using System.Text.Json;
using NodaTime;
using Sozialplattform.Appointments.Slots;
using Sozialplattform.Centres.Web.Hosting;

namespace Sozialplattform.Appointments.Web.Hosting;

/// <summary>
/// The booking pages' and e-mails' texts in the portal's six languages (embedded <c>Texts/&lt;lang&gt;.json</c>; a
/// missing key falls back to German, then to the key), and how a moment is said: weekday, date and time in Berlin.
/// </summary>
public sealed class AppointmentTexts
{
    private readonly Dictionary<string, Dictionary<string, string>> _texts;

    public AppointmentTexts() => _texts = CentreTexts.Languages.ToDictionary(l => l, Load);

    public static IReadOnlyList<string> Languages => CentreTexts.Languages;

    public static bool IsLanguage(string? code) => CentreTexts.IsLanguage(code);

    public IReadOnlyDictionary<string, string> Of(string language) => _texts.GetValueOrDefault(language) ?? _texts["de"];

    public string Get(string language, string key, params object?[] args)
    {
        var text = Of(language).TryGetValue(key, out var found) ? found : _texts["de"].TryGetValue(key, out found) ? found : key;
        return args.Length == 0 ? text : string.Format(CultureInfo.InvariantCulture, text, args);
    }

    /// <summary>"Montag, 07.12.2026" — the weekday in the language, the date in digits (unambiguous in every language).</summary>
    public string Day(string language, LocalDate date) =>
        $"{Get(language, $"day.{(int)date.DayOfWeek}")}, {date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)}";

    public static string Time(Instant instant) => instant.InZone(SlotEngine.Berlin).ToString("HH:mm", CultureInfo.InvariantCulture);

    public string When(string language, Instant start, Instant end) =>
        Get(language, "when", Day(language, start.InZone(SlotEngine.Berlin).Date), Time(start), Time(end));

    private static Dictionary<string, string> Load(string language)
    {
        using var stream = typeof(AppointmentTexts).Assembly.GetManifestResourceStream($"Sozialplattform.Appointments.Web.Texts.{language}.json");
        return stream is null ? [] : JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [];
    }
}
