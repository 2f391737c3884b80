using System.Text.Json.Nodes;
using Sozialplattform.Designer.Documents;

namespace Sozialplattform.Designer.Editing;

/// <summary>
/// Keys must be unique among siblings — and the items of all pages are siblings, since pages do not nest answers.
/// Finds a free key (<c>einkommen2</c>) for new and duplicated elements.
/// </summary>
public static class SiblingKeys
{
    public static IReadOnlySet<string> Of(JsonObject form, DocumentPath list)
    {
        var isPageLevel = list.Segments.Count == 3 && list.Segments[0] is "pages";
        var lists = isPageLevel
            ? (form["pages"] as JsonArray ?? []).OfType<JsonObject>().Select(p => p["items"] as JsonArray)
            : [list.Find(form) as JsonArray];
        return lists.OfType<JsonArray>().SelectMany(l => l.OfType<JsonObject>())
            .Select(i => i["key"]?.ToString() ?? "").ToHashSet(StringComparer.Ordinal);
    }

    public static string Free(IReadOnlySet<string> taken, string wanted)
    {
        if (!taken.Contains(wanted)) return wanted;
        var stem = wanted.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
        if (stem.Length == 0) stem = "feld";
        for (var n = 2; ; n++)
            if (!taken.Contains(stem + n)) return stem + n;
    }

    public static string FreePageId(JsonObject form, string wanted) =>
        Free((form["pages"] as JsonArray ?? []).OfType<JsonObject>().Select(p => p["id"]?.ToString() ?? "").ToHashSet(StringComparer.Ordinal), wanted);
}
