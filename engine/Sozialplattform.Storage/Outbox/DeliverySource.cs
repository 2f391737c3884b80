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
}

/// <summary>One outbox entry with its submission, decrypted. <see cref="Authority"/> is null if the tenant configuration no longer has it.</summary>
public sealed record StoredDelivery(OutboxEntry Entry, Submission Submission, string AnswersJson, string? ApplicantEmail, Authority? Authority, IReadOnlyList<StoredFile> Files);

public sealed record StoredFile(Guid Id, AttachmentPurpose Purpose, string? FieldPath, string FileName, string MediaType, string Sha256, byte[] Content);
