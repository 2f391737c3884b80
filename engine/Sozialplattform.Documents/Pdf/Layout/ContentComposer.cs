using Sozialplattform.Documents.Text;
using Sozialplattform.Engine.Documents;

namespace Sozialplattform.Documents.Pdf.Layout;

/// <summary>
/// Sections, groups, repeating groups and fields in document order. A repeating group whose rows hold
/// only fields becomes a table; any other becomes one block per row.
/// </summary>
internal sealed class ContentComposer(PdfLayoutContext context, PdfTheme theme)
{
    private const float Indent = 10f;
    private const int MaximumTableColumns = 6;

    private readonly FieldRowComposer _fields = new(context, theme);
    private readonly TableComposer _tables = new(context, theme);

    public void ComposeSection(PageFlow flow, DocumentSection section)
    {
        var width = flow.Geometry.ContentWidth;
        Heading(flow, section.Title, section.LegalBasis, theme.Heading, 0, width, spaceBefore: 10);
        flow.AddRule(0, width, flow.Y, 0.5f, theme.RuleColor);
        flow.Advance(5);
        ComposeNodes(flow, section.Content, 0, width);
    }

    private void ComposeNodes(PageFlow flow, IReadOnlyList<DocumentNode> nodes, float offset, float width)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case DocumentField field:
                    _fields.Compose(flow, field.Label, field.Value, offset, width, field.Note);
                    break;
                case DocumentGroup group:
                    Heading(flow, group.Title, group.LegalBasis, theme.Subheading, offset, width, spaceBefore: 6);
                    ComposeNodes(flow, group.Content, offset + Indent, width - Indent);
                    break;
                case DocumentRepeat repeat:
                    ComposeRepeat(flow, repeat, offset, width);
                    break;
            }
        }
    }

    private void ComposeRepeat(PageFlow flow, DocumentRepeat repeat, float offset, float width)
    {
        var table = IsTabular(repeat) ? _tables.Plan(flow, TableHeaders(repeat), TableRows(repeat), width) : null;
        Heading(flow, repeat.Title, repeat.LegalBasis, theme.Subheading, offset, width, spaceBefore: 6, keepWith: table?.FirstHeight ?? FirstRowHeadingHeight);
        if (table is not null)
        {
            _tables.Compose(flow, table, offset, width);
            return;
        }

        foreach (var row in repeat.Rows)
        {
            Heading(flow, row.Title, [], theme.Subheading.WithColor(theme.Label.Color), offset + Indent, width - Indent, spaceBefore: 3);
            ComposeNodes(flow, row.Content, offset + Indent, width - Indent);
        }
    }

    /// <summary>In block layout the first row's heading and two lines of it must stay with the group's heading.</summary>
    private float FirstRowHeadingHeight => 3 + theme.Subheading.LineHeight + 2 + 2 * theme.Value.LineHeight;

    private static bool IsTabular(DocumentRepeat repeat) =>
        repeat.Columns.Count is > 0 and <= MaximumTableColumns
        && repeat.Rows.All(row => row.Content.All(node => node is DocumentField));

    private IReadOnlyList<string> TableHeaders(DocumentRepeat repeat) => [context.Texts.RowNumber, .. repeat.Columns];

    private IReadOnlyList<IReadOnlyList<string>> TableRows(DocumentRepeat repeat) =>
        repeat.Rows.Select((row, index) =>
        {
            var fields = row.Content.OfType<DocumentField>().ToList();
            IReadOnlyList<string> cells =
            [
                (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                .. repeat.Columns.Select(column => fields.FirstOrDefault(f => f.Label == column) is { } field
                    ? (field.Value.Length == 0 ? context.Texts.EmptyValue : field.Value) + (field.Note is null ? "" : $" ({field.Note})")
                    : ""),
            ];
            return cells;
        }).ToList();

    /// <summary>A heading with its legal reference, kept on one page with at least two lines of what follows.</summary>
    /// <param name="keepWith">Height of what follows and must not be separated from the heading (e.g. a table's header and first row).</param>
    public void Heading(PageFlow flow, string title, IReadOnlyList<string> legalBasis, TextStyle style, float offset, float width, float spaceBefore, float keepWith = 0)
    {
        var rightToLeft = context.Document.RightToLeft;
        var titleLines = context.Text.Lines(title, style, width, rightToLeft);
        var legal = legalBasis.Count == 0
            ? []
            : context.Text.Lines($"{context.Texts.LegalBasis}: {string.Join("; ", legalBasis)}", theme.Small, width, rightToLeft);
        var height = titleLines.Count * style.LineHeight + legal.Count * theme.Small.LineHeight;

        if (!flow.AtPageTop) flow.Advance(spaceBefore);
        flow.EnsureSpace(height + 2 + Math.Max(keepWith, 2 * theme.Value.LineHeight));
        flow.AddParagraph(titleLines, style, offset, width);
        flow.AddParagraph(legal, theme.Small, offset, width);
        flow.Advance(2);
    }
}
