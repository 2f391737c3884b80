namespace Sozialplattform.Documents.Pdf.Layout;

/// <summary>"Seite x von y" centred in the bottom margin of every page, once the page count is known.</summary>
internal sealed class FooterComposer(PdfLayoutContext context, PdfTheme theme)
{
    public IReadOnlyList<LaidOutPage> Finish(PageFlow flow)
    {
        var geometry = flow.Geometry;
        var count = flow.Pages.Count;
        return flow.Pages.Select((items, index) =>
        {
            var text = context.Texts.Page(index + 1, count);
            var line = context.Text.Lines(text, theme.Small, geometry.ContentWidth, context.Document.RightToLeft)[0];
            var x = (geometry.Width - line.Width * theme.Small.Size) / 2;
            var baseline = geometry.Height - geometry.MarginBottom / 2;
            IReadOnlyList<PageItem> all = [.. items, new TextItem(x, baseline, line, theme.Small)];
            return new LaidOutPage(geometry.Width, geometry.Height, all);
        }).ToList();
    }
}
