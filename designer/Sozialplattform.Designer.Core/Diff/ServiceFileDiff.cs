using System.Text.Json;
using System.Text.Json.Nodes;
using Sozialplattform.Designer.Service;

namespace Sozialplattform.Designer.Diff;

/// <summary>What a service file is, by its path beside form.json (every file is compared, known or not).</summary>
public enum ServiceFileKind { Checklist, Letter, Template, Texts, Other }

/// <summary>
/// One difference between two sets of a service's files. <see cref="What"/>: <c>item</c> (a checklist item added or
/// removed), <c>label</c> (an item renamed in <see cref="Language"/>), <c>position</c> (an item moved), <c>file</c> (a
/// letter, template or other file added, removed or changed — its line diff from <see cref="TextLineDiff"/>), <c>text</c>
/// (one text of a texts file, by <see cref="Item"/>). <see cref="Item"/> is the checklist item's id or the text's key,
/// <see cref="Label"/> the item's German label (the newer one) for naming it.
/// </summary>
public sealed record ServiceFileChange(
    string Path, ServiceFileKind Kind, ChangeType Change, string What, string? Item = null, string? Language = null, string? Before = null, string? After = null,
    string? Label = null)
{
    /// <summary>As a change of the version (its impact: <see cref="ChangeArea.ServiceFile"/>, a patch).</summary>
    public DiffEntry ToEntry() => new(Path, Kind.ToString().ToLowerInvariant(), Change, ChangeArea.ServiceFile, What, Label ?? Item ?? Language, Before, After);

    /// <summary>Back from <see cref="ToEntry"/> for a line of text (the language of a renamed item is not kept there).</summary>
    public static ServiceFileChange FromEntry(DiffEntry entry) => new(
        entry.Element, Enum.TryParse<ServiceFileKind>(entry.ElementType, ignoreCase: true, out var kind) ? kind : ServiceFileKind.Other, entry.Change,
        entry.Property ?? "file", entry.Detail, entry.Property == "file" ? ServiceFileDiff.LanguageOf(entry.Element) : null, entry.Before, entry.After, entry.Detail);
}

/// <summary>
/// The difference between two sets of service files (path → text: a version's, the draft's, a saved set) in the words
/// an author knows: checklist items by label (added, renamed per language, moved, removed), letters and templates added,
/// removed or changed (with a line diff), texts files per text and language. Files are treated by path and kind, so a
/// template the designer does not edit yet (a receipt, a cover letter) is compared like the others.
/// </summary>
public static class ServiceFileDiff
{
    public static IReadOnlyList<ServiceFileChange> Compare(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after)
    {
        var changes = new List<ServiceFileChange>();
        foreach (var path in before.Keys.Union(after.Keys).OrderBy(Order).ThenBy(p => p, StringComparer.Ordinal))
        {
            var old = before.GetValueOrDefault(path);
            var now = after.GetValueOrDefault(path);
            if (old == now) continue;
            var kind = KindOf(path);
            if (kind == ServiceFileKind.Checklist && Checklist(path, old, now, changes)) continue;
            if (kind == ServiceFileKind.Texts && Texts(path, old, now, changes)) continue;
            var change = old is null ? ChangeType.Added : now is null ? ChangeType.Removed : ChangeType.Changed;
            changes.Add(new ServiceFileChange(path, kind, change, "file", Language: LanguageOf(path), Before: old, After: now));
        }

        return changes;
    }

    public static ServiceFileKind KindOf(string path) =>
        path == ServiceFileNames.Checklist ? ServiceFileKind.Checklist
        : path.StartsWith(ServiceFileNames.LetterFolder, StringComparison.Ordinal) ? ServiceFileKind.Letter
        : path.StartsWith(ServiceFileNames.TemplateFolder, StringComparison.Ordinal) ? ServiceFileKind.Template
        : path.EndsWith(".json", StringComparison.Ordinal) ? ServiceFileKind.Texts
        : ServiceFileKind.Other;

    /// <summary>The name of a letter or template (<c>letters/bewilligung.de.scriban</c> → <c>bewilligung</c>).</summary>
    public static string NameOf(string path)
    {
        var file = path[(path.LastIndexOf('/') + 1)..];
        return file.Split('.')[0];
    }

    /// <summary>The language of <c>&lt;name&gt;.&lt;lang&gt;.&lt;ext&gt;</c>, or null.</summary>
    public static string? LanguageOf(string path)
    {
        var parts = path[(path.LastIndexOf('/') + 1)..].Split('.');
        return parts.Length >= 3 && parts[^2].Length == 2 && parts[^2].All(char.IsAsciiLetterLower) ? parts[^2] : null;
    }

    private static int Order(string path) => (int)KindOf(path);

    /// <summary>Item by item; false when either side is no readable checklist (then the file is compared as text).</summary>
    private static bool Checklist(string path, string? before, string? after, List<ServiceFileChange> changes)
    {
        var (oldItems, oldProblems) = before is null ? ([], []) : ServiceChecklist.Read(before);
        var (newItems, newProblems) = after is null ? ([], []) : ServiceChecklist.Read(after);
        if (oldProblems.Count > 0 || newProblems.Count > 0) return false;
        var oldById = oldItems.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var newById = newItems.ToDictionary(i => i.Id, StringComparer.Ordinal);
        foreach (var gone in oldItems.Where(i => !newById.ContainsKey(i.Id)))
            changes.Add(new ServiceFileChange(path, ServiceFileKind.Checklist, ChangeType.Removed, "item", gone.Id, Before: gone.German, Label: gone.German));
        foreach (var item in newItems)
        {
            if (!oldById.TryGetValue(item.Id, out var old))
            {
                changes.Add(new ServiceFileChange(path, ServiceFileKind.Checklist, ChangeType.Added, "item", item.Id, After: item.German, Label: item.German));
                continue;
            }

            foreach (var language in Ordered(old.Label.Keys.Union(item.Label.Keys)))
            {
                var a = old.Label.GetValueOrDefault(language);
                var b = item.Label.GetValueOrDefault(language);
                if (a == b) continue;
                var change = a is null ? ChangeType.Added : b is null ? ChangeType.Removed : ChangeType.Changed;
                changes.Add(new ServiceFileChange(path, ServiceFileKind.Checklist, change, "label", item.Id, language, a, b, old.German));
            }
        }

        var oldOrder = oldItems.Select(i => i.Id).Where(newById.ContainsKey).ToList();
        var newOrder = newItems.Select(i => i.Id).Where(oldById.ContainsKey).ToList();
        var kept = LongestCommon(oldOrder, newOrder);
        foreach (var id in newOrder.Where(id => !kept.Contains(id)))
            changes.Add(new ServiceFileChange(path, ServiceFileKind.Checklist, ChangeType.Moved, "position", id,
                Before: (oldItems.ToList().FindIndex(i => i.Id == id) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                After: (newItems.ToList().FindIndex(i => i.Id == id) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Label: newById[id].German));
        return true;
    }

    /// <summary>A texts file (JSON of texts, per language) text by text; false when either side is no JSON object.</summary>
    private static bool Texts(string path, string? before, string? after, List<ServiceFileChange> changes)
    {
        if (Flat(before) is not { } a || Flat(after) is not { } b) return false;
        foreach (var key in a.Keys.Union(b.Keys).Order(StringComparer.Ordinal))
        {
            var old = a.GetValueOrDefault(key);
            var now = b.GetValueOrDefault(key);
            if (old == now) continue;
            var change = old is null ? ChangeType.Added : now is null ? ChangeType.Removed : ChangeType.Changed;
            var dot = key.LastIndexOf('.');
            var language = dot > 0 && key.Length - dot == 3 ? key[(dot + 1)..] : null;
            changes.Add(new ServiceFileChange(path, ServiceFileKind.Texts, change, "text", language is null ? key : key[..dot], language, old, now));
        }

        return true;
    }

    /// <summary>Every text leaf of a JSON object by its dotted path (null: no JSON object; a missing file has none).</summary>
    private static Dictionary<string, string>? Flat(string? text)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (text is null) return result;
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }

        if (root is not JsonObject) return null;
        void Walk(JsonNode? node, string prefix)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (key, value) in o) Walk(value, prefix.Length == 0 ? key : $"{prefix}.{key}");
                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++) Walk(array[i], $"{prefix}[{i}]");
                    break;
                case JsonValue value:
                    result[prefix] = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
                    break;
            }
        }

        Walk(root, "");
        return result;
    }

    private static IEnumerable<string> Ordered(IEnumerable<string> languages) =>
        languages.OrderBy(l => ServiceFileNames.Languages.Contains(l) ? ServiceFileNames.Languages.ToList().IndexOf(l) : 99).ThenBy(l => l, StringComparer.Ordinal);

    /// <summary>The ids that keep their relative order (longest common subsequence): the others were moved.</summary>
    private static HashSet<string> LongestCommon(List<string> a, List<string> b)
    {
        var lengths = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
            for (var j = b.Count - 1; j >= 0; j--)
                lengths[i, j] = a[i] == b[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
        var kept = new HashSet<string>(StringComparer.Ordinal);
        int x = 0, y = 0;
        while (x < a.Count && y < b.Count)
        {
            if (a[x] == b[y]) { kept.Add(a[x]); x++; y++; }
            else if (lengths[x + 1, y] >= lengths[x, y + 1]) x++;
            else y++;
        }

        return kept;
    }
}
