using Microsoft.EntityFrameworkCore;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Outbox;

namespace Sozialplattform.Storage.Submissions;

/// <summary>
/// The submission's PDF (<see cref="AttachmentPurpose.Form"/>) when it is rendered after the accept: what the rendering
/// needs, read from the stored submission, and the one stored copy. A unique index allows one PDF per submission, so two
/// hosts that render it at the same time store it once and both go on with the winner's bytes.
/// </summary>
public sealed class FormPdfStore(SozialDatabase database, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>The stored PDF, decrypted, or null while it is not rendered yet.</summary>
    public async Task<StoredFile?> FindAsync(Guid submissionId, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var row = await context.Attachments.AsNoTracking()
            .SingleOrDefaultAsync(a => a.SubmissionId == submissionId && a.Purpose == AttachmentPurpose.Form, cancellationToken);
        return row is null ? null : File(row);
    }

    /// <summary>What the PDF is made of, decrypted; null for an unknown (or deleted) submission.</summary>
    public async Task<FormPdfSource?> LoadSourceAsync(Guid submissionId, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var submission = await context.Submissions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == submissionId, cancellationToken);
        if (submission is null) return null;
        return new FormPdfSource(submission.Id, submission.TenantId, submission.ReferenceNumber, submission.FormId, submission.FormVersion,
            submission.ContentHash, DateTime.SpecifyKind(submission.CreatedAt, DateTimeKind.Utc),
            database.Protector.UnprotectText(submission.AnswersCipher, submission.Id), submission.PrefilledJson,
            submission.PdfAuthorityName, submission.PdfAuthorityAddress?.Split('\n') ?? []);
    }

    /// <summary>
    /// Stores the rendered PDF unless another host stored one first; answers the one stored copy either way (the winner's).
    /// </summary>
    public async Task<StoredFile> StoreOnceAsync(Guid submissionId, string referenceNumber, byte[] pdf, CancellationToken cancellationToken = default)
    {
        var row = StoredAttachments.Create(database.Protector, AttachmentPurpose.Form, null, $"{referenceNumber}.pdf", "application/pdf", pdf,
            _clock.GetUtcNow().UtcDateTime, submissionId: submissionId);
        try
        {
            using var turn = await database.EnterWriteAsync(cancellationToken);
            await using var context = database.CreateContext();
            context.Attachments.Add(row);
            await context.SaveChangesAsync(cancellationToken);
            return File(row);
        }
        catch (DbUpdateException)
        {
            // The unique index refused a second PDF (another host or task rendered it too): the first one counts.
            return await FindAsync(submissionId, cancellationToken)
                ?? throw new InvalidOperationException($"Submission {referenceNumber}: the PDF could not be stored and none is there.");
        }
    }

    private StoredFile File(Attachment row) =>
        new(row.Id, row.Purpose, row.FieldPath, row.FileName, row.MediaType, row.Sha256, database.Protector.Unprotect(row.ContentCipher, row.Id));
}

/// <summary>
/// A stored submission as its PDF needs it: the pinned form version, the clean answers, the moment of the submit and the
/// authority named at that moment (<see cref="AuthorityName"/> null for a submission stored with its PDF).
/// </summary>
public sealed record FormPdfSource(
    Guid SubmissionId,
    string TenantId,
    string ReferenceNumber,
    string FormId,
    string FormVersion,
    string ContentHash,
    DateTime SubmittedAt,
    string AnswersJson,
    string? PrefilledJson,
    string? AuthorityName,
    IReadOnlyList<string> AuthorityAddress);
