using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sozialplattform.Catalog;

/// <summary>Reading catalog JSON files with errors that name the file, and the text helpers shared by lint and overrides.</summary>
public static class CatalogJson
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = false };

    public static JsonObject ReadObject(string path)
    {
        try
        {
            return Parse(File.ReadAllBytes(path), path);
        }
        catch (IOException e)
        {
            throw new CatalogException($"{path}: cannot be read ({e.Message}).");
        }
    }

    public static JsonObject Parse(ReadOnlySpan<byte> utf8, string name)
    {
        try
        {
            return JsonNode.Parse(utf8, documentOptions: Options) as JsonObject
                   ?? throw new CatalogException($"{name}: the file must contain a JSON object.");
        }
        catch (JsonException e)
        {
            throw new CatalogException($"{name}: not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {e.Message}");
        }
    }

    /// <summary>The languages a text has: a plain string counts as German.</summary>
    public static IReadOnlyCollection<string> TextLanguages(JsonNode? text) => text switch
    {
        JsonValue v when v.TryGetValue<string>(out _) => ["de"],
        JsonObject o => o.Where(p => p.Value is JsonValue pv && pv.TryGetValue<string>(out var s) && s.Length > 0).Select(p => p.Key).ToList(),
        _ => [],
    };

    /// <summary>The German (or first) wording of a text, for reports.</summary>
    public static string GermanText(JsonNode? text) => text switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonObject o when o["de"] is JsonValue de => de.GetValue<string>(),
        JsonObject o when o.Count > 0 => o.First().Value?.ToString() ?? "",
        _ => "",
    };

    /// <summary>The languages a definition or block declares (<c>"languages"</c>), in their order.</summary>
    public static IReadOnlyList<string> Languages(JsonObject definition) =>
        (definition["languages"] as JsonArray)?.Select(l => l?.ToString() ?? "").ToList() ?? [];

    public static string? String(JsonNode? node, string property) =>
        node is JsonObject o && o[property] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static IEnumerable<JsonObject> Objects(JsonNode? array) =>
        array is JsonArray a ? a.OfType<JsonObject>() : [];

    /// <summary>The topics of a catalog (<c>catalog.json</c>'s <c>topics</c>), in their order; the portal and the designer read them alike.</summary>
    public static IReadOnlyList<JsonObject> Topics(string catalogRoot) =>
        [.. Objects(ReadObject(Path.Combine(catalogRoot, CatalogRoot.MarkerFile))["topics"])];
}
