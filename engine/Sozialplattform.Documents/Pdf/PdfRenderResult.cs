namespace Sozialplattform.Documents.Pdf;

/// <summary>A rendered PDF, or why there is none (errors as data: a code and an English message for logs).</summary>
public sealed record PdfRenderResult(byte[]? Pdf, int PageCount, string? ErrorCode, string? ErrorMessage)
{
    public bool Succeeded => Pdf is not null;

    public static PdfRenderResult Rendered(byte[] pdf, int pageCount) => new(pdf, pageCount, null, null);

    public static PdfRenderResult Failed(string code, string message) => new(null, 0, code, message);
}
