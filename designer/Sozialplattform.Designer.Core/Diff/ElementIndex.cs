using System.Text.Json.Nodes;

namespace Sozialplattform.Designer.Diff;

/// <summary>One field, group or page of a definition found by its stable name: data path or page id.</summary>
internal sealed record IndexedElement(string Name, string Type, string Page, string Parent, int Position, JsonObject Json);

/// <summary>Every element of a definition by data path (fields and groups) and by <c>page:&lt;id&gt;</c> (pages).</summary>
internal static class ElementIndex
{
    public static Dictionary<string, IndexedElement> Of(JsonObject form)
    {
        var index = new Dictionary<string, IndexedElement>(StringComparer.Ordinal);
        var position = 0;
        foreach (var page in (form["pages"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var id = page["id"]?.ToString() ?? "";
            index.TryAdd("page:" + id, new IndexedElement("page:" + id, "page", id, "", position++, page));
            Items(page, id, "", index);
        }

        return index;
    }

    private static void Items(JsonObject container, string page, string parent, Dictionary<string, IndexedElement> index)
    {
        var position = 0;
        foreach (var item in (container["items"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var key = item["key"]?.ToString() ?? "";
            var name = parent.Length == 0 ? key : parent + "." + key;
            var type = item["type"]?.ToString() ?? "";
            if (type == "group" && item["repeat"] is JsonObject) type = "repeatingGroup";
            if (item["block"] is not null) type = "block";
            index.TryAdd(name, new IndexedElement(name, type, page, parent, position++, item));
            if (item["items"] is JsonArray) Items(item, page, name, index);
        }
    }
}
