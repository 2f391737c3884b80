using System.Collections.Concurrent;
using Sozialplattform.Storage.Outbox;
using Sozialplattform.Storage.Submissions;

namespace Sozialplattform.Delivery.Outbox;

/// <summary>
/// The one way to the submission's PDF: the stored copy, or — when the accept left it to after the request — rendered now
/// by the host's <see cref="IFormPdfRenderer"/> and stored once (<see cref="FormPdfStore.StoreOnceAsync"/>; two hosts
/// rendering at once keep the first). Callers in one process share one rendering of a submission (the dispatcher delivers
/// its destinations in parallel). The dispatcher calls it before a delivery; any other reader of the PDF would too.
/// </summary>
public sealed class FormPdfs(FormPdfStore store, IFormPdfRenderer? renderer = null)
{
    private readonly ConcurrentDictionary<Guid, Lazy<Task<FormPdfOutcome>>> _rendering = new();

    /// <summary>The stored PDF, rendering and storing it first when needed; or why it cannot be had now (then nothing is stored).</summary>
    public async Task<FormPdfOutcome> EnsureAsync(Guid submissionId, CancellationToken cancellationToken = default)
    {
        if (renderer is null)
            return await store.FindAsync(submissionId, cancellationToken) is { } stored
                ? new FormPdfOutcome(stored, null)
                : new FormPdfOutcome(null, "the submission has no PDF yet and this host registers no PDF renderer");
        var rendering = _rendering.GetOrAdd(submissionId, id => new Lazy<Task<FormPdfOutcome>>(() => RenderAndStoreAsync(renderer, id)));
        try
        {
            return await rendering.Value.WaitAsync(cancellationToken);
        }
        finally
        {
            _rendering.TryRemove(KeyValuePair.Create(submissionId, rendering));
        }
    }

    private async Task<FormPdfOutcome> RenderAndStoreAsync(IFormPdfRenderer pdfRenderer, Guid submissionId)
    {
        // Not cancelled with one caller: another may wait for the same rendering. Looked for first inside the shared task, so a
        // caller that comes after an earlier rendering finished finds its PDF instead of rendering again.
        if (await store.FindAsync(submissionId, CancellationToken.None) is { } stored) return new FormPdfOutcome(stored, null);
        var source = await store.LoadSourceAsync(submissionId, CancellationToken.None);
        if (source is null) return new FormPdfOutcome(null, $"submission {submissionId} is not stored");
        var rendering = await Task.Run(() => pdfRenderer.Render(source));
        if (rendering.Pdf is null) return new FormPdfOutcome(null, $"the PDF of {source.ReferenceNumber} could not be rendered: {rendering.Error}");
        Storage.Operations.PlatformMetrics.FormPdfRendered(source.FormId);
        return new FormPdfOutcome(await store.StoreOnceAsync(submissionId, source.ReferenceNumber, rendering.Pdf, CancellationToken.None), null);
    }
}

/// <summary>The stored PDF, or why there is none yet.</summary>
public sealed record FormPdfOutcome(StoredFile? Pdf, string? Error);
