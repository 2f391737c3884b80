using System.Text.Json.Nodes;

namespace Sozialplattform.Designer.Diff;

/// <summary>
/// The semantic difference between two versions of a definition: by element (data path, page id) and by property —
/// not by text lines — so that a moved group is one change and a reformatted file is none.
/// </summary>
public static class DefinitionDiff
{
    private static readonly string[] TextProperties =
        ["label", "title", "shortTitle", "description", "hint", "help", "text", "outputLabel", "placeholder", "unit"];

    private static readonly string[] RuleProperties = ["visibleIf", "requiredIf", "readOnlyIf", "value"];

    private static readonly string[] ConstraintProperties =
        ["required", "softRequired", "readOnly", "minLength", "maxLength", "pattern", "min", "max", "decimals", "minSelected", "maxSelected", "accept", "maxSize", "maxFiles", "international"];

    private static readonly HashSet<string> Structural = ["key", "type", "items", "options", "validations", "repeat", "codeList", "id", "pages"];

    public static IReadOnlyList<DiffEntry> Compare(JsonObject before, JsonObject after)
    {
        var entries = new List<DiffEntry>();
        FormLevel(before, after, entries);
        Elements(ElementIndex.Of(before), ElementIndex.Of(after), entries);
        Declarations(before, after, entries);
        CodeLists(before, after, entries);
        return entries;
    }

    private static void FormLevel(JsonObject before, JsonObject after, List<DiffEntry> entries)
    {
        foreach (var name in TextProperties) Texts("", "form", name, before[name], after[name], entries);
        Validations("", "form", before["validations"], after["validations"], entries);
        ServiceInfo(before["serviceInfo"], after["serviceInfo"], entries);
        foreach (var name in new[] { "languages", "topic", "keywords", "legalBasis", "service", "requiredDocuments", "access", "routing" })
            if (!JsonNode.DeepEquals(before[name], after[name]))
                entries.Add(new DiffEntry("", "form", ChangeType.Changed, ChangeArea.Property, name, null, Short(before[name]), Short(after[name])));
    }

    /// <summary>The service page's information texts one by one and per language (<c>serviceInfo.eligibility</c>, German …).</summary>
    private static void ServiceInfo(JsonNode? before, JsonNode? after, List<DiffEntry> entries)
    {
        if (JsonNode.DeepEquals(before, after)) return;
        if (before is not (JsonObject or null) || after is not (JsonObject or null))
        {
            entries.Add(new DiffEntry("", "form", ChangeType.Changed, ChangeArea.Property, "serviceInfo", null, Short(before), Short(after)));
            return;
        }

        var a = before as JsonObject ?? [];
        var b = after as JsonObject ?? [];
        foreach (var name in a.Select(p => p.Key).Union(b.Select(p => p.Key)))
        {
            if (JsonNode.DeepEquals(a[name], b[name])) continue;
            if (IsText(a[name]) && IsText(b[name])) Texts("", "form", "serviceInfo." + name, a[name], b[name], entries);
            else entries.Add(new DiffEntry("", "form", ChangeType.Changed, ChangeArea.Property, "serviceInfo." + name, null, Short(a[name]), Short(b[name])));
        }
    }

    private static bool IsText(JsonNode? node) => node is null or JsonValue || node is JsonObject texts && texts.All(t => t.Value is JsonValue);

    private static void Elements(Dictionary<string, IndexedElement> before, Dictionary<string, IndexedElement> after, List<DiffEntry> entries)
    {
        var removed = before.Values.Where(e => !after.ContainsKey(e.Name)).ToList();
        var added = after.Values.Where(e => !before.ContainsKey(e.Name)).ToList();
        foreach (var gone in removed.ToList())
        {
            var moved = added.FirstOrDefault(a => a.Type == gone.Type && Last(a.Name) == Last(gone.Name) && JsonNode.DeepEquals(a.Json, gone.Json));
            if (moved is null) continue;
            removed.Remove(gone);
            added.Remove(moved);
            entries.Add(new DiffEntry(moved.Name, moved.Type, ChangeType.Moved, ChangeArea.Element, "key", null, gone.Name, moved.Name));
        }

        // Children of removed or added groups are part of that change, not changes of their own.
        entries.AddRange(removed.Where(e => !removed.Any(p => IsInside(e, p)))
            .Select(e => new DiffEntry(e.Name, e.Type, ChangeType.Removed, e.Type == "page" ? ChangeArea.Page : ChangeArea.Element, Before: Short(e.Json))));
        entries.AddRange(added.Where(e => !added.Any(p => IsInside(e, p)))
            .Select(e => new DiffEntry(e.Name, e.Type, ChangeType.Added, e.Type == "page" ? ChangeArea.Page : ChangeArea.Element, Detail: RequiredDetail(e.Json), After: Short(e.Json))));
        foreach (var (name, old) in before)
            if (after.TryGetValue(name, out var now)) Element(old, now, entries);
    }

    /// <summary>"required" when a new element asks for an answer: it is required, or a plain group or page holding such an element.</summary>
    private static string? RequiredDetail(JsonObject element) => AsksForAnswer(element) ? "required" : null;

    private static bool AsksForAnswer(JsonObject element) =>
        element["required"] is JsonValue required && required.TryGetValue<bool>(out var yes) && yes
        || element["repeat"] is null && (element["items"] as JsonArray ?? []).OfType<JsonObject>().Any(AsksForAnswer);

    private static bool IsInside(IndexedElement element, IndexedElement container) =>
        container.Type == "page" ? element.Type != "page" && element.Page == container.Page : element.Name.StartsWith(container.Name + ".", StringComparison.Ordinal);

    private static void Element(IndexedElement before, IndexedElement after, List<DiffEntry> entries)
    {
        var name = after.Name;
        if (before.Page != after.Page)
            entries.Add(new DiffEntry(name, after.Type, ChangeType.Moved, ChangeArea.Page, "page", null, before.Page, after.Page));
        else if (before.Position != after.Position && after.Type != "page" && SiblingsReordered(before, after))
            entries.Add(new DiffEntry(name, after.Type, ChangeType.Moved, ChangeArea.Element, "position", null, (before.Position + 1).ToString(), (after.Position + 1).ToString()));
        if (before.Type != after.Type)
            entries.Add(new DiffEntry(name, after.Type, ChangeType.Changed, ChangeArea.Type, "type", null, before.Type, after.Type));

        var a = before.Json;
        var b = after.Json;
        foreach (var property in TextProperties) Texts(name, after.Type, property, a[property], b[property], entries);
        foreach (var property in RuleProperties) Scalar(name, after.Type, ChangeArea.Rule, property, a[property], b[property], entries);
        foreach (var property in ConstraintProperties) Scalar(name, after.Type, ChangeArea.Constraint, property, a[property], b[property], entries);
        Repeat(name, after.Type, a["repeat"] as JsonObject, b["repeat"] as JsonObject, entries);
        Options(name, after.Type, a["options"], b["options"], entries);
        Scalar(name, after.Type, ChangeArea.CodeList, "codeList", a["codeList"], b["codeList"], entries);
        Validations(name, after.Type, a["validations"], b["validations"], entries);
        foreach (var property in a.Select(p => p.Key).Union(b.Select(p => p.Key)))
        {
            if (Structural.Contains(property) || TextProperties.Contains(property) || RuleProperties.Contains(property) || ConstraintProperties.Contains(property)) continue;
            if (!JsonNode.DeepEquals(a[property], b[property]))
                entries.Add(new DiffEntry(name, after.Type, ChangeType.Changed, ChangeArea.Property, property, null, Short(a[property]), Short(b[property])));
        }
    }

    /// <summary>A position that changed only because something before it was added or removed is no move.</summary>
    private static bool SiblingsReordered(IndexedElement before, IndexedElement after)
    {
        if (before.Parent != after.Parent) return false;
        var oldSiblings = Siblings(before.Json);
        var newSiblings = Siblings(after.Json);
        var oldCommon = oldSiblings.Where(newSiblings.Contains).ToList();
        var newCommon = newSiblings.Where(oldSiblings.Contains).ToList();
        var key = after.Json["key"]?.ToString() ?? "";
        return oldCommon.IndexOf(key) != newCommon.IndexOf(key);
    }

    private static List<string> Siblings(JsonObject element) =>
        (element.Parent as JsonArray ?? []).OfType<JsonObject>().Select(i => i["key"]?.ToString() ?? "").ToList();

    private static void Texts(string element, string type, string property, JsonNode? before, JsonNode? after, List<DiffEntry> entries)
    {
        var a = TextsOf(before);
        var b = TextsOf(after);
        foreach (var language in a.Keys.Union(b.Keys))
        {
            a.TryGetValue(language, out var old);
            b.TryGetValue(language, out var now);
            if (old == now) continue;
            var change = old is null ? ChangeType.Added : now is null ? ChangeType.Removed : ChangeType.Changed;
            entries.Add(new DiffEntry(element, type, change, ChangeArea.Text, property, language, old, now));
        }
    }

    private static Dictionary<string, string> TextsOf(JsonNode? text) => text switch
    {
        JsonValue value => new() { ["de"] = value.ToString() },
        JsonObject texts => texts.Where(t => t.Value is JsonValue).ToDictionary(t => t.Key, t => t.Value!.ToString()),
        _ => [],
    };

    private static void Scalar(string element, string type, ChangeArea area, string property, JsonNode? before, JsonNode? after, List<DiffEntry> entries)
    {
        if (JsonNode.DeepEquals(before, after)) return;
        var change = before is null ? ChangeType.Added : after is null ? ChangeType.Removed : ChangeType.Changed;
        entries.Add(new DiffEntry(element, type, change, area, property, null, Short(before), Short(after)));
    }

    private static void Repeat(string element, string type, JsonObject? before, JsonObject? after, List<DiffEntry> entries)
    {
        if (before is null && after is null) return;
        if (before is null || after is null)
        {
            entries.Add(new DiffEntry(element, type, ChangeType.Changed, ChangeArea.Type, "repeat", null, Short(before), Short(after)));
            return;
        }

        Scalar(element, type, ChangeArea.Constraint, "repeat.min", before["min"], after["min"], entries);
        Scalar(element, type, ChangeArea.Constraint, "repeat.max", before["max"], after["max"], entries);
        foreach (var text in new[] { "addLabel", "rowLabel" }) Texts(element, type, "repeat." + text, before[text], after[text], entries);
    }

    private static void Options(string element, string type, JsonNode? before, JsonNode? after, List<DiffEntry> entries)
    {
        var a = ByKey(before, "code");
        var b = ByKey(after, "code");
        foreach (var (code, option) in a.Where(o => !b.ContainsKey(o.Key)))
            entries.Add(new DiffEntry(element, type, ChangeType.Removed, ChangeArea.Option, "options", code, Short(option["label"])));
        foreach (var (code, option) in b.Where(o => !a.ContainsKey(o.Key)))
            entries.Add(new DiffEntry(element, type, ChangeType.Added, ChangeArea.Option, "options", code, null, Short(option["label"])));
        foreach (var (code, option) in b.Where(o => a.ContainsKey(o.Key)))
        {
            Texts(element, type, $"options[{code}].label", a[code]["label"], option["label"], entries);
            Texts(element, type, $"options[{code}].hint", a[code]["hint"], option["hint"], entries);
        }
    }

    private static void Validations(string element, string type, JsonNode? before, JsonNode? after, List<DiffEntry> entries)
    {
        var a = ByKey(before, "code", "when");
        var b = ByKey(after, "code", "when");
        foreach (var (code, validation) in a.Where(v => !b.ContainsKey(v.Key)))
            entries.Add(new DiffEntry(element, type, ChangeType.Removed, ChangeArea.Validation, "validations", code, Short(validation["when"])));
        foreach (var (code, validation) in b.Where(v => !a.ContainsKey(v.Key)))
            entries.Add(new DiffEntry(element, type, ChangeType.Added, ChangeArea.Validation, "validations", code, null, Short(validation["when"])));
        foreach (var (code, validation) in b.Where(v => a.ContainsKey(v.Key)))
        {
            var old = a[code];
            if (!JsonNode.DeepEquals(old["when"], validation["when"]) || !JsonNode.DeepEquals(old["level"], validation["level"]) || !JsonNode.DeepEquals(old["field"], validation["field"]))
                entries.Add(new DiffEntry(element, type, ChangeType.Changed, ChangeArea.Validation, "validations", code, Short(old["when"]), Short(validation["when"])));
            Texts(element, type, $"validations[{code}].message", old["message"], validation["message"], entries);
        }
    }

    private static void Declarations(JsonObject before, JsonObject after, List<DiffEntry> entries)
    {
        var a = ByKey(before["declarations"], "key");
        var b = ByKey(after["declarations"], "key");
        foreach (var key in a.Keys.Where(k => !b.ContainsKey(k)))
            entries.Add(new DiffEntry("", "form", ChangeType.Removed, ChangeArea.Declaration, "declarations", key, Short(a[key]["text"])));
        foreach (var key in b.Keys.Where(k => !a.ContainsKey(k)))
            entries.Add(new DiffEntry("", "form", ChangeType.Added, ChangeArea.Declaration, "declarations", key, null, Short(b[key]["text"])));
        foreach (var key in b.Keys.Where(a.ContainsKey))
        {
            Texts("", "form", $"declarations[{key}].text", a[key]["text"], b[key]["text"], entries);
            Scalar("", "form", ChangeArea.Declaration, $"declarations[{key}].required", a[key]["required"], b[key]["required"], entries);
        }
    }

    private static void CodeLists(JsonObject before, JsonObject after, List<DiffEntry> entries)
    {
        var a = ByKey(before["codeLists"], "id");
        var b = ByKey(after["codeLists"], "id");
        foreach (var id in a.Keys.Where(k => !b.ContainsKey(k)))
            entries.Add(new DiffEntry("", "form", ChangeType.Removed, ChangeArea.CodeList, "codeLists", id));
        foreach (var id in b.Keys.Where(k => !a.ContainsKey(k)))
            entries.Add(new DiffEntry("", "form", ChangeType.Added, ChangeArea.CodeList, "codeLists", id));
        foreach (var id in b.Keys.Where(a.ContainsKey))
        {
            var oldCodes = ByKey(a[id]["items"], "code");
            var newCodes = ByKey(b[id]["items"], "code");
            foreach (var code in oldCodes.Keys.Where(c => !newCodes.ContainsKey(c)))
                entries.Add(new DiffEntry("", "form", ChangeType.Removed, ChangeArea.Option, $"codeLists[{id}]", code, Short(oldCodes[code]["label"])));
            foreach (var code in newCodes.Keys.Where(c => !oldCodes.ContainsKey(c)))
                entries.Add(new DiffEntry("", "form", ChangeType.Added, ChangeArea.Option, $"codeLists[{id}]", code, null, Short(newCodes[code]["label"])));
            foreach (var code in newCodes.Keys.Where(oldCodes.ContainsKey))
                Texts("", "form", $"codeLists[{id}].{code}", oldCodes[code]["label"], newCodes[code]["label"], entries);
        }
    }

    private static Dictionary<string, JsonObject> ByKey(JsonNode? list, string key, string? fallback = null)
    {
        var result = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var (item, index) in (list as JsonArray ?? []).OfType<JsonObject>().Select((o, i) => (o, i)))
            result.TryAdd(item[key]?.ToString() ?? (fallback is not null ? item[fallback]?.ToString() : null) ?? $"#{index + 1}", item);
        return result;
    }

    private static string Last(string name) => name[(name.LastIndexOf('.') + 1)..];

    private static string? Short(JsonNode? node)
    {
        if (node is null) return null;
        var text = node is JsonValue value && value.TryGetValue<string>(out var s) ? s : node.ToJsonString();
        return text.Length <= 200 ? text : text[..197] + "...";
    }
}
