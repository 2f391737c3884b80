using System.Globalization;
using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Sozialplattform.Documents.Tests.Pdf;

/// <summary>
/// A PDF read back with PdfPig: words per page grouped into visual lines (top to bottom; left to right,
/// or right to left for Arabic documents). PdfPig reads Arabic glyphs in visual order as presentation
/// forms, so those words are reversed and NFKC-normalised back to logical text.
/// </summary>
internal sealed class ExtractedPdf
{
    private ExtractedPdf(IReadOnlyList<IReadOnlyList<string>> pages, PdfDocumentInfo info)
    {
        Pages = pages;
        Info = info;
    }

    /// <summary>Per page, its lines of text.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Pages { get; }

    public PdfDocumentInfo Info { get; }

    public IEnumerable<string> Words => Pages.SelectMany(p => p).SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    public string Text => string.Join("\n", Pages.Select((lines, i) => $"--- page {i + 1} ---\n" + string.Join("\n", lines)));

    public sealed record PdfDocumentInfo(string? Title, string? Author, string? Subject, string? Creator, string? Producer, string? CreationDate, int PageCount);

    // PdfPig garbles glyph positions when two documents are read at once (shared font caches),
    // and the test classes run in parallel.
    private static readonly Lock OneAtATime = new();

    public static ExtractedPdf Read(byte[] pdf, bool rightToLeft = false)
    {
        lock (OneAtATime) return ReadAlone(pdf, rightToLeft);
    }

    private static ExtractedPdf ReadAlone(byte[] pdf, bool rightToLeft)
    {
        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().Select(page => (IReadOnlyList<string>)Lines(page, rightToLeft)).ToList();
        var info = document.Information;
        return new ExtractedPdf(pages, new PdfDocumentInfo(info.Title, info.Author, info.Subject, info.Creator, info.Producer, info.CreationDate, document.NumberOfPages));
    }

    private static List<string> Lines(Page page, bool rightToLeft) =>
        page.GetWords()
            .GroupBy(w => Math.Round(w.BoundingBox.Bottom / 2.5))
            .OrderByDescending(g => g.Key)
            .Select(g => string.Join(" ", (rightToLeft ? g.OrderByDescending(w => w.BoundingBox.Left) : g.OrderBy(w => w.BoundingBox.Left)).Select(w => Logical(w.Text))))
            .ToList();

    public static string Logical(string word)
    {
        if (!word.Any(IsArabic)) return word;
        var reversed = new StringBuilder(word.Length);
        for (var i = word.Length - 1; i >= 0; i--) reversed.Append(word[i]);
        return reversed.ToString().Normalize(NormalizationForm.FormKC);
    }

    public static bool IsArabic(char c) => c is >= '\u0600' and <= '\u06FF' or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF';

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
