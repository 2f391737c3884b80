using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sozialplattform.Designer.Documents;
using Sozialplattform.Designer.Editing;
using Sozialplattform.Engine.Catalog;

namespace Sozialplattform.Designer.Fim;

/// <summary>An element of the draft a FIM rule names: where it is, its FIM id, its label, its type (a field's, or "group").</summary>
public sealed record FimRuleElement(DocumentPath Path, string FimId, string Label, string Type);

/// <summary>
/// One imported FIM rule: its source (<c>R00000849 1.0</c>, as the import wrote it into the note), its text, the
/// element whose note it is (in a building block: the block's use in the draft), the elements of the draft its text
/// names by FIM id, and whether the author has marked it done.
/// </summary>
public sealed record FimRule(string Source, string Text, FimRuleElement Owner, IReadOnlyList<FimRuleElement> Named, bool Done);

/// <summary>
/// The FIM rules of a draft: the import keeps every <c>regel</c> as a note on the element it belongs to (schema → form,
/// group → group or block, field → field; FIM-IMPORT.md "Rules"), with the rule's FIM id in the note's <c>fim</c>.
/// Which of them the author has expressed is the form's <see cref="DoneProperty"/> (the rules' sources), so it is
/// saved, diffed and published with the draft — also for rules in building blocks, which are not part of the draft.
/// </summary>
public static partial class FimRules
{
    public const string DoneProperty = "fimRulesDone";

    public static IReadOnlyList<FimRule> Of(JsonObject form, CatalogDirectory? catalog = null)
    {
        var done = Done(form);
        var notes = new List<(JsonObject Note, FimRuleElement Owner)>();
        var byFimId = new Dictionary<string, List<FimRuleElement>>(StringComparer.Ordinal);
        var root = new FimRuleElement(DocumentPath.Root, Id(form) ?? "", Outline.FormOutline.Label(form, "title"), "form");
        Collect(form, root, notes);
        if (form["pages"] is JsonArray pages)
        {
            for (var p = 0; p < pages.Count; p++)
            {
                if (pages[p] is not JsonObject page) continue;
                var pagePath = DocumentPath.Root.Property("pages").Index(p);
                Collect(page, new FimRuleElement(pagePath, "", Outline.FormOutline.Label(page, "title"), "page"), notes);
                Walk(page["items"] as JsonArray, pagePath.Property("items"), catalog, notes, byFimId, depth: 0);
            }
        }

        var rules = new List<FimRule>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (note, owner) in notes)
        {
            var source = note["source"]?.ToString() ?? "";
            if (!seen.Add(source)) continue;
            var text = note["text"]?.ToString() ?? "";
            var named = FimIds().Matches(text).Select(m => m.Value).Distinct()
                .SelectMany(id => byFimId.GetValueOrDefault(id) ?? [])
                .DistinctBy(e => e.Path)
                .ToList();
            rules.Add(new FimRule(source, text, owner, named, done.Contains(source)));
        }

        return rules;
    }

    /// <summary>The edit that marks a rule done (or open again): the form's list of done rules with the source added or removed.</summary>
    public static IEdit Mark(JsonObject form, string source, bool done)
    {
        var sources = Done(form);
        if (done) sources.Add(source);
        else sources.Remove(source);
        var value = sources.Count == 0 ? null : new JsonArray(sources.Order(StringComparer.Ordinal).Select(s => (JsonNode)JsonValue.Create(s)).ToArray());
        return new SetProperty(DocumentPath.Root, DoneProperty, value, done ? $"FIM-Regel {source} erledigt" : $"FIM-Regel {source} wieder offen");
    }

    /// <summary>
    /// A FIM rule usually makes a field required under a condition, while the import made it always required. The engine
    /// refuses both (<c>required-twice</c>), so writing a <c>requiredIf</c> on a required field also drops <c>required</c>
    /// — one step, undone together.
    /// </summary>
    public static IEdit Conditional(JsonObject form, IEdit edit)
    {
        if (edit is not SetProperty { Name: "requiredIf", Value: not null } set) return edit;
        if (set.Target.Find(form) is not JsonObject field || field["required"] is not JsonValue required || !required.TryGetValue<bool>(out var always) || !always) return edit;
        return new EditGroup("Pflichtangabe nur unter Bedingung", [new SetProperty(set.Target, "required", null), edit]);
    }

    /// <summary>The lint's warning while rules are open (German, as the designer's pages); null when every rule is done.</summary>
    public static string? OpenWarning(IReadOnlyList<FimRule> rules)
    {
        var open = rules.Count(r => !r.Done);
        if (open == 0) return null;
        return open == 1
            ? $"1 von {rules.Count} FIM-Regeln ist noch nicht umgesetzt: als Bedingung ausdrücken und als erledigt markieren (Bereich „FIM-Regeln“)."
            : $"{open} von {rules.Count} FIM-Regeln sind noch nicht umgesetzt: als Bedingung ausdrücken und als erledigt markieren (Bereich „FIM-Regeln“).";
    }

    private static HashSet<string> Done(JsonObject form) =>
        (form[DoneProperty] as JsonArray ?? []).Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).OfType<string>().ToHashSet(StringComparer.Ordinal);

    private static void Walk(JsonArray? items, DocumentPath listPath, CatalogDirectory? catalog, List<(JsonObject, FimRuleElement)> notes, Dictionary<string, List<FimRuleElement>> byFimId, int depth)
    {
        if (items is null || depth > 32) return;
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not JsonObject item) continue;
            var path = listPath.Index(i);
            var element = new FimRuleElement(path, Id(item) ?? "", Outline.FormOutline.Label(item, "label", "title", "text"), item["type"]?.ToString() ?? "");
            Index(element, byFimId);
            Collect(item, element, notes);
            Walk(item["items"] as JsonArray, path.Property("items"), catalog, notes, byFimId, depth + 1);
            if (Block(item, catalog) is { } block)
            {
                // A block's rules and elements are not in the draft: they show at the block's use.
                if (Id(block) is { } blockId && blockId != element.FimId) Index(element with { FimId = blockId }, byFimId);
                Collect(block, element, notes);
                InBlock(block["items"] as JsonArray, element, notes, byFimId, depth + 1);
            }
        }
    }

    private static void InBlock(JsonArray? items, FimRuleElement use, List<(JsonObject, FimRuleElement)> notes, Dictionary<string, List<FimRuleElement>> byFimId, int depth)
    {
        if (items is null || depth > 32) return;
        foreach (var item in items.OfType<JsonObject>())
        {
            if (Id(item) is { } id) Index(use with { FimId = id }, byFimId);
            Collect(item, use, notes);
            InBlock(item["items"] as JsonArray, use, notes, byFimId, depth + 1);
        }
    }

    private static JsonObject? Block(JsonObject item, CatalogDirectory? catalog) =>
        item["block"]?.ToString().Split('@') is [var id, var version] && catalog?.Block(id, version) is { } file ? JsonNode.Parse(file.Text) as JsonObject : null;

    private static void Index(FimRuleElement element, Dictionary<string, List<FimRuleElement>> byFimId)
    {
        if (element.FimId.Length == 0) return;
        if (!byFimId.TryGetValue(element.FimId, out var list)) byFimId[element.FimId] = list = [];
        list.Add(element);
    }

    /// <summary>The element's FIM rule notes: a note whose <c>fim</c> id is a rule's (<c>R…</c>) and that names its source.</summary>
    private static void Collect(JsonObject element, FimRuleElement owner, List<(JsonObject, FimRuleElement)> notes)
    {
        foreach (var note in (element["notes"] as JsonArray ?? []).OfType<JsonObject>())
            if (note["fim"]?["id"]?.ToString() is { } id && id.StartsWith('R') && note["source"]?.ToString() is { Length: > 0 })
                notes.Add((note, owner));
    }

    private static string? Id(JsonObject element) => element["fim"]?["id"]?.ToString();

    /// <summary>FIM ids of fields and groups as rule texts name them: F00000463, G60000088, F05001047.</summary>
    [GeneratedRegex(@"\b[FG]\d{6,}\b")]
    private static partial Regex FimIds();
}
