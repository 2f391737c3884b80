using System.Text;
using System.Text.Json.Nodes;

namespace Sozialplattform.Catalog.Lint;

/// <summary>Size of a form: pages, fields (once per definition, blocks expanded) and rules (conditions, computed values, validations).</summary>
public sealed record FormStatistics(CatalogReference Form, string Title, IReadOnlyList<string> Languages, int Pages, int Fields, int Rules,
    IReadOnlyList<string> LegalBasis, IReadOnlyList<string> LeikaKeys, string OzgId)
{
    private static readonly string[] ItemRules = ["visibleIf", "requiredIf", "readOnlyIf", "value"];

    public static FormStatistics Of(CatalogReference form, JsonObject definition, FormTree tree)
    {
        var pages = CatalogJson.Objects(definition["pages"]).ToList();
        int fields = 0, rules = Count(definition["validations"]);
        foreach (var page in pages)
        {
            rules += Count(page["validations"]) + (page["visibleIf"] is null ? 0 : 1);
            foreach (var item in tree.Items(page["items"])) Add(item, ref fields, ref rules);
        }
        return new FormStatistics(form, CatalogJson.GermanText(definition["title"]),
            (definition["languages"] as JsonArray)?.Select(l => l?.ToString() ?? "").ToList() ?? ["de"], pages.Count, fields, rules,
            CatalogJson.Objects(definition["legalBasis"]).Select(l => CatalogJson.GermanText(l["text"])).ToList(),
            (definition["service"]?["leikaKeys"] as JsonArray)?.Select(k => k?.ToString() ?? "").ToList() ?? [],
            CatalogJson.String(definition["service"], "ozgId") ?? "");
    }

    private static void Add(ItemNode item, ref int fields, ref int rules)
    {
        rules += ItemRules.Count(r => item.Json[r] is not null) + Count(item.Json["validations"]) + Count(item.BlockValidations);
        if (item.IsField) fields++;
        foreach (var child in item.Children) Add(child, ref fields, ref rules);
    }

    private static int Count(JsonNode? array) => array is JsonArray a ? a.Count : 0;

    /// <summary>The services table of docs/CATALOG.md (one row per form, latest version).</summary>
    public static string MarkdownTable(IEnumerable<FormStatistics> forms)
    {
        var text = new StringBuilder();
        text.Append("| service | form id | version | languages | pages | fields | rules | legal basis | LeiKa / OZG-ID |\n");
        text.Append("|---|---|---|---|---|---|---|---|---|\n");
        foreach (var f in forms.OrderBy(f => f.Form.Id, StringComparer.Ordinal))
        {
            var ids = f.LeikaKeys.Count == 0 ? "— (operator)" : string.Join(", ", f.LeikaKeys) + (f.OzgId.Length > 0 ? $" / {f.OzgId}" : "");
            text.Append($"| {f.Title} | `{f.Form.Id}` | {f.Form.Version} | {string.Join(", ", f.Languages)} | {f.Pages} | {f.Fields} | {f.Rules} | {string.Join("; ", f.LegalBasis)} | {ids} |\n");
        }
        return text.ToString();
    }
}
