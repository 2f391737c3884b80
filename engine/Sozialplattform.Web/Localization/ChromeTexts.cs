using System.Globalization;
using System.Text.Json;

namespace Sozialplattform.Web.Localization;

/// <summary>
/// The portal's own texts (buttons, headings, messages) per language, from the embedded
/// <c>Localization/Texts/&lt;lang&gt;.json</c>; a missing key falls back to German, then to the key itself.
/// </summary>
public sealed class ChromeTexts
{
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _texts;

    public ChromeTexts() =>
        _texts = PortalLanguage.All.ToDictionary(l => l.Code, l => Load(l.Code));

    public IReadOnlyDictionary<string, string> Of(string language) => _texts.GetValueOrDefault(language) ?? _texts[PortalLanguage.Default];

    public string Get(string language, string key, params object?[] args)
    {
        var text = Of(language).TryGetValue(key, out var found) ? found
            : Of(PortalLanguage.Default).TryGetValue(key, out found) ? found
            : key;
        if (args.Length == 0) return text;
        // In a right-to-left language each filled-in value (a name, a size, "PDF, JPEG, PNG") is a bidi isolate.
        if (Sozialplattform.Engine.Localization.BidiText.IsRightToLeft(language))
            args = args.Select(a => (object?)Sozialplattform.Engine.Localization.BidiText.Isolate(Convert.ToString(a, CultureInfo.InvariantCulture) ?? "")).ToArray();
        return string.Format(CultureInfo.InvariantCulture, text, args);
    }

    private static IReadOnlyDictionary<string, string> Load(string language)
    {
        using var stream = typeof(ChromeTexts).Assembly.GetManifestResourceStream($"Sozialplattform.Web.Texts.{language}.json");
        if (stream is null) return new Dictionary<string, string>();
        return JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? new Dictionary<string, string>();
    }
}
