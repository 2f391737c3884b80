using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sozialplattform.Engine.Validation;

namespace Sozialplattform.Designer.Workspace;

public enum SampleKind
{
    Valid,
    Invalid,
}

/// <summary>A sample saved, or why not (German, for the author).</summary>
public sealed record SampleSaveOutcome(bool Saved, string Message);

/// <summary>
/// Sample answers saved from the designer's preview: "valid" (answers without errors) and "invalid" (answers with errors,
/// together with exactly the errors and warnings they give — the catalog's <c>invalid.expected.json</c>). They are rows of
/// the catalog's shared home (<c>samples/&lt;form&gt;/&lt;number&gt;-&lt;kind&gt;.json</c>, insert only, so every host sees
/// the same and nothing is overwritten: a newer save gets the next number); the newest of each kind counts. They stand
/// beside the published version's own samples in the lint and the preview and travel with the next published version.
/// </summary>
public sealed partial class DraftSamples(FormWorkspace workspace)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The sample files of the draft (file name → bytes, as in <c>answers/</c>): the base version's, replaced by those saved since.</summary>
    public IReadOnlyDictionary<string, byte[]> Files(string formId, string? baseVersion)
    {
        var files = new SortedDictionary<string, byte[]>(workspace.SampleAnswerFiles(formId, baseVersion).ToDictionary(), StringComparer.Ordinal);
        foreach (var (kind, path) in Newest(formId))
        {
            if (workspace.CatalogFile(path) is not { } bytes || JsonNode.Parse(bytes) is not JsonObject saved) continue;
            if (kind == SampleKind.Valid) files["valid.json"] = Bytes(saved["answers"]);
            else
            {
                files["invalid.json"] = Bytes(saved["answers"]);
                files["invalid.expected.json"] = Bytes(saved["expected"]);
            }
        }

        return files;
    }

    /// <summary>
    /// Saves the preview's answers as the form's valid or invalid sample. A valid sample must give no errors, an invalid one
    /// at least one; the invalid sample keeps the errors and warnings it gives now as the expected ones.
    /// </summary>
    public SampleSaveOutcome Save(string formId, SampleKind kind, JsonObject answers, ValidationResult result, string author)
    {
        Names.CheckedFormId(formId);
        if (kind == SampleKind.Valid && result.Errors.Count > 0)
            return new SampleSaveOutcome(false, $"Nicht gespeichert: diese Antworten ergeben {result.Errors.Count} Fehler (zuerst „{result.Errors[0].Path}“: {result.Errors[0].Code}). Ein gültiges Beispiel hat keine Fehler.");
        if (kind == SampleKind.Invalid && result.Errors.Count == 0)
            return new SampleSaveOutcome(false, "Nicht gespeichert: diese Antworten ergeben keinen Fehler. Ein ungültiges Beispiel zeigt, welche Fehler die Prüfung findet.");

        var content = new JsonObject { ["answers"] = answers.DeepClone() };
        if (kind == SampleKind.Invalid) content["expected"] = Expected(result);
        var bytes = Encoding.UTF8.GetBytes(content.ToJsonString(Indented) + "\n");
        if (Insert(formId, kind, bytes, author))
            return new SampleSaveOutcome(true, kind == SampleKind.Valid
                ? "Als gültiges Beispiel gespeichert (valid.json)."
                : $"Als ungültiges Beispiel gespeichert (invalid.json) mit {result.Errors.Count} erwarteten Fehlern und {result.Warnings.Count} Warnungen.");

        return new SampleSaveOutcome(false, "Nicht gespeichert: gleichzeitig wurden zu viele Beispiele gespeichert. Bitte noch einmal versuchen.");
    }

    /// <summary>
    /// After a key was renamed: saves the draft's samples that named it (<paramref name="samples"/>: <c>valid</c>/<c>invalid</c>
    /// → rewritten answers, from <see cref="Editing.Renaming.KeyRename"/>) as the newest of their kind, the invalid one with
    /// its expected errors' paths renamed too. Not checked again: the renamed draft is not saved yet, and the lint checks
    /// draft and samples together. Undoing the rename does not take the samples back (rename back instead).
    /// </summary>
    public SampleSaveOutcome SaveRenamed(string formId, string? baseVersion, IReadOnlyDictionary<string, JsonObject> samples, IReadOnlyList<string> oldKeys, string newKey, string author)
    {
        Names.CheckedFormId(formId);
        if (samples.Count == 0) return new SampleSaveOutcome(true, "");
        var files = Files(formId, baseVersion);
        var saved = new List<string>();
        foreach (var (name, answers) in samples.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var kind = name == "valid" ? SampleKind.Valid : name == "invalid" ? SampleKind.Invalid : (SampleKind?)null;
            if (kind is null) continue;
            var content = new JsonObject { ["answers"] = answers.DeepClone() };
            if (kind == SampleKind.Invalid)
            {
                var expected = files.TryGetValue("invalid.expected.json", out var bytes) && Parse(bytes) is { } found ? found : new JsonObject { ["errors"] = new JsonArray(), ["warnings"] = new JsonArray() };
                content["expected"] = Editing.Renaming.SampleRename.Expected(expected, oldKeys, newKey);
            }

            if (!Insert(formId, kind.Value, Encoding.UTF8.GetBytes(content.ToJsonString(Indented) + "\n"), author))
                return new SampleSaveOutcome(false, $"Die Beispielantworten „{name}“ wurden nicht umbenannt gespeichert: gleichzeitig wurden zu viele Beispiele gespeichert. Bitte den Schlüssel noch einmal umbenennen.");
            saved.Add(name);
        }

        return new SampleSaveOutcome(true, $"Beispielantworten umbenannt gespeichert: {string.Join(", ", saved)}.");
    }

    private bool Insert(string formId, SampleKind kind, byte[] bytes, string author)
    {
        // Insert only: two saves at once (on one host or two) take different numbers; a taken number means the next
        // one — never a number tried before, so every attempt moves on even when the listing lags behind the store.
        var number = 0;
        for (var attempt = 0; attempt < 50; attempt++)
        {
            number = Math.Max(number, Numbers(formId).DefaultIfEmpty(0).Max()) + 1;
            if (workspace.AddCatalogFile(SamplePath(formId, number, kind), bytes, author)) return true;
        }

        return false;
    }

    private static JsonObject? Parse(byte[] bytes)
    {
        try
        {
            return JsonNode.Parse(bytes) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The catalog's format of expected errors: <c>{"errors": [{"path", "code"}], "warnings": [...]}</c>.</summary>
    public static JsonObject Expected(ValidationResult result) => new()
    {
        ["errors"] = new JsonArray(result.Errors.Select(Entry).ToArray()),
        ["warnings"] = new JsonArray(result.Warnings.Select(Entry).ToArray()),
    };

    private static JsonNode Entry(FieldError error) => new JsonObject { ["path"] = error.Path, ["code"] = error.Code };

    private static byte[] Bytes(JsonNode? node) => Encoding.UTF8.GetBytes((node ?? new JsonObject()).ToJsonString(Indented) + "\n");

    private static string Prefix(string formId) => $"samples/{formId}/";

    private static string SamplePath(string formId, int number, SampleKind kind) => $"{Prefix(formId)}{number:D6}-{(kind == SampleKind.Valid ? "valid" : "invalid")}.json";

    private IEnumerable<(int Number, SampleKind Kind, string Path)> Saved(string formId) =>
        workspace.CatalogFilePaths(Prefix(formId))
            .Select(path => (Path: path, Match: SampleName().Match(path[Prefix(formId).Length..])))
            .Where(p => p.Match.Success)
            .Select(p => (int.Parse(p.Match.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture), p.Match.Groups["kind"].Value == "valid" ? SampleKind.Valid : SampleKind.Invalid, p.Path));

    private IEnumerable<int> Numbers(string formId) => Saved(formId).Select(s => s.Number);

    private IEnumerable<(SampleKind Kind, string Path)> Newest(string formId) =>
        Saved(formId).GroupBy(s => s.Kind).Select(g => (g.Key, g.MaxBy(s => s.Number).Path));

    [GeneratedRegex("^(?<n>[0-9]{6})-(?<kind>valid|invalid)\\.json$")]
    private static partial Regex SampleName();
}
