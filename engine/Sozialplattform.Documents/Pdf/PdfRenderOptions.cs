using Sozialplattform.Documents.Formatting;
using Sozialplattform.Documents.Pdf.Layout;

namespace Sozialplattform.Documents.Pdf;

/// <summary>How to render one PDF. Nothing here reads the clock, so the same input gives the same bytes.</summary>
public sealed record PdfRenderOptions
{
    /// <summary>Name of a layout in the <see cref="PdfLayoutRegistry"/>.</summary>
    public string Layout { get; init; } = StandardPdfLayout.LayoutName;

    /// <summary>Creation date of the PDF; defaults to the submission's date. Without either, the PDF has no date.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Time zone of the dates printed on the pages.</summary>
    public TimeZoneInfo TimeZone { get; init; } = DocumentFormat.GermanTime;

    /// <summary>The PDF's author; defaults to the responsible authority, else "Sozialplattform".</summary>
    public string? Author { get; init; }

    public PageGeometry Page { get; init; } = PageGeometry.A4;
}
