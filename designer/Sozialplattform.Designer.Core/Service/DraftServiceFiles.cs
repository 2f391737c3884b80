using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sozialplattform.Designer.Workspace;

namespace Sozialplattform.Designer.Service;

/// <summary>The draft's service files as last saved, with the number a later save must name.</summary>
public sealed record ServiceFileSet(int Number, IReadOnlyDictionary<string, string> Files)
{
    public string? File(string path) => Files.GetValueOrDefault(path);

    /// <summary>The set's content as one hash (a proposal is pinned to it: an approval holds only for exactly these files).</summary>
    public string Fingerprint => Of(Files);

    /// <summary>SHA-256 over the paths and texts in path order ("sha256:" + hex); the same files give the same fingerprint on every host.</summary>
    public static string Of(IReadOnlyDictionary<string, string> files)
    {
        var canonical = new JsonObject(files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => KeyValuePair.Create(f.Key, (JsonNode?)JsonValue.Create(f.Value))));
        return "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToJsonString())));
    }
}

/// <summary>One saved set in the history („Frühere Stände“): its number, who saved it and when (null for sets saved before that was recorded).</summary>
public sealed record SavedServiceFileSet(int Number, string? SavedBy, DateTimeOffset? SavedAt);

/// <summary>A save of the service files: done (with the new number), a conflict (someone saved in between), or refused with the problems.</summary>
public sealed record ServiceFilesSaveOutcome(bool Saved, ServiceFileSet? Current, string Message, IReadOnlyList<ServiceFileProblem> Problems);

/// <summary>
/// A draft's service files — checklist, decision letters, e-mail templates — saved from the designer. Like the saved
/// samples they are rows of the catalog's shared home (<c>service-files/&lt;form&gt;/&lt;number&gt;.json</c>, the whole set
/// as one JSON object path → text), insert only: a save names the number it started from and takes the next one, so of
/// two authors saving at once (one host or two) one wins and the other is told, and nothing is overwritten. Without a
/// saved set the draft has its base version's files; publishing stores the newest set with the version.
/// </summary>
public sealed partial class DraftServiceFiles(FormWorkspace workspace, TimeProvider? clock = null)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public ServiceFileSet Current(string formId, string? baseVersion)
    {
        Names.CheckedFormId(formId);
        if (Newest(formId) is not { } newest) return new ServiceFileSet(0, workspace.ServiceFilesOf(formId, baseVersion));
        return new ServiceFileSet(newest.Number, FilesOf(Read(newest.Path)));
    }

    /// <summary>The fingerprint of the draft's current set (<see cref="ServiceFileSet.Fingerprint"/>), from its base version as the draft has it.</summary>
    public string Fingerprint(string formId) => Current(formId, workspace.Current(formId)?.BaseVersion).Fingerprint;

    /// <summary>Every saved set of the draft, newest first, with who saved it when (the history „Frühere Stände“).</summary>
    public IReadOnlyList<SavedServiceFileSet> History(string formId)
    {
        Names.CheckedFormId(formId);
        return [.. SavedSets(formId).OrderByDescending(s => s.Number).Select(s =>
        {
            var json = Read(s.Path);
            var at = json?["savedAt"]?.GetValueKind() == JsonValueKind.String && DateTimeOffset.TryParse(json["savedAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var when) ? when : (DateTimeOffset?)null;
            return new SavedServiceFileSet(s.Number, json?["savedBy"]?.GetValueKind() == JsonValueKind.String ? json["savedBy"]!.GetValue<string>() : null, at);
        })];
    }

    /// <summary>The files of saved set <paramref name="number"/>, or null when the form has no such set.</summary>
    public ServiceFileSet? Saved(string formId, int number)
    {
        Names.CheckedFormId(formId);
        if (number < 1 || number > 999_999 || workspace.CatalogFile(SetPath(formId, number)) is null) return null;
        return new ServiceFileSet(number, FilesOf(Read(SetPath(formId, number))));
    }

    private JsonNode? Read(string path) => workspace.CatalogFile(path) is { } bytes ? JsonNode.Parse(bytes) : null;

    private static SortedDictionary<string, string> FilesOf(JsonNode? set) => new(
        set?["files"] is JsonObject saved
            ? saved.Where(f => f.Value?.GetValueKind() == JsonValueKind.String).ToDictionary(f => f.Key, f => f.Value!.GetValue<string>(), StringComparer.Ordinal)
            : [],
        StringComparer.Ordinal);

    /// <summary>
    /// Saves <paramref name="files"/> as the draft's whole set when the newest saved set is still number
    /// <paramref name="expectedNumber"/>. Unknown names, too many or too long files and a checklist with problems are refused
    /// and change nothing; a template that does not render is saved (work in progress) but keeps the version from being published.
    /// </summary>
    public ServiceFilesSaveOutcome Save(string formId, int expectedNumber, IReadOnlyDictionary<string, string> files, string author)
    {
        Names.CheckedFormId(formId);
        var problems = Check(files);
        if (problems.Count > 0) return new ServiceFilesSaveOutcome(false, null, "Nicht gespeichert: " + string.Join(" ", problems.Select(p => p.ToString())), problems);
        var current = Newest(formId)?.Number ?? 0;
        if (current != expectedNumber)
            return new ServiceFilesSaveOutcome(false, null, "Nicht gespeichert: jemand hat Checkliste oder Vorlagen dieses Formulars inzwischen gespeichert. Bitte neu laden.", []);
        var content = new JsonObject
        {
            ["savedBy"] = author,
            ["savedAt"] = (clock ?? TimeProvider.System).GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["files"] = new JsonObject(files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => KeyValuePair.Create(f.Key, (JsonNode?)JsonValue.Create(f.Value)))),
        };
        var bytes = Encoding.UTF8.GetBytes(content.ToJsonString(Indented) + "\n");
        // Insert only: of two saves naming the same number exactly one gets the next.
        if (!workspace.AddCatalogFile(SetPath(formId, current + 1), bytes, author))
            return new ServiceFilesSaveOutcome(false, null, "Nicht gespeichert: jemand hat Checkliste oder Vorlagen dieses Formulars gleichzeitig gespeichert. Bitte neu laden.", []);
        return new ServiceFilesSaveOutcome(true, new ServiceFileSet(current + 1, new SortedDictionary<string, string>(files.ToDictionary(), StringComparer.Ordinal)), "Gespeichert.", []);
    }

    /// <summary>What makes a set unstorable: names the designer does not keep, size, and the checklist's own rules.</summary>
    public static IReadOnlyList<ServiceFileProblem> Check(IReadOnlyDictionary<string, string> files)
    {
        var problems = new List<ServiceFileProblem>();
        if (files.Count > ServiceFileNames.MaxFiles) problems.Add(new ServiceFileProblem("", 0, 0, $"Höchstens {ServiceFileNames.MaxFiles} Dateien je Dienst."));
        foreach (var (path, text) in files)
        {
            if (!ServiceFileNames.IsKnown(path)) problems.Add(new ServiceFileProblem(path, 0, 0, "Diese Datei kann ein Dienst nicht haben (nur checklist.json, letters/<name>.de.scriban, templates/<vorlage>.<sprache>.scriban)."));
            else if (text.Length > ServiceFileNames.MaxFileLength) problems.Add(new ServiceFileProblem(path, 0, 0, $"Die Datei ist länger als {ServiceFileNames.MaxFileLength:N0} Zeichen."));
            else if (path == ServiceFileNames.Checklist) problems.AddRange(ServiceChecklist.Read(text).Problems);
        }

        return problems;
    }

    private static string Prefix(string formId) => $"service-files/{formId}/";

    private static string SetPath(string formId, int number) => $"{Prefix(formId)}{number:D6}.json";

    private (int Number, string Path)? Newest(string formId)
    {
        var saved = SavedSets(formId);
        return saved.Count == 0 ? null : saved.MaxBy(s => s.Number);
    }

    private List<(int Number, string Path)> SavedSets(string formId) =>
        workspace.CatalogFilePaths(Prefix(formId))
            .Select(path => (Path: path, Match: SetName().Match(path[Prefix(formId).Length..])))
            .Where(p => p.Match.Success)
            .Select(p => (Number: int.Parse(p.Match.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture), p.Path))
            .ToList();

    [GeneratedRegex("^(?<n>[0-9]{6})\\.json$")]
    private static partial Regex SetName();
}
