using Newtonsoft.Json.Linq;
using Sozialplattform.Engine.Definitions;

namespace Sozialplattform.Engine.Reading;

/// <summary>Reads the small shared shapes of definition files (texts, legal references, options, notes).</summary>
internal static class JsonValues
{
    public static string? String(JToken? token) => token?.Type == JTokenType.String ? token.Value<string>() : null;

    public static bool Bool(JToken? token) => token?.Type == JTokenType.Boolean && token.Value<bool>();

    public static int? Int(JToken? token) => token?.Type == JTokenType.Integer ? token.Value<int>() : null;

    public static long? Long(JToken? token) => token?.Type == JTokenType.Integer ? token.Value<long>() : null;

    public static LocalizedText Text(JToken? token) => token switch
    {
        JValue { Type: JTokenType.String } value => LocalizedText.German(value.Value<string>()!),
        JObject obj => new LocalizedText(obj.Properties()
            .Where(p => p.Value.Type == JTokenType.String)
            .ToDictionary(p => p.Name, p => p.Value.Value<string>()!)),
        _ => LocalizedText.Empty,
    };

    public static IReadOnlyList<LocalizedText> Texts(JToken? token) =>
        token is JArray array ? array.Select(Text).ToList() : [];

    public static IReadOnlyList<string> Strings(JToken? token) =>
        token is JArray array ? array.Where(t => t.Type == JTokenType.String).Select(t => t.Value<string>()!).ToList() : [];

    public static IReadOnlyList<LegalReference> Legal(JToken? token) =>
        token is JArray array
            ? array.OfType<JObject>().Select(o => new LegalReference(Text(o["text"]), String(o["link"]))).ToList()
            : [];

    public static FimReference? Fim(JToken? token) =>
        token is JObject obj && String(obj["id"]) is { } id ? new FimReference(id, String(obj["version"])) : null;

    public static IReadOnlyList<AuthorNote> Notes(JToken? token) =>
        token is JArray array
            ? array.OfType<JObject>().Select(o => new AuthorNote(String(o["text"]) ?? "", String(o["source"]), Fim(o["fim"]))).ToList()
            : [];

    public static IReadOnlyList<Option> Options(JToken? token) =>
        token is JArray array
            ? array.OfType<JObject>().Select(o => new Option(String(o["code"]) ?? "", Text(o["label"]), Text(o["hint"]))).ToList()
            : [];

    public static CodeList CodeList(JObject obj) =>
        new(String(obj["id"]) ?? "", String(obj["version"]) ?? "", Text(obj["name"]), String(obj["canonicalUri"]), Options(obj["items"]));

    /// <summary>Splits "id@version" at the last '@'.</summary>
    public static (string Id, string Version)? Reference(string? reference)
    {
        if (reference is null) return null;
        var at = reference.LastIndexOf('@');
        return at <= 0 || at == reference.Length - 1 ? null : (reference[..at], reference[(at + 1)..]);
    }
}
