using SkiaSharp;
using Sozialplattform.Documents.Text;

namespace Sozialplattform.Documents.Pdf.Layout;

/// <summary>Something drawn on a page, in points from the page's top-left corner.</summary>
public abstract record PageItem;

/// <summary>A line of shaped text; <see cref="X"/> is the line's left edge, <see cref="Baseline"/> its baseline.</summary>
public sealed record TextItem(float X, float Baseline, TextLine Line, TextStyle Style) : PageItem;

/// <summary>A filled, opaque rectangle (table shading, QR code modules).</summary>
public sealed record BoxItem(SKRect Rect, SKColor Fill) : PageItem;

/// <summary>A straight line.</summary>
public sealed record RuleItem(SKPoint From, SKPoint To, float Thickness, SKColor Color) : PageItem;

/// <summary>A finished page: what a layout hands to the PDF painter.</summary>
public sealed record LaidOutPage(float Width, float Height, IReadOnlyList<PageItem> Items);
