using SkiaSharp;

namespace Sozialplattform.Documents.Text;

/// <summary>Font, size (pt), colour and line height (pt) of a piece of text.</summary>
public sealed record TextStyle(ShapingFont Font, float Size, SKColor Color)
{
    public float LineHeight => Size * (Font.Ascender + Font.Descender + Font.LineGap) * 1.08f;

    /// <summary>Distance from a line's top to its baseline.</summary>
    public float Ascent => Size * (Font.Ascender + Font.LineGap / 2);

    public TextStyle WithSize(float size) => this with { Size = size };

    public TextStyle WithColor(SKColor color) => this with { Color = color };
}
