using System.Globalization;
using System.Text.Json;

namespace Sozialplattform.Web.Inbox;

/// <summary>
/// The inbox's own texts in German and English (caseworkers work in German; English for colleagues who prefer it),
/// embedded from <c>Inbox/Texts/&lt;lang&gt;.json</c>; a missing key falls back to German, then to the key.
/// </summary>
public sealed class InboxTexts
{
    public static readonly IReadOnlyList<string> Languages = ["de", "en"];

    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _texts = Languages.ToDictionary(l => l, Load);

    public IReadOnlyDictionary<string, string> Of(string language) => _texts.GetValueOrDefault(language) ?? _texts["de"];

    public string Get(string language, string key, params object?[] args)
    {
        var text = Of(language).TryGetValue(key, out var found) ? found : Of("de").TryGetValue(key, out found) ? found : key;
        return args.Length == 0 ? text : string.Format(CultureInfo.InvariantCulture, text, args);
    }

    private static IReadOnlyDictionary<string, string> Load(string language)
    {
        using var stream = typeof(InboxTexts).Assembly.GetManifestResourceStream($"Sozialplattform.Web.Inbox.Texts.{language}.json");
        return stream is null ? new Dictionary<string, string>() : JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? new Dictionary<string, string>();
    }
}
