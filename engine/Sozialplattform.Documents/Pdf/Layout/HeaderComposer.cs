using Sozialplattform.Documents.Formatting;

namespace Sozialplattform.Documents.Pdf.Layout;

/// <summary>
/// The first page's header (authority, QR code of the reference number, title, reference, date, form,
/// legal basis) and the slim running header of the following pages, which sits in the top margin.
/// </summary>
internal sealed class HeaderComposer(PdfLayoutContext context, PdfTheme theme)
{
    private const float QrSize = 78f;
    private const float Gap = 14f;

    public void ComposeFirstPage(PageFlow flow)
    {
        var document = context.Document;
        var header = document.Header;
        var width = flow.Geometry.ContentWidth;
        var top = flow.Y;
        var hasQr = !string.IsNullOrEmpty(header.ReferenceNumber);
        var textWidth = hasQr ? width - QrSize - Gap : width;

        if (hasQr)
        {
            QrCodeComposer.Compose(flow, header.ReferenceNumber!, width - QrSize, top, QrSize);
            var caption = Lines(header.ReferenceNumber!, theme.Small, QrSize);
            var captionTop = top + QrSize;
            foreach (var line in caption)
            {
                flow.AddLine(line, theme.Small, width - QrSize, QrSize, captionTop, theme.Small.Ascent);
                captionTop += theme.Small.LineHeight;
            }
        }

        if (!string.IsNullOrEmpty(header.AuthorityName))
            flow.AddParagraph(Lines(header.AuthorityName, theme.Subheading, textWidth), theme.Subheading, 0, textWidth);
        foreach (var addressLine in header.AuthorityAddress)
            flow.AddParagraph(Lines(addressLine, theme.Label, textWidth), theme.Label, 0, textWidth);

        flow.Advance(Math.Max(0, top + (hasQr ? QrSize + theme.Small.LineHeight : 0) - flow.Y) + 8);
        flow.AddParagraph(Lines(document.Title, theme.Title, width), theme.Title, 0, width);
        flow.Advance(4);

        foreach (var (label, value) in Facts())
            new FieldRowComposer(context, theme).Compose(flow, label, value, 0, width);

        flow.Advance(2);
        flow.AddRule(0, width, flow.Y, 0.8f, theme.RuleColor);
        flow.Advance(10);
    }

    public void ComposeRunningHeader(PageFlow flow)
    {
        var document = context.Document;
        var width = flow.Geometry.ContentWidth;
        var text = string.IsNullOrEmpty(document.Header.ReferenceNumber)
            ? document.Title
            : $"{document.Title} · {context.Texts.ReferenceNumber} {document.Header.ReferenceNumber}";
        var line = Lines(text, theme.Small, width)[0];
        var baseline = flow.Geometry.MarginTop - 24;
        flow.AddLine(line, theme.Small, 0, width, baseline - theme.Small.Ascent, theme.Small.Ascent);
        flow.AddRule(0, width, baseline + 6, 0.5f, theme.RuleColor);
    }

    private IEnumerable<(string Label, string Value)> Facts()
    {
        var document = context.Document;
        var texts = context.Texts;
        if (!string.IsNullOrEmpty(document.Header.ReferenceNumber))
            yield return (texts.ReferenceNumber, document.Header.ReferenceNumber);
        if (document.Header.SubmittedAt is { } submitted)
            yield return (texts.SubmittedAt, DocumentFormat.DateTime(submitted, document.Language, context.Options.TimeZone));
        else if (context.DocumentDate is { } created)
            yield return (texts.CreatedAt, DocumentFormat.DateTime(created, document.Language, context.Options.TimeZone));
        yield return (texts.Form, $"{document.FormId} {document.FormVersion}");
        if (document.LegalBasis.Count > 0)
            yield return (texts.LegalBasis, string.Join("; ", document.LegalBasis));
    }

    private IReadOnlyList<Text.TextLine> Lines(string text, Text.TextStyle style, float width) =>
        context.Text.Lines(text, style, width, context.Document.RightToLeft);
}
