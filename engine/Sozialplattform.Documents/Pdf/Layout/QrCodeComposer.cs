using QRCoder;
using SkiaSharp;

namespace Sozialplattform.Documents.Pdf.Layout;

/// <summary>
/// Draws a QR code as vector rectangles (no bitmap: sharp at any zoom, and tiny). Dark modules of a
/// row that touch are merged into one rectangle.
/// </summary>
internal static class QrCodeComposer
{
    /// <summary>Adds the QR code of <paramref name="text"/> as a square of <paramref name="size"/> points, quiet zone included.</summary>
    public static void Compose(PageFlow flow, string text, float offset, float top, float size)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var module = size / matrix.Count;
        var left = flow.X(offset, size);
        for (var row = 0; row < matrix.Count; row++)
        {
            var bits = matrix[row];
            for (var column = 0; column < bits.Length; column++)
            {
                if (!bits[column]) continue;
                var end = column;
                while (end < bits.Length && bits[end]) end++;
                var rect = SKRect.Create(left + column * module, top + row * module, (end - column) * module, module);
                flow.Add(new BoxItem(rect, SKColors.Black));
                column = end;
            }
        }
    }
}
