using SkiaSharp;
using Sozialplattform.Documents.Text;

namespace Sozialplattform.Documents.Pdf.Layout;

/// <summary>Text styles and colours of the standard layout. All colours are opaque (PDF/A: no transparency).</summary>
internal sealed record PdfTheme(
    TextStyle Title,
    TextStyle Heading,
    TextStyle Subheading,
    TextStyle Label,
    TextStyle Value,
    TextStyle Small,
    TextStyle TableHeader,
    TextStyle TableCell,
    SKColor RuleColor,
    SKColor HeaderFill,
    SKColor StripeFill)
{
    public static PdfTheme Create(DocumentFonts fonts)
    {
        var ink = new SKColor(0x11, 0x11, 0x11);
        var accent = new SKColor(0x1A, 0x3A, 0x5C);
        var muted = new SKColor(0x4A, 0x4A, 0x4A);
        return new PdfTheme(
            Title: new TextStyle(fonts.Bold, 16f, accent),
            Heading: new TextStyle(fonts.Bold, 12.5f, accent),
            Subheading: new TextStyle(fonts.Bold, 10.5f, ink),
            Label: new TextStyle(fonts.Regular, 9f, muted),
            Value: new TextStyle(fonts.Regular, 9.5f, ink),
            Small: new TextStyle(fonts.Regular, 8f, muted),
            TableHeader: new TextStyle(fonts.Bold, 8.5f, ink),
            TableCell: new TextStyle(fonts.Regular, 8.5f, ink),
            RuleColor: new SKColor(0xB4, 0xB4, 0xB4),
            HeaderFill: new SKColor(0xE4, 0xE8, 0xEE),
            StripeFill: new SKColor(0xF5, 0xF6, 0xF8));
    }
}
