using System.Text.Json.Nodes;

namespace Sozialplattform.Catalog;

/// <summary>The blocks and catalog code lists a form or block refers to directly (code lists defined inside the file are not counted).</summary>
public sealed record Dependencies(IReadOnlyList<CatalogReference> Blocks, IReadOnlyList<CatalogReference> CodeLists)
{
    public static Dependencies Of(JsonObject definition)
    {
        var blocks = new SortedSet<CatalogReference>();
        var lists = new SortedSet<CatalogReference>();
        var own = CatalogJson.Objects(definition["codeLists"])
            .Select(c => $"{CatalogJson.String(c, "id")}@{CatalogJson.String(c, "version")}")
            .ToHashSet(StringComparer.Ordinal);
        Collect(definition, blocks, lists, own);
        return new Dependencies(blocks.ToList(), lists.ToList());
    }

    private static void Collect(JsonNode? node, SortedSet<CatalogReference> blocks, SortedSet<CatalogReference> lists, HashSet<string> own)
    {
        switch (node)
        {
            case JsonObject o:
                if (CatalogJson.String(o, "block") is { } block) blocks.Add(CatalogReference.Parse(block));
                if (CatalogJson.String(o, "codeList") is { } list && !own.Contains(list)) lists.Add(CatalogReference.Parse(list));
                foreach (var (_, value) in o) Collect(value, blocks, lists, own);
                break;
            case JsonArray a:
                foreach (var value in a) Collect(value, blocks, lists, own);
                break;
        }
    }
}
