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

    /// <summary>
    /// The checklist's items (id and label as written), or a <see cref="CatalogException"/> naming <paramref name="origin"/>
    /// and the line (not JSON) or the item (no label, an id other than a-z, 0-9 and '-', an id declared twice).
    /// </summary>
    public static IReadOnlyList<(string Id, JsonNode Label)> ReadChecklist(ReadOnlySpan<byte> utf8, string origin)
    {
        var file = CatalogJson.Parse(utf8, origin);
        if (file["items"] is not JsonArray array) throw new CatalogException($"{origin}: 'items' must be a list of checklist items.");
        var items = new List<(string Id, JsonNode Label)>();
        foreach (var (node, index) in array.Select((n, i) => (n, i)))
        {
            var id = node is JsonObject item ? CatalogJson.String(item, "id") ?? "" : "";
            if (!IsValidChecklistId(id)) throw new CatalogException($"{origin}: items[{index}]: the item id '{id}' is not a-z, 0-9 and '-'");
            if (node!["label"] is not { } label) throw new CatalogException($"{origin}: items[{index}] '{id}' has no label");
            if (items.Any(i => i.Id == id)) throw new CatalogException($"{origin}: items[{index}]: the item id '{id}' is declared twice");
            items.Add((id, label));
        }

        return items;
    }

    /// <summary>A checklist item's id: a-z, 0-9 and '-', at most 80 characters (the one rule for the inbox, bundles and the designer).</summary>
    public static bool IsValidChecklistId(string id) => ValidId().IsMatch(id);

    /// <summary>The problems of a letter template as "file(line,column): message", as the inbox reports them when it drafts a letter.</summary>
    public static IReadOnlyList<string> CheckLetter(string text, string origin) => TemplateRenderer.Check(text, origin).Select(e => e.ToString()).ToList();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,79}$")]
    private static partial Regex ValidId();
}
