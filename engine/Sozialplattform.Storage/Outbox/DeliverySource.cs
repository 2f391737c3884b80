using Microsoft.EntityFrameworkCore;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;

namespace Sozialplattform.Storage.Outbox;

/// <summary>Reads and decrypts what one outbox entry has to deliver.</summary>
public sealed class DeliverySource(SozialDatabase database)
{
    public async Task<StoredDelivery> LoadAsync(OutboxEntry entry, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var submission = await context.Submissions.AsNoTracking().SingleAsync(s => s.Id == entry.SubmissionId, cancellationToken);
        var authority = await context.Authorities.AsNoTracking()
            .SingleOrDefaultAsync(a => a.TenantId == entry.TenantId && a.Id == entry.AuthorityId, cancellationToken);
        var files = await context.Attachments.AsNoTracking().Where(a => a.SubmissionId == submission.Id && a.MessageId == null).OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        var protector = database.Protector;
        return new StoredDelivery(
            entry,
            submission,
            protector.UnprotectText(submission.AnswersCipher, submission.Id),
            submission.ApplicantEmailCipher is null ? null : protector.UnprotectText(submission.ApplicantEmailCipher, submission.Id),
            authority,
            files.Select(f => new StoredFile(f.Id, f.Purpose, f.FieldPath, f.FileName, f.MediaType, f.Sha256, protector.Unprotect(f.ContentCipher, f.Id))).ToList());
    }

    /// <summary>
    /// What a follow-up entry (<see cref="OutboxEntry.MessageId"/> set) has to deliver: the hand-in with its text and files,
    /// decrypted, and the submission's own entry to the same destination (its delivery id and receipt are the reference).
    /// </summary>
    public async Task<StoredFollowUp> LoadFollowUpAsync(OutboxEntry entry, CancellationToken cancellationToken = default)
    {
        var messageId = entry.MessageId ?? throw new ArgumentException($"Outbox entry {entry.Id} is no follow-up.", nameof(entry));
        await using var context = database.CreateContext();
        var submission = await context.Submissions.AsNoTracking().SingleAsync(s => s.Id == entry.SubmissionId, cancellationToken);
        var message = await context.CaseMessages.AsNoTracking().SingleAsync(m => m.Id == messageId && m.SubmissionId == submission.Id, cancellationToken);
        var authority = await context.Authorities.AsNoTracking()
            .SingleOrDefaultAsync(a => a.TenantId == entry.TenantId && a.Id == entry.AuthorityId, cancellationToken);
        var original = await context.Outbox.AsNoTracking()
            .Where(o => o.SubmissionId == submission.Id && o.MessageId == null && o.TenantId == entry.TenantId && o.AuthorityId == entry.AuthorityId)
            .OrderBy(o => o.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        var files = await context.Attachments.AsNoTracking().Where(a => a.SubmissionId == submission.Id && a.MessageId == messageId).OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        var protector = database.Protector;
        return new StoredFollowUp(
            entry,
            submission,
            message.ReceiptNumber ?? "",
            message.CreatedAt,
            message.TextCipher is null ? null : protector.UnprotectText(message.TextCipher, message.Id),
            authority,
            original,
            files.Select(f => new StoredFile(f.Id, f.Purpose, f.FieldPath, f.FileName, f.MediaType, f.Sha256, protector.Unprotect(f.ContentCipher, f.Id))).ToList());
    }
}

/// <summary>One follow-up entry with its hand-in, decrypted, and the submission's own entry to the same destination (null if it is gone).</summary>
public sealed record StoredFollowUp(OutboxEntry Entry, Submission Submission, string ReceiptNumber, DateTime HandedInAt, string? Text, Authority? Authority, OutboxEntry? Original, IReadOnlyList<StoredFile> Files);

/// <summary>One outbox entry with its submission, decrypted. <see cref="Authority"/> is null if the tenant configuration no longer has it.</summary>
public sealed record StoredDelivery(OutboxEntry Entry, Submission Submission, string AnswersJson, string? ApplicantEmail, Authority? Authority, IReadOnlyList<StoredFile> Files);

public sealed record StoredFile(Guid Id, AttachmentPurpose Purpose, string? FieldPath, string FileName, string MediaType, string Sha256, byte[] Content);
