using Sozialplattform.Documents.Text;

namespace Sozialplattform.Documents.Pdf.Layout;

/// <summary>
/// A table whose rows never split: a row that does not fit goes to the next page, and the header row is
/// repeated there. Column widths follow the content. <see cref="Plan"/> refuses (returns null) when the
/// longest words do not fit side by side or a single row would be taller than a page, so the caller can fall
/// back to blocks.
/// </summary>
internal sealed class TableComposer(PdfLayoutContext context, PdfTheme theme)
{
    private const float Padding = 3f;
    private const float MinimumColumn = 28f;

    /// <summary>A measured table, ready to draw; <see cref="FirstHeight"/> is what must stay with a heading above it.</summary>
    public sealed record TablePlan(float[] Widths, MeasuredRow Header, IReadOnlyList<MeasuredRow> Body)
    {
        public float FirstHeight => Header.Height + (Body.Count > 0 ? Body[0].Height : 0);
    }

    public TablePlan? Plan(PageFlow flow, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows, float width)
    {
        if (ColumnWidths(headers, rows, width) is not { } widths) return null;
        var header = Measure(headers, widths, theme.TableHeader);
        var body = rows.Select(row => Measure(row, widths, theme.TableCell)).ToList();
        return body.Any(row => row.Height + header.Height > flow.Geometry.ContentHeight) ? null : new TablePlan(widths, header, body);
    }

    public void Compose(PageFlow flow, TablePlan plan, float offset, float width)
    {
        var (widths, header, body) = plan;
        flow.EnsureSpace(plan.FirstHeight);
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
    }

    public sealed record MeasuredRow(IReadOnlyList<IReadOnlyList<TextLine>> Cells, TextStyle Style, float Height);

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

    /// <summary>
    /// The automatic table layout of CSS: every column gets at least its longest word (so words are not broken) and
    /// the space left is shared in proportion to how much more each column would like. Null when even the longest
    /// words do not fit side by side.
    /// </summary>
    private float[]? ColumnWidths(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows, float width)
    {
        var columns = Enumerable.Range(0, headers.Count)
            .Select(i => rows.Select(r => (Text: r[i], Style: theme.TableCell)).Append((Text: headers[i], Style: theme.TableHeader)).ToList())
            .ToList();
        var natural = columns.Select(cells => Math.Max(cells.Max(c => Width(c.Text, c.Style)) + 2 * Padding, MinimumColumn)).ToArray();
        var minimum = columns.Select(cells => Math.Max(cells.Max(c => LongestWord(c.Text, c.Style)) + 2 * Padding, MinimumColumn)).ToArray();

        var total = natural.Sum();
        if (total <= width) return natural.Select(w => w * width / total).ToArray();
        var least = minimum.Sum();
        if (least > width) return null;

        var wish = natural.Zip(minimum, (n, m) => n - m).ToArray();
        var spare = width - least;
        var wishes = wish.Sum();
        return minimum.Select((m, i) => m + wish[i] / wishes * spare).ToArray();
    }

    private float Width(string text, TextStyle style) => context.Text.NaturalWidth(text, style, context.Document.RightToLeft);

    private float LongestWord(string text, TextStyle style) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(word => Width(word, style)).DefaultIfEmpty(0).Max();
}
