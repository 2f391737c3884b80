using Sozialplattform.Engine.Definitions;

namespace Sozialplattform.Web.Localization;

/// <summary>
/// The language of the current request (the first URL segment: <c>/de/…</c>, <c>/ar/…</c>) and its texts.
/// Scoped: one per request; components read it instead of parsing the URL themselves.
/// </summary>
public sealed class PortalRequest(ChromeTexts texts)
{
    public PortalLanguage Language { get; private set; } = PortalLanguage.All[0];

    public string Lang => Language.Code;

    public ChromeTexts Texts => texts;

    public void Use(PortalLanguage language) => Language = language;

    /// <summary>The answers of the application on this request that came from the citizen's account: path → level (the fields mark them).</summary>
    public IReadOnlyDictionary<string, string> Prefilled { get; set; } = new Dictionary<string, string>();

    /// <summary>A chrome text in the request's language.</summary>
    public string T(string key, params object?[] args) => texts.Get(Lang, key, args);

    /// <summary>A definition text in the request's language (German when missing) and the language it is really in.</summary>
    public (string Text, string Language) Text(LocalizedText text) => text.Resolve(Lang);

    /// <summary>A portal URL in the current language: <c>Url("leistungen/x")</c> → <c>/de/leistungen/x</c>.</summary>
    public string Url(string path = "") => path.Length == 0 ? $"/{Lang}" : $"/{Lang}/{path}";

    /// <summary>The language taken from a request path, or null when the first segment is not a portal language.</summary>
    public static PortalLanguage? FromPath(string? path)
    {
        var segment = path?.TrimStart('/').Split('/', 2)[0];
        return PortalLanguage.Find(segment);
    }
}
