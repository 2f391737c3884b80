using Sozialplattform.Documents.Text;
using Sozialplattform.Engine.Documents;

namespace Sozialplattform.Documents.Pdf.Layout;

/// <summary>Everything a layout needs for one render. Not shared between renders (the text layouter caches).</summary>
public sealed class PdfLayoutContext(SubmissionDocument document, PdfRenderOptions options, DocumentFonts fonts)
{
    public SubmissionDocument Document => document;

    public PdfRenderOptions Options => options;

    public DocumentFonts Fonts => fonts;

    public TextLayouter Text { get; } = new();

    public PdfTexts Texts { get; } = PdfTexts.For(document.Language);

    /// <summary>The date the PDF carries: the one given in the options, else the submission's.</summary>
    public DateTimeOffset? DocumentDate => options.CreatedAt ?? document.Header.SubmittedAt;
}
