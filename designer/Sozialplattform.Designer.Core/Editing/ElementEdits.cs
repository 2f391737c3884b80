using System.Text.Json.Nodes;
using Sozialplattform.Designer.Documents;
using Sozialplattform.Designer.Outline;

namespace Sozialplattform.Designer.Editing;

/// <summary>The tree's actions as edits: add, duplicate, delete and move pages, groups and fields.</summary>
public static class ElementEdits
{
    /// <summary>The types an author can add, in the order the "add" menu shows them.</summary>
    public static readonly IReadOnlyList<string> AddableTypes =
    [
        "text", "textarea", "integer", "decimal", "money", "date", "yesNo", "choice", "multiChoice", "email", "phone", "postalCode",
        "iban", "bic", "file", "address", "info", "group", "repeatingGroup",
    ];

    public static IEdit Add(JsonObject form, DocumentPath list, int index, string type)
    {
        var key = SiblingKeys.Free(SiblingKeys.Of(form, list), type == "repeatingGroup" ? "liste" : type == "group" ? "gruppe" : "feld");
        var item = new JsonObject { ["key"] = key, ["type"] = type == "repeatingGroup" ? "group" : type };
        switch (type)
        {
            case "group":
                item["title"] = Texts("Neue Gruppe", "New group");
                item["items"] = new JsonArray();
                break;
            case "repeatingGroup":
                item["title"] = Texts("Neue Liste", "New list");
                item["repeat"] = new JsonObject { ["min"] = 0, ["max"] = 10, ["addLabel"] = Texts("Eintrag hinzufügen", "Add entry") };
                item["items"] = new JsonArray();
                break;
            case "info":
                item["text"] = Texts("Neuer Hinweis", "New notice");
                break;
            case "choice" or "multiChoice":
                item["label"] = Texts("Neue Auswahl", "New choice");
                item["options"] = new JsonArray(
                    new JsonObject { ["code"] = "a", ["label"] = Texts("Möglichkeit A", "Option A") },
                    new JsonObject { ["code"] = "b", ["label"] = Texts("Möglichkeit B", "Option B") });
                break;
            default:
                item["label"] = Texts("Neues Feld", "New field");
                break;
        }

        return new InsertItem(list, index, item, $"{key} hinzugefügt");
    }

    public static IEdit AddPage(JsonObject form, int index)
    {
        var id = SiblingKeys.FreePageId(form, "seite");
        var page = new JsonObject { ["id"] = id, ["title"] = Texts("Neue Seite", "New page"), ["items"] = new JsonArray() };
        return new InsertItem(DocumentPath.Root.Property("pages"), index, page, $"Seite {id} hinzugefügt");
    }

    /// <summary>A copy right after the original, with a free key (or page id); keys inside a group stay, as they are under the copy's key.</summary>
    public static IEdit Duplicate(JsonObject form, OutlineNode node)
    {
        var copy = (JsonObject)node.Path.Find(form)!.DeepClone();
        if (node.Kind == OutlineKind.Page) copy["id"] = SiblingKeys.FreePageId(form, node.Key);
        else copy["key"] = SiblingKeys.Free(SiblingKeys.Of(form, node.List), node.Key);
        return new InsertItem(node.List, node.Index + 1, copy, $"{node.Key} dupliziert");
    }

    public static IEdit Delete(OutlineNode node) => new RemoveItem(node.List, node.Index, $"{node.Key} gelöscht");

    /// <summary>One place up or down among its siblings (Alt+↑/↓); null at the edge.</summary>
    public static IEdit? MoveBy(OutlineNode node, int delta, int siblingCount)
    {
        var target = node.Index + delta;
        if (target < 0 || target >= siblingCount) return null;
        return new MoveItem(node.List, node.Index, node.List, target, $"{node.Key} verschoben");
    }

    /// <summary>Moves a node into a container (drag and drop onto a group or page), at its end.</summary>
    public static IEdit MoveInto(JsonObject form, OutlineNode node, OutlineNode container)
    {
        var list = container.ItemsList ?? throw new EditException($"{container.Key} cannot hold elements");
        var count = (list.Find(form) as JsonArray)?.Count ?? 0;
        if (node.List.Equals(list)) count--;
        return new MoveItem(node.List, node.Index, list, count, $"{node.Key} nach {container.Key} verschoben");
    }

    /// <summary>Moves a node to just before another node (drag and drop onto a sibling anywhere in the tree).</summary>
    public static IEdit MoveBefore(OutlineNode node, OutlineNode target)
    {
        var index = node.List.Equals(target.List) && node.Index < target.Index ? target.Index - 1 : target.Index;
        return new MoveItem(node.List, node.Index, target.List, index, $"{node.Key} verschoben");
    }

    private static JsonObject Texts(string german, string english) => new() { ["de"] = german, ["en"] = english };
}
