using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sozialplattform.Documents.Templating;

namespace Sozialplattform.Catalog;

/// <summary>
/// The files beside a service version's <c>form.json</c> that case work reads: the checklist (<c>checklist.json</c>) and
/// the decision letter templates (<c>letters/&lt;name&gt;.de.scriban</c>). One check each, used by the inbox when it reads
/// them and by the bundle import before it writes them.
/// </summary>
public static partial class CaseWorkFiles
{
    public const string ChecklistFileName = "checklist.json";
    public const string LettersFolder = "letters";
    public const string LetterSuffix = ".de.scriban";

    /// <summary>The most items a checklist may have.</summary>
    public const int MaxChecklistItems = 100;

    /// <summary>The longest label of a checklist item, in any language.</summary>
    public const int MaxChecklistLabelLength = 200;

    /// <summary>
    /// The checklist's items (id and label as written), or a <see cref="CatalogException"/> naming <paramref name="origin"/>
    /// and every problem in English (<see cref="ChecklistProblem.English"/>).
    /// </summary>
    public static IReadOnlyList<(string Id, JsonNode Label)> ReadChecklist(ReadOnlySpan<byte> utf8, string origin)
    {
        var read = ParseChecklist(utf8);
        if (read.Problems.Count > 0) throw new CatalogException(string.Join("; ", read.Problems.Select(p => p.English(origin))));
        return read.Items.Select(i => (i.Id, i.Label!)).ToList();
    }

    /// <summary>
    /// The one reader of <c>checklist.json</c> (inbox, bundle import, designer): its items with where each starts, and
    /// every problem at once as data (<see cref="CheckChecklist"/>'s rules, or the file's when it is no checklist).
    /// </summary>
    public static ChecklistFile ParseChecklist(ReadOnlySpan<byte> utf8)
    {
        JsonObject file;
        try
        {
            file = CatalogJson.Parse(utf8, "");
        }
        catch (CatalogException)
        {
            return new ChecklistFile([], [NotJson(utf8)]);
        }

        if (file["items"] is not JsonArray array) return new ChecklistFile([], [new ChecklistProblem(ChecklistProblemCodes.ItemsMissing, [])]);
        var positions = ItemPositions(utf8);
        var items = array.Select((node, i) =>
        {
            var (line, column) = i < positions.Count ? positions[i] : (0, 0);
            var id = node is JsonObject item ? CatalogJson.String(item, "id") ?? "" : "";
            return new ChecklistFileItem(id, node?["label"], line, column);
        }).ToList();
        return new ChecklistFile(items, CheckChecklist(items.Select(i => (i.Id, LabelTexts(i.Label), i.Line, i.Column)).ToList()));
    }

    /// <summary>
    /// The rules of a checklist, for a file read or items edited: at most <see cref="MaxChecklistItems"/> items; each with
    /// a valid id (<see cref="IsValidChecklistId"/>), a German label, no label longer than
    /// <see cref="MaxChecklistLabelLength"/>; no id twice.
    /// </summary>
    public static IReadOnlyList<ChecklistProblem> CheckChecklist(IReadOnlyList<(string Id, IReadOnlyDictionary<string, string> Label, int Line, int Column)> items)
    {
        var problems = new List<ChecklistProblem>();
        if (items.Count > MaxChecklistItems) problems.Add(new ChecklistProblem(ChecklistProblemCodes.TooMany, [Number(MaxChecklistItems), Number(items.Count)]));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var counts = items.GroupBy(i => i.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var (id, label, line, column) = items[i];
            var number = Number(i + 1);
            if (!IsValidChecklistId(id)) problems.Add(new ChecklistProblem(ChecklistProblemCodes.IdInvalid, [number, id], line, column));
            if ((label.GetValueOrDefault("de") ?? "").Trim().Length == 0) problems.Add(new ChecklistProblem(ChecklistProblemCodes.LabelMissing, [number, id], line, column));
            if (label.Values.Any(l => l.Length > MaxChecklistLabelLength))
                problems.Add(new ChecklistProblem(ChecklistProblemCodes.LabelTooLong, [number, id, Number(MaxChecklistLabelLength)], line, column));
            if (id.Length > 0 && !seen.Add(id) && reported.Add(id)) problems.Add(new ChecklistProblem(ChecklistProblemCodes.IdTwice, [number, id, Number(counts[id])], line, column));
        }

        return problems;
    }

    /// <summary>A label's texts by language: a plain string is German; an object's string values.</summary>
    public static IReadOnlyDictionary<string, string> LabelTexts(JsonNode? label) => label switch
    {
        JsonObject texts => texts.Where(t => t.Value?.GetValueKind() == JsonValueKind.String).ToDictionary(t => t.Key, t => t.Value!.GetValue<string>()),
        JsonValue plain when plain.GetValueKind() == JsonValueKind.String => new Dictionary<string, string> { ["de"] = plain.GetValue<string>() },
        _ => new Dictionary<string, string>(),
    };

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static ChecklistProblem NotJson(ReadOnlySpan<byte> utf8)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            while (reader.Read()) { }
            return new ChecklistProblem(ChecklistProblemCodes.NotObject, []);
        }
        catch (JsonException e)
        {
            return new ChecklistProblem(ChecklistProblemCodes.NotJson, [e.Message], (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1);
        }
    }

    /// <summary>Line and column (from 1) where each entry of the top-level <c>items</c> starts; the file is valid JSON.</summary>
    private static List<(int Line, int Column)> ItemPositions(ReadOnlySpan<byte> utf8)
    {
        var positions = new List<(int, int)>();
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var inItems = false;
        var done = false;
        while (!done && reader.Read())
        {
            if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName) inItems = reader.ValueTextEquals("items"u8);
            else if (inItems && reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.EndArray) done = true;
            else if (inItems && reader.CurrentDepth == 2 && reader.TokenType is not (JsonTokenType.EndObject or JsonTokenType.EndArray or JsonTokenType.PropertyName))
            {
                var before = utf8[..(int)reader.TokenStartIndex];
                var lineStart = before.LastIndexOf((byte)'\n') + 1;
                positions.Add((before.Count((byte)'\n') + 1, System.Text.Encoding.UTF8.GetCharCount(before[lineStart..]) + 1));
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) reader.Skip();
            }
        }

        return positions;
    }

    /// <summary>A checklist item's id: a-z, 0-9 and '-', at most 80 characters (the one rule for the inbox, bundles and the designer).</summary>
    public static bool IsValidChecklistId(string id) => ValidId().IsMatch(id);

    /// <summary>The problems of a letter template as "file(line,column): message", as the inbox reports them when it drafts a letter.</summary>
    public static IReadOnlyList<string> CheckLetter(string text, string origin) => TemplateRenderer.Check(text, origin).Select(e => e.ToString()).ToList();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,79}$")]
    private static partial Regex ValidId();
}

/// <summary>A checklist as read: its items in order and every problem (<see cref="CaseWorkFiles.ParseChecklist"/>).</summary>
public sealed record ChecklistFile(IReadOnlyList<ChecklistFileItem> Items, IReadOnlyList<ChecklistProblem> Problems);

/// <summary>One item as written (label: a text or texts by language; null when missing) and where it starts.</summary>
public sealed record ChecklistFileItem(string Id, JsonNode? Label, int Line, int Column);
