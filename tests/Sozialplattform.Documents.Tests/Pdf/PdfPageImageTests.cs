using SkiaSharp;
using Sozialplattform.Documents.Pdf;
using Sozialplattform.Documents.Pdf.Layout;

namespace Sozialplattform.Documents.Tests.Pdf;

/// <summary>The pages of a PDF as PNG images for previews: drawn by the PDF's own layout, at most the pages asked for.</summary>
public sealed class PdfPageImageTests
{
    private static readonly PdfRenderOptions Letter = new() { Layout = LetterPdfLayout.LayoutName, CreatedAt = new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero) };

    private static Engine.Documents.SubmissionDocument LetterOf(string body) =>
        LetterPdfLayout.Document("haushalt", "1.0.0", "de", "Eingangsbestätigung", "SP-2026-000123", "Sozialamt Teststadt", ["Rathausplatz 1", "12345 Teststadt"], body);

    [Fact]
    public void A_one_page_letter_gives_one_png_of_the_pages_size_with_dark_text_on_white()
    {
        var images = new PdfRenderer().RenderPageImages(LetterOf("Ihr Antrag ist eingegangen."), Letter, maxPages: 3, scale: 1f);

        images.Error.ShouldBeNull();
        images.PageCount.ShouldBe(1);
        var png = images.Pngs.ShouldHaveSingleItem();
        png.Take(8).ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        using var bitmap = SKBitmap.Decode(png);
        (bitmap.Width, bitmap.Height).ShouldBe((596, 842), "A4 is 595.28 × 841.89 pt, rounded up");
        var dark = 0;
        for (var y = 0; y < bitmap.Height; y += 2)
            for (var x = 0; x < bitmap.Width; x += 2)
                if (bitmap.GetPixel(x, y).Red < 100) dark++;
        dark.ShouldBeGreaterThan(200, "the letterhead and text are drawn");
    }

    [Fact]
    public void A_long_letter_shows_only_the_pages_asked_for_and_names_how_many_the_pdf_has()
    {
        var body = string.Join("\n", Enumerable.Range(1, 400).Select(i => $"Zeile {i} des Schreibens"));
        var pdf = new PdfRenderer().Render(LetterOf(body), Letter);

        var images = new PdfRenderer().RenderPageImages(LetterOf(body), Letter, maxPages: 2);

        images.PageCount.ShouldBe(pdf.PageCount);
        pdf.PageCount.ShouldBeGreaterThan(2);
        images.Pngs.Count.ShouldBe(2);
    }

    [Fact]
    public void An_unknown_layout_is_an_error_not_an_exception()
    {
        var images = new PdfRenderer().RenderPageImages(LetterOf("x"), new PdfRenderOptions { Layout = "gibt-es-nicht" });

        images.Pngs.ShouldBeEmpty();
        images.Error.ShouldNotBeNull();
    }
}
