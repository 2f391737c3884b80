using Sozialplattform.Documents.Text;

namespace Sozialplattform.Documents.Pdf.Layout;

/// <summary>
/// A table whose rows never split: a row that does not fit goes to the next page, and the header row is
/// repeated there. Column widths follow the content. Refuses (returns false, draws nothing) when a
/// single row would be taller than a page, so the caller can fall back to blocks.
/// </summary>
internal sealed class TableComposer(PdfLayoutContext context, PdfTheme theme)
{
    private const float Padding = 3f;
    private const float MinimumColumn = 28f;

    public bool TryCompose(PageFlow flow, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows, float offset, float width)
    {
        var widths = ColumnWidths(headers, rows, width);
        var header = Measure(headers, widths, theme.TableHeader);
        var body = rows.Select(row => Measure(row, widths, theme.TableCell)).ToList();
        if (body.Any(row => row.Height + header.Height > flow.Geometry.ContentHeight)) return false;

        flow.EnsureSpace(header.Height + (body.Count > 0 ? body[0].Height : 0));
        Draw(flow, header, widths, offset, theme.HeaderFill);
        for (var i = 0; i < body.Count; i++)
        {
            if (body[i].Height > flow.Remaining)
            {
                flow.NewPage();
                Draw(flow, header, widths, offset, theme.HeaderFill);
            }

            Draw(flow, body[i], widths, offset, i % 2 == 1 ? theme.StripeFill : null);
        }

        flow.AddRule(offset, width, flow.Y, 0.5f, theme.RuleColor);
        flow.Advance(8);
        return true;
    }

    private sealed record MeasuredRow(IReadOnlyList<IReadOnlyList<TextLine>> Cells, TextStyle Style, float Height);

    private MeasuredRow Measure(IReadOnlyList<string> cells, float[] widths, TextStyle style)
    {
        var lines = cells.Select((cell, i) => context.Text.Lines(cell, style, widths[i] - 2 * Padding, context.Document.RightToLeft)).ToList();
        return new MeasuredRow(lines, style, lines.Max(l => l.Count) * style.LineHeight + 2 * Padding);
    }

    private static void Draw(PageFlow flow, MeasuredRow row, float[] widths, float offset, SkiaSharp.SKColor? fill)
    {
        var top = flow.Y;
        if (fill is { } color) flow.AddBox(offset, widths.Sum(), top, row.Height, color);
        var x = offset;
        for (var column = 0; column < widths.Length; column++)
        {
            var lineTop = top + Padding;
            foreach (var line in row.Cells[column])
            {
                flow.AddLine(line, row.Style, x + Padding, widths[column] - 2 * Padding, lineTop, row.Style.Ascent);
                lineTop += row.Style.LineHeight;
            }

            x += widths[column];
        }

        flow.Advance(row.Height);
    }

    /// <summary>Columns get their natural width when everything fits; otherwise narrow columns keep theirs and wide ones share the rest.</summary>
    private float[] ColumnWidths(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows, float width)
    {
        var rightToLeft = context.Document.RightToLeft;
        var natural = headers
            .Select((header, i) => rows.Select(r => context.Text.NaturalWidth(r[i], theme.TableCell, rightToLeft))
                .Append(context.Text.NaturalWidth(header, theme.TableHeader, rightToLeft))
                .Max() + 2 * Padding)
            .Select(w => Math.Max(w, MinimumColumn))
            .ToArray();

        var total = natural.Sum();
        if (total <= width) return natural.Select(w => w * width / total).ToArray();

        var fair = width / natural.Length;
        var narrow = natural.Where(w => w <= fair).Sum();
        var wideTotal = natural.Where(w => w > fair).Sum();
        var left = width - narrow;
        return natural.Select(w => w <= fair ? w : w / wideTotal * left).ToArray();
    }
}
