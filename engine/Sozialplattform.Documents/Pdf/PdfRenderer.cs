using SkiaSharp;
using Sozialplattform.Documents.Pdf.Layout;
using Sozialplattform.Documents.Pdf.Rendering;
using Sozialplattform.Documents.Text;
using Sozialplattform.Engine.Documents;

namespace Sozialplattform.Documents.Pdf;

/// <summary>
/// The entry point for application PDFs: layout (by name from the registry) → painting with subset
/// fonts → archival fixes (language, content-derived id). Thread-safe; build once, reuse.
/// The same document and options give the same bytes on every machine.
/// </summary>
public sealed class PdfRenderer(PdfLayoutRegistry layouts, DocumentFonts fonts)
{
    public const string Producer = "Sozialplattform (SkiaSharp PDF, HarfBuzz)";

    public PdfRenderer() : this(PdfLayoutRegistry.WithBuiltIns(), DocumentFonts.Default)
    {
    }

    public PdfRenderResult Render(SubmissionDocument document, PdfRenderOptions? options = null)
    {
        options ??= new PdfRenderOptions();
        if (!layouts.TryGet(options.Layout, out var layout))
            return PdfRenderResult.Failed("pdf.unknown-layout", $"No PDF layout named '{options.Layout}'. Known: {string.Join(", ", layouts.Names)}.");

        var context = new PdfLayoutContext(document, options, fonts);
        var pages = layout.Layout(context);
        var pdf = PdfPainter.Paint(pages, Metadata(context));
        return PdfRenderResult.Rendered(PdfArchivalFinisher.Finish(pdf, document.Language), pages.Count);
    }

    /// <summary>
    /// The first <paramref name="maxPages"/> pages of the PDF that <see cref="Render"/> makes of the same input, as PNG
    /// images (<paramref name="scale"/> pixels per point), and how many pages the PDF has — for previews that show the pages.
    /// </summary>
    public PdfPageImages RenderPageImages(SubmissionDocument document, PdfRenderOptions? options = null, int maxPages = 3, float scale = 1.25f)
    {
        options ??= new PdfRenderOptions();
        if (!layouts.TryGet(options.Layout, out var layout))
            return new PdfPageImages([], 0, $"No PDF layout named '{options.Layout}'.");
        var pages = layout.Layout(new PdfLayoutContext(document, options, fonts));
        return new PdfPageImages(PdfPainter.PaintPng(pages, maxPages, scale), pages.Count, null);
    }

    private static SKDocumentPdfMetadata Metadata(PdfLayoutContext context)
    {
        var document = context.Document;
        var date = context.DocumentDate?.UtcDateTime;
        return new SKDocumentPdfMetadata
        {
            Title = document.Title,
            Author = context.Options.Author ?? document.Header.AuthorityName ?? "Sozialplattform",
            Subject = string.IsNullOrEmpty(document.Header.ReferenceNumber)
                ? document.Title
                : $"{document.Title} – {context.Texts.ReferenceNumber} {document.Header.ReferenceNumber}",
            Keywords = $"{document.FormId} {document.FormVersion}",
            Creator = "Sozialplattform",
            Producer = Producer,
            Creation = date,
            Modified = date,
            PdfA = true,
            RasterDpi = SKDocument.DefaultRasterDpi,
            EncodingQuality = 101,
        };
    }
}

/// <summary>PNG images of a PDF's first pages, the PDF's page count, or why there are none.</summary>
public sealed record PdfPageImages(IReadOnlyList<byte[]> Pngs, int PageCount, string? Error);
