using System.Text.Json.Nodes;
using Sozialplattform.Engine.Definitions;

namespace Sozialplattform.Web.Catalog;

/// <summary>Reads a text of a catalog file (<c>{"de": "…", "en": "…"}</c> or a plain German string).</summary>
internal static class LocalizedJson
{
    public static LocalizedText Read(JsonNode? node) => node switch
    {
        JsonObject texts => new LocalizedText(texts.Where(t => t.Value is JsonValue).ToDictionary(t => t.Key, t => t.Value!.ToString())),
        JsonValue text => LocalizedText.German(text.ToString()),
        _ => LocalizedText.Empty,
    };
}
