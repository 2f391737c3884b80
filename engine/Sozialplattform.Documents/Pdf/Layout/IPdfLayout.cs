namespace Sozialplattform.Documents.Pdf.Layout;

/// <summary>
/// Turns a submission document into pages. Layouts are registered by name in a
/// <see cref="PdfLayoutRegistry"/>; an operator picks one per service. A layout must be deterministic:
/// the same document and options give the same pages.
/// </summary>
public interface IPdfLayout
{
    string Name { get; }

    IReadOnlyList<LaidOutPage> Layout(PdfLayoutContext context);
}
