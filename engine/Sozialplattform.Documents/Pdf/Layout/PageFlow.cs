using SkiaSharp;
using Sozialplattform.Documents.Text;

namespace Sozialplattform.Documents.Pdf.Layout;

/// <summary>
/// Fills pages from top to bottom and starts a new page when the next piece does not fit.
/// Horizontal positions are given as offsets from the start edge (left, or right in a right-to-left
/// document), so composers never think about mirroring.
/// </summary>
internal sealed class PageFlow(PageGeometry geometry, bool rightToLeft, Action<PageFlow> onNewPage)
{
    private readonly List<List<PageItem>> _pages = [];

    public PageGeometry Geometry => geometry;

    public bool RightToLeft => rightToLeft;

    public float Y { get; private set; }

    public int PageNumber => _pages.Count;

    public float Remaining => geometry.ContentBottom - Y;

    public bool AtPageTop => Y <= geometry.ContentTop + 0.01f;

    public IReadOnlyList<IReadOnlyList<PageItem>> Pages => _pages;

    public void NewPage()
    {
        _pages.Add([]);
        Y = geometry.ContentTop;
        onNewPage(this);
    }

    /// <summary>Starts a new page unless <paramref name="height"/> points still fit (or the page is empty anyway).</summary>
    public void EnsureSpace(float height)
    {
        if (height > Remaining && !AtPageTop) NewPage();
    }

    public void Advance(float height) => Y += height;

    public void Add(PageItem item) => _pages[^1].Add(item);

    /// <summary>The page x of a box that starts <paramref name="offset"/> points from the start edge.</summary>
    public float X(float offset, float width) =>
        rightToLeft ? geometry.Width - geometry.MarginStart - offset - width : geometry.MarginStart + offset;

    /// <summary>Places one line at the start edge of the box [offset, offset + width], its top at <paramref name="top"/>.</summary>
    public void AddLine(TextLine line, TextStyle style, float offset, float width, float top, float ascent)
    {
        var x = rightToLeft ? X(offset, width) + width - line.Width * style.Size : X(offset, width);
        Add(new TextItem(x, top + ascent, line, style));
    }

    /// <summary>Writes wrapped text at the current position, breaking to a new page between lines.</summary>
    public void AddParagraph(IReadOnlyList<TextLine> lines, TextStyle style, float offset, float width)
    {
        foreach (var line in lines)
        {
            EnsureSpace(style.LineHeight);
            AddLine(line, style, offset, width, Y, style.Ascent);
            Y += style.LineHeight;
        }
    }

    public void AddRule(float offset, float width, float y, float thickness, SKColor color)
    {
        var x = X(offset, width);
        Add(new RuleItem(new SKPoint(x, y), new SKPoint(x + width, y), thickness, color));
    }

    public void AddBox(float offset, float width, float top, float height, SKColor fill) =>
        Add(new BoxItem(SKRect.Create(X(offset, width), top, width, height), fill));
}
