using System.Text.Json.Nodes;
using Sozialplattform.Designer.Documents;

namespace Sozialplattform.Designer.Editing;

/// <summary>Finds the object or array an edit works on, or says clearly why it is not there.</summary>
internal static class EditTargets
{
    public static JsonObject Object(DefinitionDocument document, DocumentPath path) =>
        document.Find(path) as JsonObject ?? throw new EditException($"there is no object at '{path}'");

    public static JsonArray Array(DefinitionDocument document, DocumentPath path) =>
        document.Find(path) as JsonArray ?? throw new EditException($"there is no list at '{path}'");

    /// <summary>The list at <paramref name="path"/>, created (in schema order) when the object has none yet.</summary>
    public static JsonArray ArrayOrNew(DefinitionDocument document, DocumentPath path)
    {
        if (document.Find(path) is JsonArray existing) return existing;
        if (path.Last is not string name || path.Parent is not { } parentPath) throw new EditException($"there is no list at '{path}'");
        var parent = Object(document, parentPath);
        if (parent[name] is not null) throw new EditException($"'{path}' is not a list");
        var created = new JsonArray();
        parent.Insert(PropertyOrder.InsertionIndex(parent, name, parentPath), name, created);
        document.Changed(parent);
        return created;
    }
}
