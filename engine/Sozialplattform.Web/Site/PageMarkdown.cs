using Ganss.Xss;
using Markdig;

namespace Sozialplattform.Web.Site;

/// <summary>
/// Renders a tenant page's Markdown to HTML that cannot carry script: Markdig with raw HTML switched off (HTML in the
/// text is shown as text), then HtmlSanitizer over the result (no <c>javascript:</c> or <c>data:</c> links, no event
/// attributes, no styles, no pictures, no ids that could clash with the portal's own). Links to portal paths (<c>/hilfe</c>) get the page's language (<c>/en/hilfe</c>).
/// </summary>
public static class PageMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UsePipeTables().Build();

    public static string ToHtml(string markdown, string language)
    {
        var html = Markdown.ToHtml(markdown, Pipeline);
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.UnionWith(["https", "mailto", "tel"]);
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedCssProperties.Clear();
        // No pictures: a page must not load anything from a third party.
        sanitizer.AllowedTags.Remove("img");
        sanitizer.FilterUrl += (_, e) =>
        {
            if (e.SanitizedUrl is { } url && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !HasLanguage(url))
                e.SanitizedUrl = "/" + language + url;
        };
        return sanitizer.Sanitize(html);
    }

    private static bool HasLanguage(string path) =>
        path.Split('/', 3) is [_, var first, ..] && Localization.PortalLanguage.Find(first) is not null;
}
