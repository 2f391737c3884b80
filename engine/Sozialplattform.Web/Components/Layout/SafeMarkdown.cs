using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Sozialplattform.Web.Components.Layout;

/// <summary>
/// Renders the Markdown subset of the definition format to HTML: paragraphs, <c>**bold**</c>, <c>*emphasis*</c>, lists (<c>- </c>) and
/// links to https addresses or portal paths. Everything is HTML-encoded first, so no markup of the text survives.
/// </summary>
public static partial class SafeMarkdown
{
    public static string ToHtml(string text, Func<string, string>? portalPath = null)
    {
        var html = new StringBuilder();
        foreach (var block in text.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var lines = block.Split('\n', StringSplitOptions.TrimEntries);
            if (lines.All(l => l.StartsWith("- ", StringComparison.Ordinal)))
                html.Append("<ul>").AppendJoin("", lines.Select(l => $"<li>{Inline(l[2..], portalPath)}</li>")).Append("</ul>");
            else
                html.Append("<p>").AppendJoin("<br>", lines.Select(l => Inline(l, portalPath))).Append("</p>");
        }

        return html.ToString();
    }

    private static string Inline(string text, Func<string, string>? portalPath)
    {
        var encoded = WebUtility.HtmlEncode(text);
        encoded = Bold().Replace(encoded, "<strong>$1</strong>");
        encoded = Emphasis().Replace(encoded, "<em>$1</em>");
        return Link().Replace(encoded, match =>
        {
            var target = WebUtility.HtmlDecode(match.Groups[2].Value);
            var safe = target.StartsWith("https://", StringComparison.Ordinal) || (target.StartsWith('/') && !target.StartsWith("//", StringComparison.Ordinal));
            if (safe && target.StartsWith('/') && portalPath is not null) target = portalPath(target);
            return safe ? $"<a href=\"{WebUtility.HtmlEncode(target)}\">{match.Groups[1].Value}</a>" : match.Groups[1].Value;
        });
    }

    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex Bold();

    [GeneratedRegex(@"(?<![*\w])\*([^*\s][^*]*?)\*(?![*\w])")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"\[([^\]]+)\]\(([^)\s]+)\)")]
    private static partial Regex Link();
}
