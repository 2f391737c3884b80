using System.Text.Json.Nodes;
using Sozialplattform.Catalog.Lint;
using Sozialplattform.Designer.Documents;
using Sozialplattform.Designer.Editing;
using Sozialplattform.Engine.Definitions;

namespace Sozialplattform.Designer.CodeLists;

/// <summary>
/// A FIM select whose code list was missing at import waits as a text field (a repeated select as a repeating group of
/// one text field) with the note <c>fim:codelisteReferenz</c>, and the form is not published while it waits. Giving it
/// the list makes it what the import makes with the list — a choice (a multiple choice with the group's counts) with
/// <c>codeList</c>, the text checks and the note gone — as one undoable edit, so the answer shape is fixed before the
/// first publication (FIM-IMPORT.md).
/// </summary>
public static class PendingListAttach
{
    /// <summary>The element that waits for a list, when <paramref name="selected"/> is it or the repeating group around it: its path and the list it waits for.</summary>
    public static (DocumentPath Path, JsonObject Item, string List)? Find(DefinitionDocument document, DocumentPath selected)
    {
        if (selected.Find(document.Root) is not JsonObject item) return null;
        if (PendingFimCodeLists.Of(item) is { } list) return (selected, item, list);
        if (Repeated(item) is { } inner && PendingFimCodeLists.Of(inner) is { } innerList) return (selected, item, innerList);
        return null;
    }

    /// <summary>The edit that turns the waiting field into a choice on <paramref name="reference"/>, or null when nothing waits there.</summary>
    public static IEdit? Plan(DefinitionDocument document, DocumentPath selected, string reference)
    {
        var found = Find(document, selected);
        if (found is null) return null;
        var (path, item, _) = found.Value;
        var description = $"Codeliste {reference} zugeordnet (Feld wartete auf die FIM-Codeliste)";
        if (Repeated(item) is { } field) return WholeGroup(path, item, field, reference, description);
        if (path.Parent is { } list && path.Last is int index && list.Parent?.Find(document.Root) is JsonObject parent
            && parent["repeat"] is JsonObject && Repeated(parent) == item)
            return WholeGroup(list.Parent!, parent, item, reference, description);

        return new EditGroup(description, [
            new SetProperty(path, "type", JsonValue.Create("choice")),
            new SetProperty(path, "codeList", JsonValue.Create(reference)),
            new SetProperty(path, "options", null),
            new SetProperty(path, "pattern", null),
            new SetProperty(path, "minLength", null),
            new SetProperty(path, "maxLength", null),
            new SetProperty(path, "notes", RemainingNotes(item)),
        ]);
    }

    /// <summary>
    /// The import's shape of a repeated FIM text field: a repeating group with the field's key holding only that field.
    /// With the list it is one multiple choice: required when a row was, <c>minSelected</c>/<c>maxSelected</c> from the rows.
    /// </summary>
    private static JsonObject? Repeated(JsonObject group) =>
        group["type"]?.ToString() == "group" && group["repeat"] is JsonObject && group["items"] is JsonArray { Count: 1 } items
        && items[0] is JsonObject only && only["key"]?.ToString() == group["key"]?.ToString() ? only : null;

    private static IEdit WholeGroup(DocumentPath groupPath, JsonObject group, JsonObject field, string reference, string description)
    {
        var choice = new JsonObject { ["key"] = group["key"]?.DeepClone(), ["type"] = "multiChoice" };
        foreach (var name in new[] { "label", "outputLabel", "help", "legalBasis" })
            if (field[name] is { } text) choice[name] = text.DeepClone();
        choice["codeList"] = reference;
        var repeat = (JsonObject)group["repeat"]!;
        var min = repeat["min"]?.GetValue<int>() ?? 0;
        if (min >= 1) choice["required"] = true;
        if (min > 1) choice["minSelected"] = min;
        if (repeat["max"]?.GetValue<int>() is int max and > 1) choice["maxSelected"] = max;
        foreach (var name in new[] { "visibleIf", "fim" })
            if ((group[name] ?? field[name]) is { } value) choice[name] = value.DeepClone();
        if (RemainingNotes(field) is { } notes) choice["notes"] = notes;
        if (groupPath.Parent is not { } list || groupPath.Last is not int index)
            throw new EditException("Dieses Element kann nicht als Ganzes ersetzt werden.");
        return new EditGroup(description, [new RemoveItem(list, index), new InsertItem(list, index, choice)]);
    }

    private static JsonArray? RemainingNotes(JsonObject item)
    {
        var kept = (item["notes"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(n => n["source"]?.ToString() != AuthorNoteSources.MissingFimCodeList).Select(n => (JsonNode)n.DeepClone()).ToArray();
        return kept.Length == 0 ? null : new JsonArray(kept);
    }
}
