using Sozialplattform.Engine.Documents;

namespace Sozialplattform.Documents.Pdf.Layout;

/// <summary>
/// A letter (e.g. a decision made from a template of the service): the standard first-page header (authority, QR code of
/// the reference number, subject, facts), then the letter's lines as plain paragraphs, and "Seite x von y". The letter
/// travels in the one document model: <see cref="Document"/> puts each line into a field without label, in order.
/// </summary>
public sealed class LetterPdfLayout : IPdfLayout
{
    public const string LayoutName = "letter";

    public string Name => LayoutName;

    /// <summary>
    /// The document of a letter: <paramref name="subject"/> is its title, each line of <paramref name="text"/> one
    /// paragraph (an empty line: space). Nothing in the text is interpreted — it is printed as written.
    /// </summary>
    public static SubmissionDocument Document(string formId, string formVersion, string language, string subject, string referenceNumber,
        string authorityName, IReadOnlyList<string> authorityAddress, string text)
    {
        var lines = text.ReplaceLineEndings("\n").TrimEnd().Split('\n');
        var paragraphs = lines.Select((line, index) => (DocumentNode)new DocumentField($"letter.{index}", "", line.TrimEnd())).ToList();
        return new SubmissionDocument(formId, formVersion, language, false, subject,
            new DocumentHeader(referenceNumber, null, authorityName, authorityAddress), [new DocumentSection("", [], paragraphs)], [], [], []);
    }

    public IReadOnlyList<LaidOutPage> Layout(PdfLayoutContext context)
    {
        var theme = PdfTheme.Create(context.Fonts);
        var header = new HeaderComposer(context, theme);
        var flow = new PageFlow(context.Options.Page, context.Document.RightToLeft, f =>
        {
            if (f.PageNumber > 1) header.ComposeRunningHeader(f);
        });

        flow.NewPage();
        header.ComposeFirstPage(flow);
        var width = flow.Geometry.ContentWidth;
        foreach (var paragraph in context.Document.Sections.SelectMany(s => s.Content).OfType<DocumentField>())
        {
            if (paragraph.Value.Length == 0) flow.Advance(theme.Value.LineHeight);
            else flow.AddParagraph(context.Text.Lines(paragraph.Value, theme.Value, width, context.Document.RightToLeft), theme.Value, 0, width);
        }

        return new FooterComposer(context, theme).Finish(flow);
    }
}
