using System.Text.Json.Nodes;
using Sozialplattform.Designer.Documents;

namespace Sozialplattform.Designer.Editing.Renaming;

/// <summary>
/// One text of a definition that names answers: a rule (visibleIf, requiredIf, readOnlyIf, value, a check's
/// <c>when</c>, a routing rule's <c>when</c>) or a check's <c>field</c> (a dotted key). <see cref="Groups"/> are the
/// groups the names are looked up in, outermost first (the root's items come after them, as in the engine's binder).
/// </summary>
internal sealed record RuleText(DocumentPath Path, string Text, bool IsDottedKey, IReadOnlyList<JsonObject> Groups);

/// <summary>Every text of a definition that names answers, in document order.</summary>
internal static class RuleTexts
{
    private static readonly string[] Rules = ["visibleIf", "requiredIf", "readOnlyIf", "value"];

    public static List<RuleText> Of(JsonObject form)
    {
        var texts = new List<RuleText>();
        Checks(form, DocumentPath.Root, [], texts);
        if (form["routing"] is JsonArray routing)
            for (var i = 0; i < routing.Count; i++)
                Add(routing[i] as JsonObject, "when", DocumentPath.Root.Property("routing").Index(i), [], false, texts);
        if (form["pages"] is JsonArray pages)
            for (var p = 0; p < pages.Count; p++)
            {
                if (pages[p] is not JsonObject page) continue;
                var path = DocumentPath.Root.Property("pages").Index(p);
                Add(page, "visibleIf", path, [], false, texts);
                Items(page, path, [], texts);
            }

        return texts;
    }

    /// <summary>The items whose keys a name is looked up in: a group's own items, or (null) the items of all pages.</summary>
    public static IEnumerable<JsonObject> ItemsOf(JsonObject form, JsonObject? group) => group is null
        ? (form["pages"] as JsonArray ?? []).OfType<JsonObject>().SelectMany(p => (p["items"] as JsonArray ?? []).OfType<JsonObject>())
        : (group["items"] as JsonArray ?? []).OfType<JsonObject>();

    public static bool IsGroup(JsonObject item) => item["type"]?.ToString() == "group";

    public static bool IsRepeating(JsonObject item) => IsGroup(item) && item["repeat"] is JsonObject;

    private static void Items(JsonObject container, DocumentPath path, IReadOnlyList<JsonObject> groups, List<RuleText> texts)
    {
        if (container["items"] is not JsonArray items) return;
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not JsonObject item) continue;
            var itemPath = path.Property("items").Index(i);
            foreach (var rule in Rules) Add(item, rule, itemPath, groups, false, texts);
            var inner = IsGroup(item) ? [.. groups, item] : groups;
            Checks(item, itemPath, IsGroup(item) ? inner : groups, texts);
            if (IsGroup(item)) Items(item, itemPath, inner, texts);
        }
    }

    private static void Checks(JsonObject owner, DocumentPath path, IReadOnlyList<JsonObject> groups, List<RuleText> texts)
    {
        if (owner["validations"] is not JsonArray checks) return;
        for (var i = 0; i < checks.Count; i++)
        {
            var check = checks[i] as JsonObject;
            var checkPath = path.Property("validations").Index(i);
            Add(check, "when", checkPath, groups, false, texts);
            Add(check, "field", checkPath, groups, true, texts);
        }
    }

    private static void Add(JsonObject? owner, string property, DocumentPath path, IReadOnlyList<JsonObject> groups, bool dotted, List<RuleText> texts)
    {
        if (owner?[property] is JsonValue value && value.TryGetValue<string>(out var text))
            texts.Add(new RuleText(path.Property(property), text, dotted, groups));
    }
}
