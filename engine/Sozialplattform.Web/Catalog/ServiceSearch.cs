using System.Globalization;
using System.Text;

namespace Sozialplattform.Web.Catalog;

/// <summary>The outcome of a search: the services found and, when they were found for a corrected spelling, that spelling.</summary>
public sealed record ServiceSearchResult(IReadOnlyList<CatalogForm> Found, string? Suggestion);

/// <summary>
/// The home page's search over titles, short titles, descriptions, keywords and ids (in the citizen's language and
/// German). When the words as typed find nothing, each word is compared with the words of the catalog without case and
/// accents ("Burgergeld" = "Bürgergeld") and with one or two typing errors (by length); the closest words become a
/// suggestion ("Meinten Sie …?") whose services are shown.
/// </summary>
public static class ServiceSearch
{
    public static ServiceSearchResult Search(IEnumerable<CatalogForm> forms, string query, string language)
    {
        var all = forms.ToList();
        query = query.Trim();
        if (query.Length == 0) return new(all, null);
        var literal = all.Where(f => Texts(f, language).Any(t => t.Contains(query, StringComparison.CurrentCultureIgnoreCase))).ToList();
        if (literal.Count > 0) return new(literal, null);

        var vocabulary = all.SelectMany(f => Texts(f, language)).SelectMany(Words).Where(w => w.Length >= 3).Distinct(StringComparer.Ordinal).ToList();
        var corrected = query.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(word => Closest(word, vocabulary)).ToList();
        if (corrected.Any(c => c is null)) return new([], null);
        var suggestion = string.Join(" ", corrected);
        var found = all.Where(f => Texts(f, language).Any(t => t.Contains(suggestion, StringComparison.CurrentCultureIgnoreCase))).ToList();
        return found.Count > 0 ? new(found, suggestion) : new([], null);
    }

    private static IEnumerable<string> Texts(CatalogForm form, string language)
    {
        var d = form.Definition;
        return new[] { d.Title, d.ShortTitle, d.Description }.SelectMany(t => new[] { t.Get(language), t.Get("de") }).Concat(d.Keywords).Append(d.Id);
    }

    private static IEnumerable<string> Words(string text) =>
        text.Split([' ', ',', '.', ';', ':', '(', ')', '„', '“', '"', '/', '*', '\n', '–', '!', '?'], StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('-'));

    /// <summary>The catalog word nearest to <paramref name="word"/> within the errors its length allows, or null.</summary>
    private static string? Closest(string word, IReadOnlyList<string> vocabulary)
    {
        var folded = Fold(word);
        var allowed = folded.Length <= 4 ? 0 : folded.Length <= 7 ? 1 : 2;
        return vocabulary
            .Select(candidate => (Candidate: candidate, Distance: Distance(folded, Fold(candidate))))
            .Where(c => c.Distance <= allowed)
            .OrderBy(c => c.Distance).ThenBy(c => c.Candidate, StringComparer.Ordinal)
            .Select(c => c.Candidate).FirstOrDefault();
    }

    /// <summary>Lower case without accents; ß and umlauts also as their German spellings' base letters (ü → u).</summary>
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant().Replace("ß", "ss", StringComparison.Ordinal).Normalize(NormalizationForm.FormD))
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) builder.Append(c);
        return builder.ToString();
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.</summary>
    public static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 2) return int.MaxValue;
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }
}
