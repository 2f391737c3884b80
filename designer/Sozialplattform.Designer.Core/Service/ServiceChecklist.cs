using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Sozialplattform.Designer.Service;

/// <summary>One item of a service's checklist: a stable id (the inbox keeps ticks by it) and its label per language (German first).</summary>
public sealed record ChecklistEntry(string Id, IReadOnlyDictionary<string, string> Label)
{
    public string German => Label.GetValueOrDefault("de") ?? "";
}

/// <summary>
/// The caseworkers' checklist of a service (<c>checklist.json</c>, read by the inbox's ServiceChecklists):
/// <c>{"items": [{"id": "identitaet", "label": {"de": "Identität geprüft"}}]}</c>. Ids are a-z, 0-9 and '-', unique, and
/// never change once made — a renamed item keeps its id, so the ticks on existing cases stay with it; a removed item's
/// ticks stay stored on the cases and are no longer shown or counted.
/// </summary>
public static partial class ServiceChecklist
{
    public const int MaxItems = 100;
    public const int MaxLabelLength = 200;
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static bool IsValidId(string id) => Sozialplattform.Catalog.CaseWorkFiles.IsValidChecklistId(id);

    /// <summary>The items of a checklist file, or the problems that make it unreadable (a file the inbox would ignore).</summary>
    public static (IReadOnlyList<ChecklistEntry> Items, IReadOnlyList<ServiceFileProblem> Problems) Read(string text)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text);
        }
        catch (JsonException error)
        {
            return ([], [new ServiceFileProblem(ServiceFileNames.Checklist, (int)(error.LineNumber ?? 0) + 1, (int)(error.BytePositionInLine ?? 0) + 1, "Die Checkliste ist kein gültiges JSON.")]);
        }

        if (root is not JsonObject { } file || file["items"] is not JsonArray array)
            return ([], [new ServiceFileProblem(ServiceFileNames.Checklist, 0, 0, "Die Checkliste braucht eine Liste „items“.")]);
        var items = new List<ChecklistEntry>();
        foreach (var node in array)
        {
            var id = node?["id"]?.GetValueKind() == JsonValueKind.String ? node["id"]!.GetValue<string>() : "";
            var label = node?["label"] switch
            {
                JsonObject texts => texts.Where(t => t.Value?.GetValueKind() == JsonValueKind.String).ToDictionary(t => t.Key, t => t.Value!.GetValue<string>()),
                JsonValue plain when plain.GetValueKind() == JsonValueKind.String => new Dictionary<string, string> { ["de"] = plain.GetValue<string>() },
                _ => [],
            };
            items.Add(new ChecklistEntry(id, label));
        }

        return (items, Check(items));
    }

    /// <summary>Every problem of these items at once: ids (a-z, 0-9, '-', unique), a German label, lengths, the number of items.</summary>
    public static IReadOnlyList<ServiceFileProblem> Check(IReadOnlyList<ChecklistEntry> items)
    {
        var problems = new List<ServiceFileProblem>();
        void Add(string message) => problems.Add(new ServiceFileProblem(ServiceFileNames.Checklist, 0, 0, message));
        if (items.Count > MaxItems) Add($"Eine Checkliste hat höchstens {MaxItems} Punkte, diese hat {items.Count}.");
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (!IsValidId(item.Id)) Add($"Punkt {i + 1}: die Kennung „{item.Id}“ besteht nicht aus a–z, 0–9 und '-'.");
            if (item.German.Trim().Length == 0) Add($"Punkt {i + 1} ({item.Id}): die deutsche Bezeichnung fehlt.");
            if (item.Label.Values.Any(l => l.Length > MaxLabelLength)) Add($"Punkt {i + 1} ({item.Id}): eine Bezeichnung ist länger als {MaxLabelLength} Zeichen.");
        }

        foreach (var twice in items.GroupBy(i => i.Id, StringComparer.Ordinal).Where(g => g.Count() > 1 && g.Key.Length > 0))
            Add($"Die Kennung „{twice.Key}“ kommt {twice.Count()}-mal vor; jede Kennung nur einmal.");
        return problems;
    }

    /// <summary>The file the inbox reads: two-space indent, UTF-8, one trailing newline.</summary>
    public static string Write(IReadOnlyList<ChecklistEntry> items)
    {
        var array = new JsonArray(items.Select(i => (JsonNode)new JsonObject
        {
            ["id"] = i.Id,
            ["label"] = new JsonObject(ServiceFileNames.Languages.Where(i.Label.ContainsKey).Concat(i.Label.Keys.Except(ServiceFileNames.Languages).Order(StringComparer.Ordinal))
                .Select(l => KeyValuePair.Create(l, (JsonNode?)JsonValue.Create(i.Label[l])))),
        }).ToArray());
        return new JsonObject { ["items"] = array }.ToJsonString(Indented) + "\n";
    }

    /// <summary>
    /// A new item's id, made once from its German label (ä → ae, …; other characters become '-') and kept unique among
    /// <paramref name="taken"/> — also among ids that were removed in this session, so a new item never inherits old ticks.
    /// </summary>
    public static string NewId(string germanLabel, IEnumerable<string> taken)
    {
        var builder = new StringBuilder();
        foreach (var c in germanLabel.Trim().ToLowerInvariant())
        {
            var part = c switch { 'ä' => "ae", 'ö' => "oe", 'ü' => "ue", 'ß' => "ss", _ => c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c.ToString() : "-" };
            builder.Append(part);
        }

        var stem = Regex.Replace(builder.ToString(), "-{2,}", "-").Trim('-');
        if (stem.Length > 60) stem = stem[..60].TrimEnd('-');
        if (stem.Length == 0) stem = "punkt";
        var used = taken.ToHashSet(StringComparer.Ordinal);
        var id = stem;
        for (var n = 2; used.Contains(id); n++) id = $"{stem}-{n}";
        return id;
    }
}
