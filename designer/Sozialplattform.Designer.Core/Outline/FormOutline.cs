using System.Text.Json.Nodes;
using Sozialplattform.Designer.Documents;

namespace Sozialplattform.Designer.Outline;

/// <summary>The tree of pages, groups and fields of a definition, read from its JSON (also when it has errors).</summary>
public static class FormOutline
{
    public static IReadOnlyList<OutlineNode> Of(JsonObject form)
    {
        var pagesPath = DocumentPath.Root.Property("pages");
        return (form["pages"] as JsonArray ?? []).Select((page, index) =>
        {
            var path = pagesPath.Index(index);
            var json = page as JsonObject ?? [];
            return new OutlineNode(path, pagesPath, index, OutlineKind.Page, Text(json["id"]), "page", Label(json, "title"), 0,
                Items(json, path, 1));
        }).ToList();
    }

    /// <summary>Every node, depth first, in the order the tree shows them.</summary>
    public static IEnumerable<OutlineNode> Flatten(IEnumerable<OutlineNode> nodes)
    {
        foreach (var node in nodes)
        {
            yield return node;
            foreach (var child in Flatten(node.Children)) yield return child;
        }
    }

    /// <summary>The deepest node whose element contains <paramref name="path"/> (a problem's JSON path → its element).</summary>
    public static OutlineNode? Containing(IEnumerable<OutlineNode> nodes, DocumentPath path) =>
        Flatten(nodes).Where(n => path.StartsWith(n.Path)).MaxBy(n => n.Path.Segments.Count);

    /// <summary>The German (or first) wording of a text, for the tree.</summary>
    public static string Label(JsonObject element, params string[] names)
    {
        foreach (var name in names)
        {
            switch (element[name])
            {
                case JsonValue value when value.TryGetValue<string>(out var text): return text;
                case JsonObject texts when texts["de"] is JsonValue de: return de.ToString();
                case JsonObject { Count: > 0 } texts: return texts.First().Value?.ToString() ?? "";
            }
        }

        return "";
    }

    private static IReadOnlyList<OutlineNode> Items(JsonObject container, DocumentPath containerPath, int depth)
    {
        var list = containerPath.Property("items");
        return (container["items"] as JsonArray ?? []).Select((item, index) =>
        {
            var path = list.Index(index);
            var json = item as JsonObject ?? [];
            var type = Text(json["type"]);
            var kind = type switch
            {
                "group" when json["block"] is not null => OutlineKind.BlockUse,
                "group" when json["repeat"] is JsonObject => OutlineKind.RepeatingGroup,
                "group" => OutlineKind.Group,
                "info" => OutlineKind.Info,
                _ => OutlineKind.Field,
            };
            var children = kind is OutlineKind.Group or OutlineKind.RepeatingGroup ? Items(json, path, depth + 1) : [];
            return new OutlineNode(path, list, index, kind, Text(json["key"]), type, Label(json, "label", "title", "text"), depth, children);
        }).ToList();
    }

    private static string Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";
}
