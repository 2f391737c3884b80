using System.Text.Json.Nodes;
using Sozialplattform.Fim.Definitions;
using Sozialplattform.Fim.Exporting;
using Sozialplattform.Fim.Mapping;

namespace Sozialplattform.Fim.Tests.Support;

/// <summary>
/// What an import → export → import round trip keeps: the catalog's JSON without author notes and code-list
/// sources, with FIM versions as semantic versions (XDatenfelder 3 has no "1.0") and texts as String.Latin
/// (the export has to write them so).
/// </summary>
public static class CatalogProjection
{
    public static string Of(ImportedCatalog catalog)
    {
        var root = new JsonObject
        {
            ["form"] = JsonNode.Parse(DefinitionJson.Serialize(catalog.Form)),
            ["blocks"] = new JsonArray(catalog.Blocks.Select(b => JsonNode.Parse(DefinitionJson.Serialize(b))).ToArray()),
            ["codeLists"] = new JsonArray(catalog.CodeLists.Select(c => JsonNode.Parse(DefinitionJson.Serialize(c))).ToArray()),
        };
        return Normalize(root)!.ToJsonString(DefinitionJson.Options);
    }

    private static JsonNode? Normalize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                obj.Remove("notes");
                obj.Remove("source");
                foreach (var (name, value) in obj.ToList())
                {
                    if (name == "fim" && value is JsonObject fim && fim["version"] is JsonValue version)
                        fim["version"] = Identifiers.SemanticVersion(version.GetValue<string>()) ?? version.GetValue<string>();
                    else obj[name] = Normalize(value?.DeepClone());
                }

                return obj;
            case JsonArray array:
                return new JsonArray(array.Select(i => Normalize(i?.DeepClone())).ToArray());
            case JsonValue value when value.TryGetValue<string>(out var text):
                return JsonValue.Create(LatinText.Normalize(text).Text);
            default:
                return node?.DeepClone();
        }
    }
}
