namespace Sozialplattform.Documents.Pdf.Layout;

/// <summary>
/// The default application PDF: header with QR code on page 1, running header after, sections with
/// their legal reference, repeating groups as tables or blocks, a closing page with declarations and
/// attachments, and "Seite x von y" on every page. Mirrored for right-to-left documents.
/// </summary>
public sealed class StandardPdfLayout : IPdfLayout
{
    public const string LayoutName = "standard";

    public string Name => LayoutName;

    public IReadOnlyList<LaidOutPage> Layout(PdfLayoutContext context)
    {
        var theme = PdfTheme.Create(context.Fonts);
        var header = new HeaderComposer(context, theme);
        var content = new ContentComposer(context, theme);
        var flow = new PageFlow(context.Options.Page, context.Document.RightToLeft, f =>
        {
            if (f.PageNumber > 1) header.ComposeRunningHeader(f);
        });

        flow.NewPage();
        header.ComposeFirstPage(flow);
        foreach (var section in context.Document.Sections) content.ComposeSection(flow, section);
        new ClosingPageComposer(context, theme, content).Compose(flow);
        return new FooterComposer(context, theme).Finish(flow);
    }
}
