using Sozialplattform.Documents.Formatting;
using Sozialplattform.Engine.Documents;

namespace Sozialplattform.Documents.Pdf.Layout;

/// <summary>The final page: the declarations (☒ confirmed, ☐ not) and the attachments with their SHA-256.</summary>
internal sealed class ClosingPageComposer(PdfLayoutContext context, PdfTheme theme, ContentComposer content)
{
    private const float MarkWidth = 16f;

    public void Compose(PageFlow flow)
    {
        var document = context.Document;
        var texts = context.Texts;
        var width = flow.Geometry.ContentWidth;
        flow.NewPage();

        content.Heading(flow, texts.Declarations, [], theme.Heading, 0, width, spaceBefore: 0);
        if (document.Declarations.Count == 0) Note(flow, texts.NoDeclarations, width);
        foreach (var declaration in document.Declarations) Declaration(flow, declaration, width);

        content.Heading(flow, texts.Attachments, [], theme.Heading, 0, width, spaceBefore: 14);
        if (document.Attachments.Count == 0) Note(flow, texts.NoAttachments, width);
        var fields = new FieldRowComposer(context, theme);
        foreach (var attachment in document.Attachments)
        {
            var size = DocumentFormat.FileSize(attachment.Size, document.Language);
            fields.Compose(flow, attachment.FieldLabel, $"{attachment.FileName}\n{attachment.MediaType}, {size}\nSHA-256: {attachment.Sha256}", 0, width);
        }
    }

    private void Declaration(PageFlow flow, DocumentDeclaration declaration, float width)
    {
        var rightToLeft = context.Document.RightToLeft;
        var style = theme.Value;
        var mark = context.Text.Lines(declaration.Confirmed ? "☒" : "☐", style, MarkWidth, rightToLeft)[0];
        var lines = context.Text.Lines(declaration.Text, style, width - MarkWidth, rightToLeft);
        flow.EnsureSpace(Math.Min(lines.Count, 2) * style.LineHeight);
        flow.AddLine(mark, style, 0, MarkWidth, flow.Y, style.Ascent);
        flow.AddParagraph(lines, style, MarkWidth, width - MarkWidth);
        flow.Advance(5);
    }

    private void Note(PageFlow flow, string text, float width) =>
        flow.AddParagraph(context.Text.Lines(text, theme.Label, width, context.Document.RightToLeft), theme.Label, 0, width);
}
