using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sozialplattform.Catalog;

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
    public const int MaxItems = CaseWorkFiles.MaxChecklistItems;
    public const int MaxLabelLength = CaseWorkFiles.MaxChecklistLabelLength;
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static bool IsValidId(string id) => CaseWorkFiles.IsValidChecklistId(id);

    /// <summary>
    /// The items of a checklist file, or the problems that make it unreadable (a file the inbox would ignore), read by the
    /// inbox's and the bundle import's reader (<see cref="CaseWorkFiles.ParseChecklist"/>) and said in German.
    /// </summary>
    public static (IReadOnlyList<ChecklistEntry> Items, IReadOnlyList<ServiceFileProblem> Problems) Read(string text)
    {
        var read = CaseWorkFiles.ParseChecklist(Encoding.UTF8.GetBytes(text));
        if (read.Problems.Any(p => p.Code is ChecklistProblemCodes.NotJson or ChecklistProblemCodes.NotObject or ChecklistProblemCodes.ItemsMissing))
            return ([], Say(read.Problems));
        return (read.Items.Select(i => new ChecklistEntry(i.Id, CaseWorkFiles.LabelTexts(i.Label))).ToList(), Say(read.Problems));
    }

    /// <summary>Every problem of these items at once, by the same rules as the file's (<see cref="CaseWorkFiles.CheckChecklist"/>).</summary>
    public static IReadOnlyList<ServiceFileProblem> Check(IReadOnlyList<ChecklistEntry> items) =>
        Say(CaseWorkFiles.CheckChecklist(items.Select(i => (i.Id, i.Label, 0, 0)).ToList()));

    private static List<ServiceFileProblem> Say(IReadOnlyList<ChecklistProblem> problems) =>
        problems.Select(p => new ServiceFileProblem(ServiceFileNames.Checklist, p.Line, p.Column, German(p))).ToList();

    /// <summary>The author's sentence for a problem of the checklist (arguments: <see cref="ChecklistProblemCodes"/>).</summary>
    public static string German(ChecklistProblem problem)
    {
        string At(int i) => problem.Arguments.Count > i ? problem.Arguments[i] : "";
        return problem.Code switch
        {
            ChecklistProblemCodes.NotJson => "Die Checkliste ist kein gültiges JSON.",
            ChecklistProblemCodes.NotObject or ChecklistProblemCodes.ItemsMissing => "Die Checkliste braucht eine Liste „items“.",
            ChecklistProblemCodes.TooMany => $"Eine Checkliste hat höchstens {At(0)} Punkte, diese hat {At(1)}.",
            ChecklistProblemCodes.IdInvalid => $"Punkt {At(0)}: die Kennung „{At(1)}“ besteht nicht aus a–z, 0–9 und '-'.",
            ChecklistProblemCodes.LabelMissing => $"Punkt {At(0)} ({At(1)}): die deutsche Bezeichnung fehlt.",
            ChecklistProblemCodes.LabelTooLong => $"Punkt {At(0)} ({At(1)}): eine Bezeichnung ist länger als {At(2)} Zeichen.",
            ChecklistProblemCodes.IdTwice => $"Die Kennung „{At(1)}“ kommt {At(2)}-mal vor; jede Kennung nur einmal.",
            _ => problem.English(ServiceFileNames.Checklist),
        };
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
