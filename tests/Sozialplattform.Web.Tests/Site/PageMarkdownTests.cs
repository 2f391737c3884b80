using Sozialplattform.Web.Site;

namespace Sozialplattform.Web.Tests.Site;

/// <summary>A tenant page's Markdown cannot carry script: raw HTML is shown as text, unsafe links lose their target.</summary>
public sealed class PageMarkdownTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>", "<script")]
    [InlineData("<img src=x onerror=alert(1)>", "<img")]
    [InlineData("[Klick](javascript:alert(1))", "javascript:")]
    [InlineData("[Bild](data:text/html;base64,PHNjcmlwdD4=)", "data:")]
    [InlineData("<a href=\"https://example.org\" onclick=\"alert(1)\">x</a>", "<a ")]
    [InlineData("![x](https://tracker.example.org/pixel.png \"t\")", "tracker.example.org")]
    public void Hostile_markup_in_a_page_is_never_rendered_as_markup(string markdown, string forbidden)
    {
        var html = PageMarkdown.ToHtml(markdown, "de");

        html.ShouldNotContain(forbidden);
    }

    [Fact]
    public void Headings_lists_links_and_tables_are_rendered_and_portal_links_get_the_language()
    {
        var html = PageMarkdown.ToHtml("## Kontakt\n\n- [Hilfe](/hilfe)\n- [Status](/en/status)\n- [LDI](https://www.ldi.nrw.de)\n- [Mail](mailto:a@example.org)\n\n| A | B |\n|---|---|\n| 1 | 2 |", "tr");

        html.ShouldContain("<h2>Kontakt</h2>");
        html.ShouldContain("<a href=\"/tr/hilfe\">Hilfe</a>");
        html.ShouldContain("<a href=\"/en/status\">Status</a>");
        html.ShouldContain("<a href=\"https://www.ldi.nrw.de\">LDI</a>");
        html.ShouldContain("<a href=\"mailto:a@example.org\">Mail</a>");
        html.ShouldContain("<table>");
    }
}
