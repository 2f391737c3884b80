using System.Text.Json.Nodes;

namespace Sozialplattform.Catalog.Lint;

/// <summary>An item of a form with its building blocks expanded, as the lint and the statistics see it.</summary>
public sealed record ItemNode(JsonObject Json, string Key, string Type, bool Repeating, string? Block, JsonArray? BlockValidations, IReadOnlyList<ItemNode> Children)
{
    public bool IsGroup => Type == "group";
    public bool IsField => Type is not ("group" or "info");
}

/// <summary>Reads the item tree of a form or block, loading blocks from the catalog (a missing block is reported by the lint, here it is just empty).</summary>
public sealed class FormTree(CatalogRoot catalog)
{
    private readonly Dictionary<string, JsonObject?> _blocks = new(StringComparer.Ordinal);

    public JsonObject? Block(string reference)
    {
        if (_blocks.TryGetValue(reference, out var cached)) return cached;
        JsonObject? block = null;
        try
        {
            var path = catalog.FullPath(CatalogRoot.BlockPath(CatalogReference.Parse(reference)));
            if (File.Exists(path)) block = CatalogJson.ReadObject(path);
        }
        catch (CatalogException)
        {
            block = null;
        }
        return _blocks[reference] = block;
    }

    public IReadOnlyList<ItemNode> Items(JsonNode? items, int depth = 0) =>
        CatalogJson.Objects(items).Select(item => Node(item, depth)).ToList();

    private ItemNode Node(JsonObject item, int depth)
    {
        var key = CatalogJson.String(item, "key") ?? "";
        var type = CatalogJson.String(item, "type") ?? "";
        var block = CatalogJson.String(item, "block");
        JsonArray? blockValidations = null;
        IReadOnlyList<ItemNode> children = [];
        if (depth < 32)
        {
            if (block is not null && Block(block) is { } definition)
            {
                children = Items(definition["items"], depth + 1);
                blockValidations = definition["validations"] as JsonArray;
            }
            else children = Items(item["items"], depth + 1);
        }
        return new ItemNode(item, key, type, item["repeat"] is JsonObject, block, blockValidations, children);
    }
}
