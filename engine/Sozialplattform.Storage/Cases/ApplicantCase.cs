using Microsoft.EntityFrameworkCore;
using Sozialplattform.Storage.Crypto;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Inbox;
using Sozialplattform.Storage.Submissions;

namespace Sozialplattform.Storage.Cases;

/// <summary>
/// The applicant's side of a case, reached only with the reference number and the status page's secret (as
/// <see cref="StatusLookup"/>): the authority's messages and decisions, and documents handed in later. A wrong secret for
/// an existing reference is refused and written to the audit log; an unknown reference is refused alike (null).
/// </summary>
public sealed class ApplicantCase(SozialDatabase database, TimeProvider? clock = null)
{
    public const string Actor = "applicant";

    /// <summary>Parallel hand-ins of one case race for the next number; each round one of them wins, so this bounds the parallel hand-ins of one case.</summary>
    private const int MaxNumberingAttempts = 50;

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    /// <summary>The case's messages both ways, or null. Messages of the authority count as opened from now on.</summary>
    public async Task<ApplicantCaseView?> OpenAsync(string referenceNumber, string secret, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        if (await FindAsync(context, referenceNumber, secret, "case.view", cancellationToken) is not { } submission) return null;
        var now = Now;
        using (await database.EnterWriteAsync(cancellationToken))
            await context.CaseMessages.Where(m => m.SubmissionId == submission.Id && m.Kind == CaseMessageKind.Message && m.FirstOpenedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.FirstOpenedAt, now), cancellationToken);
        var messages = (await CaseMessages.OfAsync(context, database.Protector, submission.Id, cancellationToken)).Where(m => m.Kind != CaseMessageKind.Forwarded).ToList();
        var authority = await CurrentAuthorityAsync(context, submission.Id, cancellationToken);
        return new ApplicantCaseView(submission.ReferenceNumber, submission.Status, IsOpen(submission.Status), messages, authority);
    }

    /// <summary>
    /// Hands in a message and files later: one <see cref="CaseMessage"/> with its own receipt number (<c>SP-…-N1</c>) in
    /// the same case, the case marked new in every inbox it is in, and — in the same transaction — a follow-up delivery
    /// for every destination the submission went to over another channel (<see cref="HandInFollowUps"/>). Null when reference and secret do not match;
    /// <see cref="CaseInputException"/> for bad input or a closed case (nothing is stored then).
    /// </summary>
    public async Task<HandInReceipt?> HandInAsync(string referenceNumber, string secret, string? text, IReadOnlyList<CaseFile> files, CancellationToken cancellationToken = default)
    {
        if (CaseMessages.Problem(text, files, CaseMessages.HandInMediaTypes, textRequired: false) is { } problem) throw new CaseInputException(problem);
        for (var attempt = 1; ; attempt++)
        {
            await using var context = database.CreateContext();
            if (await FindAsync(context, referenceNumber, secret, "case.hand-in", cancellationToken) is not { } submission) return null;
            if (!IsOpen(submission.Status)) throw new CaseInputException("closed");
            var authority = await CurrentAuthorityAsync(context, submission.Id, cancellationToken);
            var now = Now;
            using var gate = await database.EnterWriteAsync(cancellationToken);
            var number = await context.CaseMessages.CountAsync(m => m.SubmissionId == submission.Id && m.Kind == CaseMessageKind.HandIn, cancellationToken) + 1;
            var message = new CaseMessage
            {
                Id = Guid.CreateVersion7(), SubmissionId = submission.Id, Kind = CaseMessageKind.HandIn, TenantId = submission.TenantId,
                AuthorityId = authority?.Id ?? "", Actor = Actor, ReceiptNumber = $"{submission.ReferenceNumber}-N{number}", CreatedAt = now,
            };
            if (!string.IsNullOrWhiteSpace(text)) message.TextCipher = database.Protector.ProtectText(text.Trim(), message.Id);
            context.CaseMessages.Add(message);
            foreach (var (file, index) in files.Select((f, i) => (f, i)))
            {
                // A microsecond apart (what PostgreSQL keeps), so the files are listed in the order they were chosen.
                var stored = StoredAttachments.Create(database.Protector, AttachmentPurpose.HandIn, null, CaseMessages.SafeFileName(file.FileName), file.MediaType, file.Content, now.AddTicks(index * 10), submission.Id);
                stored.MessageId = message.Id;
                context.Attachments.Add(stored);
            }

            await HandInFollowUps.QueueAsync(context, message, now, cancellationToken);
            context.AuditLog.Add(new AuditLogEntry { At = now, Actor = Actor, Action = "case.hand-in", SubmissionId = submission.Id, Details = $"{message.ReceiptNumber}, {files.Count} files" });
            try
            {
                await context.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException) when (attempt < MaxNumberingAttempts)
            {
                continue; // a parallel hand-in took this number; count again
            }

            await context.InboxItems.Where(i => i.SubmissionId == submission.Id && i.ForwardedAt == null).ExecuteUpdateAsync(u => u.SetProperty(i => i.LastActivityAt, now).SetProperty(i => i.ChangedAt, now), cancellationToken);
            return new HandInReceipt(message.ReceiptNumber!, now, files.Count);
        }
    }

    /// <summary>A decision of the authority or one of the applicant's own hand-ins, decrypted; a decision counts as opened. Null otherwise.</summary>
    public async Task<InboxFileContent?> ReadFileAsync(string referenceNumber, string secret, Guid fileId, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        if (await FindAsync(context, referenceNumber, secret, "case.download", cancellationToken) is not { } submission) return null;
        var file = await context.Attachments.AsNoTracking()
            .SingleOrDefaultAsync(a => a.Id == fileId && a.SubmissionId == submission.Id && (a.Purpose == AttachmentPurpose.Decision || a.Purpose == AttachmentPurpose.HandIn), cancellationToken);
        if (file is null) return null;
        var now = Now;
        using (await database.EnterWriteAsync(cancellationToken))
        {
            if (file.Purpose == AttachmentPurpose.Decision)
                await context.CaseMessages.Where(m => m.Id == file.MessageId && m.FirstOpenedAt == null).ExecuteUpdateAsync(u => u.SetProperty(m => m.FirstOpenedAt, now), cancellationToken);
            context.AuditLog.Add(new AuditLogEntry { At = now, Actor = Actor, Action = "case.download", SubmissionId = submission.Id, Details = $"{file.Purpose.ToString().ToLowerInvariant()} {file.Id}" });
            await context.SaveChangesAsync(cancellationToken);
        }

        return new InboxFileContent(file.FileName, file.MediaType, database.Protector.Unprotect(file.ContentCipher, file.Id));
    }

    /// <summary>A case is open for hand-ins until it is closed.</summary>
    public static bool IsOpen(SubmissionStatus status) => status != SubmissionStatus.Closed;

    private async Task<Submission?> FindAsync(SozialDbContext context, string referenceNumber, string secret, string action, CancellationToken cancellationToken)
    {
        if (referenceNumber.Length is 0 or > 40 || secret.Length is 0 or > 200) return null;
        var submission = await context.Submissions.AsNoTracking().SingleOrDefaultAsync(s => s.ReferenceNumber == referenceNumber, cancellationToken);
        if (submission is null) return null;
        if (SecretHashing.Matches(secret, submission.StatusSecretHash)) return submission;
        using (await database.EnterWriteAsync(cancellationToken))
        {
            context.AuditLog.Add(new AuditLogEntry { At = Now, Actor = Actor, Action = "case.refused", SubmissionId = submission.Id, Details = $"{action}: wrong access code" });
            await context.SaveChangesAsync(cancellationToken);
        }

        return null;
    }

    /// <summary>The authority whose inbox has the case now (the latest inbox item), else the first destination of its delivery.</summary>
    internal static async Task<Authority?> CurrentAuthorityAsync(SozialDbContext context, Guid submissionId, CancellationToken cancellationToken)
    {
        var ids = await context.InboxItems.AsNoTracking().Where(i => i.SubmissionId == submissionId && i.ForwardedAt == null).OrderByDescending(i => i.ReceivedAt).Select(i => new { i.TenantId, i.AuthorityId }).ToListAsync(cancellationToken);
        if (ids.Count == 0)
            ids = await context.Outbox.AsNoTracking().Where(o => o.SubmissionId == submissionId).OrderBy(o => o.CreatedAt).Select(o => new { o.TenantId, o.AuthorityId }).ToListAsync(cancellationToken);
        if (ids.Count == 0) return null;
        var first = ids[0];
        return await context.Authorities.AsNoTracking().SingleOrDefaultAsync(a => a.TenantId == first.TenantId && a.Id == first.AuthorityId, cancellationToken);
    }
}

public sealed record ApplicantCaseView(string ReferenceNumber, SubmissionStatus Status, bool Open, IReadOnlyList<CaseMessageView> Messages, Authority? Authority);

public sealed record HandInReceipt(string ReceiptNumber, DateTime At, int Files);
