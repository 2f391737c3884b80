using System.Text;
using System.Text.Json.Nodes;

namespace Sozialplattform.Catalog.Lint;

/// <summary>
/// How many texts of a form (newest version, with the blocks and code lists it uses) lack each portal language.
/// A language the form declares must have none missing — the lint fails otherwise; for the others the count shows how
/// far a translation has come.
/// </summary>
public sealed record TranslationCompleteness(CatalogReference Form, IReadOnlyList<string> Declared, IReadOnlyDictionary<string, int> Missing)
{
    /// <summary>The languages of the citizen portal, German first.</summary>
    public static readonly IReadOnlyList<string> PortalLanguages = ["de", "en", "tr", "ar", "uk", "ru"];

    public static TranslationCompleteness Of(CatalogRoot catalog, CatalogReference form, JsonObject definition)
    {
        var missing = CatalogLinter.MissingTexts(catalog, form, definition, PortalLanguages)
            .GroupBy(f => f.MissingLanguage!).ToDictionary(g => g.Key, g => g.Count());
        return new TranslationCompleteness(form, CatalogJson.Languages(definition), missing);
    }

    public int MissingIn(string language) => Missing.GetValueOrDefault(language);

    /// <summary>The completeness table (Markdown): a number is the count of missing texts in a declared language (0 or the lint fails); "–" marks a language the form does not declare, with its missing count in brackets.</summary>
    public static string MarkdownTable(IEnumerable<TranslationCompleteness> forms)
    {
        var text = new StringBuilder();
        text.Append("| form id | version | ").AppendJoin(" | ", PortalLanguages).Append(" |\n");
        text.Append("|---|---|").Append(string.Concat(PortalLanguages.Select(_ => "---|"))).Append('\n');
        foreach (var form in forms.OrderBy(f => f.Form.Id, StringComparer.Ordinal))
        {
            var cells = PortalLanguages.Select(l => form.Declared.Contains(l) ? form.MissingIn(l).ToString(System.Globalization.CultureInfo.InvariantCulture) : $"– ({form.MissingIn(l)})");
            text.Append($"| `{form.Form.Id}` | {form.Form.Version} | ").AppendJoin(" | ", cells).Append(" |\n");
        }
        return text.ToString();
    }
}
