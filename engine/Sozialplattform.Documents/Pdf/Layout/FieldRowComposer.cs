namespace Sozialplattform.Documents.Pdf.Layout;

/// <summary>
/// A label and its value side by side, both wrapping. A long value continues on the next page line by
/// line; the label never stands alone at the bottom of a page.
/// </summary>
internal sealed class FieldRowComposer(PdfLayoutContext context, PdfTheme theme)
{
    private const float ColumnGap = 10f;
    private const float RowGap = 3.5f;
    private const int LinesKeptTogether = 2;
    private const float ValueColumn = 0.4f;
    private const float MinimumLabelWidth = 80f;

    /// <param name="note">A small line under the value (where it came from), or null.</param>
    public void Compose(PageFlow flow, string label, string value, float offset, float width, string? note = null)
    {
        var rightToLeft = context.Document.RightToLeft;
        // Values line up in one column across nested groups: the label column absorbs the indentation.
        var valueStart = Math.Max(offset + MinimumLabelWidth + ColumnGap, MathF.Round(flow.Geometry.ContentWidth * ValueColumn));
        var labelWidth = valueStart - ColumnGap - offset;
        var valueWidth = offset + width - valueStart;
        var labelLines = context.Text.Lines(label, theme.Label, labelWidth, rightToLeft);
        var valueLines = context.Text.Lines(value.Length == 0 ? context.Texts.EmptyValue : value, theme.Value, valueWidth, rightToLeft);

        var lineHeight = Math.Max(theme.Label.LineHeight, theme.Value.LineHeight);
        var ascent = Math.Max(theme.Label.Ascent, theme.Value.Ascent);
        var rows = Math.Max(labelLines.Count, valueLines.Count);
        flow.EnsureSpace(Math.Min(rows, LinesKeptTogether) * lineHeight);

        for (var row = 0; row < rows; row++)
        {
            flow.EnsureSpace(lineHeight);
            if (row < labelLines.Count) flow.AddLine(labelLines[row], theme.Label, offset, labelWidth, flow.Y, ascent);
            if (row < valueLines.Count) flow.AddLine(valueLines[row], theme.Value, valueStart, valueWidth, flow.Y, ascent);
            flow.Advance(lineHeight);
        }

        if (note is not null)
            foreach (var line in context.Text.Lines(note, theme.Small, valueWidth, rightToLeft))
            {
                flow.EnsureSpace(theme.Small.LineHeight);
                flow.AddLine(line, theme.Small, valueStart, valueWidth, flow.Y, theme.Small.Ascent);
                flow.Advance(theme.Small.LineHeight);
            }

        flow.Advance(RowGap);
    }
}
