using System.Globalization;
using System.Text.Json;

namespace Sozialplattform.Centres.Web.Hosting;

/// <summary>
/// The finder's own texts in the six portal languages (embedded <c>Texts/&lt;lang&gt;.json</c>); a missing key falls
/// back to German, then to the key. Also the right-to-left flag the pages need for numbers and addresses.
/// </summary>
public sealed class CentreTexts
{
    public static readonly IReadOnlyList<string> Languages = ["de", "en", "tr", "ar", "uk", "ru"];
    private readonly Dictionary<string, Dictionary<string, string>> _texts;

    public CentreTexts() => _texts = Languages.ToDictionary(l => l, Load);

    public static bool IsLanguage(string? code) => code is not null && Languages.Contains(code);

    public IReadOnlyDictionary<string, string> Of(string language) => _texts.GetValueOrDefault(language) ?? _texts["de"];

    public string Get(string language, string key, params object?[] args)
    {
        var text = Of(language).TryGetValue(key, out var found) ? found : _texts["de"].TryGetValue(key, out found) ? found : key;
        return args.Length == 0 ? text : string.Format(CultureInfo.InvariantCulture, text, args);
    }

    private static Dictionary<string, string> Load(string language)
    {
        using var stream = typeof(CentreTexts).Assembly.GetManifestResourceStream($"Sozialplattform.Centres.Web.Texts.{language}.json");
        return stream is null ? [] : JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [];
    }
}
