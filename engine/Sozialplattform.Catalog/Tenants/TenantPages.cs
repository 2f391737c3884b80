using System.Text.RegularExpressions;

namespace Sozialplattform.Catalog.Tenants;

/// <summary>
/// A tenant's own pages, written as Markdown in <c>tenants/&lt;tenant&gt;/pages/&lt;slug&gt;.&lt;lang&gt;.md</c>: the legal and
/// help pages every portal must have (<see cref="Required"/>) and information pages on topics ("Schulden — was tun?").
/// The first line <c># Title</c> is the title, the first paragraph the teaser; an information page may start with
/// front matter naming the catalog topics it belongs to (<c>topics: beratung, wohnen</c>) and its place in lists
/// (<c>order: 1</c>). German is the fallback of every page. Placeholders <c>{{ name }}</c> are filled from the
/// running configuration (<see cref="Placeholders"/>), so a privacy notice states the retention actually configured.
/// </summary>
public sealed partial record TenantPage(string Slug, IReadOnlyDictionary<string, string> MarkdownByLanguage, IReadOnlyList<string> Topics, int Order)
{
    public bool IsInformation => !TenantPages.Required.Contains(Slug);

    /// <summary>The Markdown in <paramref name="language"/>, or German (then <c>Language</c> says so).</summary>
    public (string Markdown, string Language) Resolve(string language) =>
        MarkdownByLanguage.TryGetValue(language, out var text) ? (text, language) : (MarkdownByLanguage[TenantPages.Fallback], TenantPages.Fallback);

    public string Title(string language) => TenantPages.TitleOf(Resolve(language).Markdown) ?? Slug;
}

public static partial class TenantPages
{
    public const string Fallback = "de";

    /// <summary>Legal and help pages a portal cannot launch without (§ 5 DDG, DSGVO Art. 13/14, BITV 2.0 § 7, help).</summary>
    public static readonly IReadOnlyList<string> Required = ["impressum", "datenschutz", "barrierefreiheit", "hilfe"];

    /// <summary>The values a page may insert; the portal fills each from its configuration (and tests that it does).</summary>
    public static readonly IReadOnlyList<string> Placeholders =
    [
        "drafts.retentionDays", "citizenSession.lifetimeHours", "citizenSession.idleMinutes", "logins.forgetFailedAfterHours",
        "logins.trustAddressDays", "contact.email", "contact.phone",
    ];

    /// <summary>The pages in <c>&lt;tenantFolder&gt;/pages</c> that have a German text (the lint reports the others).</summary>
    public static IReadOnlyList<TenantPage> Load(string tenantFolder)
    {
        var folder = Path.Combine(tenantFolder, "pages");
        if (!Directory.Exists(folder)) return [];
        var pages = new List<TenantPage>();
        foreach (var group in Directory.GetFiles(folder, "*.md").Select(Path.GetFileName).OfType<string>()
                     .Select(FileName).OfType<(string Slug, string Language, string File)>().GroupBy(f => f.Slug).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var texts = group.ToDictionary(f => f.Language, f => File.ReadAllText(Path.Combine(folder, f.File)).Replace("\r\n", "\n"), StringComparer.Ordinal);
            if (!texts.ContainsKey(Fallback)) continue;
            var (topics, order, _) = FrontMatter(texts[Fallback]);
            pages.Add(new TenantPage(group.Key, texts.ToDictionary(t => t.Key, t => FrontMatter(t.Value).Body, StringComparer.Ordinal), topics, order));
        }
        return pages;
    }

    /// <summary>What the lint reports: a missing legal or help page, a page without German or title, a bad file name, an unknown placeholder.</summary>
    public static IEnumerable<(string File, string Problem)> Problems(CatalogRoot catalog, string tenant)
    {
        var folder = $"tenants/{tenant}/pages";
        var files = Directory.Exists(catalog.FullPath(folder)) ? Directory.GetFiles(catalog.FullPath(folder), "*.md").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList() : [];
        foreach (var slug in Required.Where(slug => !files.Contains($"{slug}.{Fallback}.md")))
            yield return ($"{folder}/{slug}.{Fallback}.md", $"missing: every portal needs the page '{slug}' ({Purpose(slug)}) in German; the footer links to it");
        foreach (var file in files)
        {
            if (FileName(file) is not { } name)
            {
                yield return ($"{folder}/{file}", "the name must be <slug>.<language>.md with a slug of a-z, 0-9 and '-' and a two-letter language, e.g. hilfe.en.md");
                continue;
            }
            var text = File.ReadAllText(catalog.FullPath($"{folder}/{file}")).Replace("\r\n", "\n");
            var (_, _, body) = FrontMatter(text);
            if (TitleOf(body) is null) yield return ($"{folder}/{file}", "the page must begin with its title as '# Title'");
            if (name.Language != Fallback && !files.Contains($"{name.Slug}.{Fallback}.md")) yield return ($"{folder}/{file}", $"there is no German {name.Slug}.{Fallback}.md, the fallback of every page");
            foreach (Match placeholder in Placeholder().Matches(body))
                if (!Placeholders.Contains(placeholder.Groups[1].Value))
                    yield return ($"{folder}/{file}", $"unknown placeholder '{{{{ {placeholder.Groups[1].Value} }}}}'; known: {string.Join(", ", Placeholders)}");
        }
    }

    public static string? TitleOf(string markdown) =>
        markdown.Split('\n').FirstOrDefault(l => l.Trim().Length > 0) is { } first && first.StartsWith("# ", StringComparison.Ordinal) ? first[2..].Trim() : null;

    /// <summary>Replaces every <c>{{ name }}</c> with its value; an unknown name is kept visibly (the lint reports it).</summary>
    public static string Fill(string markdown, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(markdown, m => values.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);

    private static string Purpose(string slug) => slug switch
    {
        "impressum" => "Impressum, § 5 DDG",
        "datenschutz" => "Datenschutzerklärung, DSGVO Art. 13/14",
        "barrierefreiheit" => "Erklärung zur Barrierefreiheit, BITV 2.0 § 7",
        _ => "Hilfe und häufige Fragen",
    };

    private static (string Slug, string Language, string File)? FileName(string file) =>
        PageFile().Match(file) is { Success: true } match ? (match.Groups[1].Value, match.Groups[2].Value, file) : null;

    private static (IReadOnlyList<string> Topics, int Order, string Body) FrontMatter(string text)
    {
        var end = text.StartsWith("---\n", StringComparison.Ordinal) ? text.IndexOf("\n---\n", 3, StringComparison.Ordinal) : -1;
        if (end < 0) return ([], int.MaxValue, text);
        var topics = new List<string>();
        var order = int.MaxValue;
        foreach (var line in text[4..end].Split('\n'))
        {
            var (key, value) = line.Split(':', 2) is [var k, var v] ? (k.Trim(), v.Trim()) : ("", "");
            if (key == "topics") topics.AddRange(value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            else if (key == "order" && int.TryParse(value, out var number)) order = number;
        }
        return (topics, order, text[(end + 5)..]);
    }

    [GeneratedRegex(@"^([a-z0-9][a-z0-9-]*)\.([a-z]{2})\.md$")]
    private static partial Regex PageFile();

    [GeneratedRegex(@"\{\{\s*([A-Za-z][A-Za-z0-9.]*)\s*\}\}")]
    private static partial Regex Placeholder();
}
