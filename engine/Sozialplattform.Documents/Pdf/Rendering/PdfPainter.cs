using SkiaSharp;
using Sozialplattform.Documents.Pdf.Layout;
using Sozialplattform.Documents.Text;

namespace Sozialplattform.Documents.Pdf.Rendering;

/// <summary>
/// Draws laid-out pages with SkiaSharp's PDF backend. Fonts are subset first (all pages are known, so
/// is every glyph); text goes in as glyph runs with their source text, so Skia writes ToUnicode maps
/// and, where glyphs and characters differ (Arabic), /ActualText.
/// </summary>
internal static class PdfPainter
{
    public static byte[] Paint(IReadOnlyList<LaidOutPage> pages, SKDocumentPdfMetadata metadata)
    {
        var typefaces = SubsetTypefaces(pages);
        var fonts = new Dictionary<(ShapingFont, float), SKFont>();
        try
        {
            using var output = new MemoryStream();
            using (var document = SKDocument.CreatePdf(output, metadata))
            {
                using var fill = new SKPaint { Style = SKPaintStyle.Fill, IsAntialias = true };
                using var stroke = new SKPaint { Style = SKPaintStyle.Stroke, IsAntialias = true };
                foreach (var page in pages)
                {
                    var canvas = document.BeginPage(page.Width, page.Height);
                    foreach (var item in page.Items) Draw(canvas, item, fill, stroke, style => Font(fonts, typefaces, style));
                    document.EndPage();
                }

                document.Close();
            }

            return output.ToArray();
        }
        finally
        {
            foreach (var font in fonts.Values) font.Dispose();
            foreach (var typeface in typefaces.Values) typeface.Dispose();
        }
    }

    /// <summary>
    /// The first <paramref name="maxPages"/> pages as PNG images, drawn by the same code as the PDF (same items, same subset
    /// fonts) on a white raster at <paramref name="scale"/> pixels per point — a preview of the PDF, not a second layout.
    /// </summary>
    public static IReadOnlyList<byte[]> PaintPng(IReadOnlyList<LaidOutPage> pages, int maxPages, float scale)
    {
        var shown = pages.Take(Math.Max(0, maxPages)).ToList();
        var typefaces = SubsetTypefaces(shown);
        var fonts = new Dictionary<(ShapingFont, float), SKFont>();
        try
        {
            using var fill = new SKPaint { Style = SKPaintStyle.Fill, IsAntialias = true };
            using var stroke = new SKPaint { Style = SKPaintStyle.Stroke, IsAntialias = true };
            return shown.Select(page =>
            {
                var info = new SKImageInfo((int)Math.Ceiling(page.Width * scale), (int)Math.Ceiling(page.Height * scale), SKColorType.Rgba8888, SKAlphaType.Opaque);
                using var surface = SKSurface.Create(info) ?? throw new InvalidOperationException("SkiaSharp could not create a raster surface.");
                var canvas = surface.Canvas;
                canvas.Clear(SKColors.White);
                canvas.Scale(scale);
                foreach (var item in page.Items) Draw(canvas, item, fill, stroke, style => Font(fonts, typefaces, style));
                canvas.Flush();
                using var image = surface.Snapshot();
                using var png = image.Encode(SKEncodedImageFormat.Png, 100);
                return png.ToArray();
            }).ToList();
        }
        finally
        {
            foreach (var font in fonts.Values) font.Dispose();
            foreach (var typeface in typefaces.Values) typeface.Dispose();
        }
    }

    private static void Draw(SKCanvas canvas, PageItem item, SKPaint fill, SKPaint stroke, Func<TextStyle, SKFont> font)
    {
        switch (item)
        {
            case BoxItem box:
                fill.Color = box.Fill;
                canvas.DrawRect(box.Rect, fill);
                break;
            case RuleItem rule:
                stroke.Color = rule.Color;
                stroke.StrokeWidth = rule.Thickness;
                canvas.DrawLine(rule.From, rule.To, stroke);
                break;
            case TextItem text when text.Line.Runs.Any(r => r.Glyphs.Length > 0):
                using (var blob = TextBlob(text, font(text.Style)))
                {
                    fill.Color = text.Style.Color;
                    canvas.DrawText(blob, text.X, text.Baseline, fill);
                }

                break;
        }
    }

    private static SKTextBlob TextBlob(TextItem text, SKFont font)
    {
        using var builder = new SKTextBlobBuilder();
        var size = text.Style.Size;
        foreach (var run in text.Line.Runs.Where(r => r.Glyphs.Length > 0))
        {
            var buffer = builder.AllocateRawPositionedTextRun(font, run.Glyphs.Length, run.Utf8Text.Length);
            run.Glyphs.CopyTo(buffer.Glyphs);
            var positions = buffer.Positions;
            for (var g = 0; g < run.Glyphs.Length; g++) positions[g] = new SKPoint(run.X[g] * size, run.Y[g] * size);
            run.Utf8Clusters.CopyTo(buffer.Clusters);
            run.Utf8Text.CopyTo(buffer.Text);
        }

        return builder.Build() ?? throw new InvalidOperationException("SkiaSharp built no text blob.");
    }

    private static Dictionary<ShapingFont, SKTypeface> SubsetTypefaces(IReadOnlyList<LaidOutPage> pages)
    {
        var glyphs = new Dictionary<ShapingFont, HashSet<ushort>>();
        foreach (var text in pages.SelectMany(p => p.Items).OfType<TextItem>())
        {
            if (!glyphs.TryGetValue(text.Style.Font, out var set)) glyphs[text.Style.Font] = set = [];
            foreach (var run in text.Line.Runs) set.UnionWith(run.Glyphs);
        }

        return glyphs.ToDictionary(
            entry => entry.Key,
            entry => Load(entry.Key, FontSubsetter.Subset(entry.Key, entry.Value)));
    }

    private static SKTypeface Load(ShapingFont font, byte[] subset) =>
        SKTypeface.FromData(SKData.CreateCopy(subset)) ?? throw new InvalidOperationException($"SkiaSharp could not load the subset of {font.Name} ({subset.Length} bytes).");

    private static SKFont Font(Dictionary<(ShapingFont, float), SKFont> fonts, Dictionary<ShapingFont, SKTypeface> typefaces, TextStyle style)
    {
        if (!fonts.TryGetValue((style.Font, style.Size), out var font))
        {
            font = new SKFont(typefaces[style.Font], style.Size) { Subpixel = true, Hinting = SKFontHinting.None, LinearMetrics = true };
            fonts[(style.Font, style.Size)] = font;
        }

        return font;
    }
}
