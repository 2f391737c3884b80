using System.Globalization;
using System.Text.Json;
using Sozialplattform.Centres.Web.Hosting;

namespace Sozialplattform.Counselling.Web.Hosting;

/// <summary>
/// The online counselling's texts in the portal's six languages (embedded <c>Texts/&lt;lang&gt;.json</c>; a missing key
/// falls back to German, then to the key). The languages are the centres' (and the portal's).
/// </summary>
public sealed class CounsellingTexts
{
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _texts =
        CentreTexts.Languages.ToDictionary(l => l, l => (IReadOnlyDictionary<string, string>)Load(l));

    public static IReadOnlyList<string> Languages => CentreTexts.Languages;

    public static bool IsLanguage(string? code) => CentreTexts.IsLanguage(code);

    public IReadOnlyDictionary<string, string> Of(string language) => _texts.GetValueOrDefault(language) ?? _texts["de"];

    public string Get(string language, string key, params object?[] args)
    {
        var text = Of(language).GetValueOrDefault(key) ?? _texts["de"].GetValueOrDefault(key) ?? key;
        return args.Length == 0 ? text : string.Format(CultureInfo.InvariantCulture, text, args);
    }

    /// <summary>A refused input as a sentence in the language.</summary>
    public string Error(string language, CounsellingError error) => Get(language, "error." + error.Code, error.Args);

    private static Dictionary<string, string> Load(string language)
    {
        using var stream = typeof(CounsellingTexts).Assembly.GetManifestResourceStream($"Sozialplattform.Counselling.Web.Texts.{language}.json");
        return stream is null ? [] : JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [];
    }
}
