using Sozialplattform.Storage.Submissions;

namespace Sozialplattform.Delivery.Outbox;

/// <summary>
/// Renders a stored submission's PDF for the authorities. The host registers it (the portal: its catalog and PDF renderer),
/// so the dispatcher renders what the request no longer does without knowing forms or layouts.
/// </summary>
public interface IFormPdfRenderer
{
    /// <summary>The PDF, or why not (e.g. the pinned form version is not in this host's catalog yet).</summary>
    FormPdfRendering Render(FormPdfSource source);
}

/// <summary>A rendered PDF or the reason it could not be rendered.</summary>
public sealed record FormPdfRendering(byte[]? Pdf, string? Error)
{
    public static FormPdfRendering Rendered(byte[] pdf) => new(pdf, null);

    public static FormPdfRendering Failed(string error) => new(null, error);
}
