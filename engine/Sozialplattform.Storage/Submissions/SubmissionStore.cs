using System.Text;
using Microsoft.EntityFrameworkCore;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;

namespace Sozialplattform.Storage.Submissions;

/// <summary>
/// Accepts submissions: the submission, its attachments, its first status event and one outbox entry per
/// destination are written in one transaction, so either all of it exists or none of it does.
/// </summary>
public sealed class SubmissionStore(SozialDatabase database, TimeProvider? clock = null)
{
    internal const string StatusSecretPurpose = "status-page";
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public async Task<AcceptResult> AcceptAsync(NewSubmission submission, IReadOnlyList<Destination> destinations, CancellationToken cancellationToken = default)
    {
        if (destinations.Count == 0)
            throw new ArgumentException($"Submission with idempotency key '{submission.IdempotencyKey}' has no destination; routing must find at least one.", nameof(destinations));

        // Insert first: a repeated key is rare, and the unique index decides races between parallel submits.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var stored = await InsertAsync(submission, destinations, cancellationToken);
                Operations.PlatformMetrics.SubmissionAccepted(stored.FormId);
                return Result(stored, created: true);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                var existing = await FindByIdempotencyKeyAsync(submission.IdempotencyKey, cancellationToken);
                if (existing is not null) return Result(existing, created: false);
                // Otherwise the random reference number collided: the next loop draws a new one.
            }
        }
    }

    private async Task<Submission> InsertAsync(NewSubmission input, IReadOnlyList<Destination> destinations, CancellationToken cancellationToken)
    {
        var now = input.SubmittedAt?.UtcDateTime ?? _clock.GetUtcNow().UtcDateTime;
        var protector = database.Protector;
        var id = Guid.CreateVersion7();
        var submission = new Submission
        {
            Id = id,
            ReferenceNumber = input.ReferenceNumber ?? ReferenceNumbers.New(now),
            TenantId = input.TenantId,
            FormId = input.FormId,
            FormVersion = input.FormVersion,
            ContentHash = input.ContentHash,
            FormTitle = input.FormTitle,
            LeikaKey = input.LeikaKey,
            Language = input.Language,
            AnswersCipher = protector.ProtectText(input.AnswersJson, id),
            ApplicantEmailCipher = input.ApplicantEmail is null ? null : protector.ProtectText(input.ApplicantEmail, id),
            PostalCode = input.PostalCode,
            Kreisschluessel = input.Kreisschluessel,
            CreatedAt = now,
            Status = SubmissionStatus.Received,
            StatusSecretHash = "",
            IdempotencyKey = input.IdempotencyKey,
            OwnerToken = input.OwnerPseudonym is null ? null : AccountOwner.Token(protector, input.OwnerPseudonym),
            PrefilledJson = input.Prefilled.Count == 0 ? null : System.Text.Json.JsonSerializer.Serialize(input.Prefilled),
            PdfAuthorityName = input.PdfAuthority?.Name,
            PdfAuthorityAddress = input.PdfAuthority is { } authority ? string.Join('\n', authority.Address) : null,
        };
        submission.StatusSecretHash = Crypto.SecretHashing.Hash(protector.DeriveSecret(StatusSecretPurpose, id));

        using var turn = await database.EnterWriteAsync(cancellationToken);
        await using var context = database.CreateContext();
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        context.Submissions.Add(submission);
        if (input.Pdf is not null)
            context.Attachments.Add(StoredAttachments.Create(protector, AttachmentPurpose.Form, null, $"{submission.ReferenceNumber}.pdf", "application/pdf", input.Pdf, now, submissionId: id));
        foreach (var attachment in input.Attachments)
            context.Attachments.Add(StoredAttachments.Create(protector, AttachmentPurpose.Attachment, attachment.FieldPath, attachment.FileName, attachment.MediaType, attachment.Content, now, submissionId: id));
        context.StatusEvents.Add(new StatusEvent { SubmissionId = id, Status = SubmissionStatus.Received, Actor = "system", CreatedAt = now });
        foreach (var destination in destinations.DistinctBy(d => d.AuthorityId))
            context.Outbox.Add(new OutboxEntry
            {
                Id = Guid.CreateVersion7(),
                SubmissionId = id,
                TenantId = input.TenantId,
                AuthorityId = destination.AuthorityId,
                Channel = destination.Channel,
                Status = OutboxStatus.Pending,
                NextAttemptAt = now,
                CreatedAt = now,
            });
        await context.SaveChangesAsync(cancellationToken);

        if (input.DraftId is { } draftId)
        {
            var uploads = input.DraftUploads;
            if (uploads.Any && uploads.Keep is { } keep)
            {
                var kept = keep.ToArray();
                await context.Attachments.Where(a => a.DraftId == draftId && !kept.Contains(a.Id)).ExecuteDeleteAsync(cancellationToken);
            }

            if (uploads.Any && uploads.Keep is not { Count: 0 })
                await context.Attachments.Where(a => a.DraftId == draftId)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.SubmissionId, id).SetProperty(a => a.DraftId, (Guid?)null), cancellationToken);
            await context.Drafts.Where(d => d.Id == draftId).ExecuteDeleteAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return submission;
    }

    /// <summary>The submission accepted earlier under this idempotency key (e.g. a retried submit after the draft is gone), or null.</summary>
    public async Task<AcceptResult?> FindAsync(string idempotencyKey, CancellationToken cancellationToken = default) =>
        await FindByIdempotencyKeyAsync(idempotencyKey, cancellationToken) is { } existing ? Result(existing, created: false) : null;

    private async Task<Submission?> FindByIdempotencyKeyAsync(string key, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        return await context.Submissions.AsNoTracking().SingleOrDefaultAsync(s => s.IdempotencyKey == key, cancellationToken);
    }

    private AcceptResult Result(Submission submission, bool created) =>
        new(submission, created, database.Protector.DeriveSecret(StatusSecretPurpose, submission.Id));

    /// <summary>The answers of a stored submission, decrypted.</summary>
    public async Task<string?> ReadAnswersAsync(Guid submissionId, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var cipher = await context.Submissions.Where(s => s.Id == submissionId).Select(s => s.AnswersCipher).SingleOrDefaultAsync(cancellationToken);
        return cipher is null ? null : Encoding.UTF8.GetString(database.Protector.Unprotect(cipher, submissionId));
    }
}
