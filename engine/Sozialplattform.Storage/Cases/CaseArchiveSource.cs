using Microsoft.EntityFrameworkCore;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Inbox;

namespace Sozialplattform.Storage.Cases;

/// <summary>
/// Reads everything of one case for its archive package (before deletion): the answers, every file decrypted (the
/// form PDF, uploads, hand-ins, decisions), the messages both ways and the status history. A lead of the case's
/// authority reads it from the inbox (audited <c>case.archive</c>; a caseworker who is no lead or another authority is
/// refused and audited <c>case.archive.refused</c>); an operator from the command line by reference number (audited
/// with the operator's name).
/// </summary>
public sealed class CaseArchiveSource(SozialDatabase database, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>The case for a lead of its authority; <see cref="CaseAccess.NotFound"/>/<see cref="CaseAccess.NotLead"/> with null contents when refused.</summary>
    public async Task<(CaseAccess Access, CaseContents? Contents)> ForLeadAsync(CaseworkerAccount lead, Guid submissionId, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        if (!await InboxAccess.ItemsOf(context, lead).AnyAsync(i => i.SubmissionId == submissionId, cancellationToken))
        {
            await InboxAccess.RefusedAsync(database, context, lead, "case.archive", submissionId, cancellationToken);
            return (CaseAccess.NotFound, null);
        }

        var refused = lead.Role != CaseworkerRole.Lead;
        await AuditAsync(context, InboxAccess.Audit(Now, lead, refused ? "case.archive.refused" : "case.archive", submissionId, refused ? "not a lead" : null), cancellationToken);
        return refused ? (CaseAccess.NotLead, null) : (CaseAccess.Done, await ReadAsync(context, submissionId, cancellationToken));
    }

    /// <summary>The case of <paramref name="referenceNumber"/> in the tenant for an operator on the command line; null when there is none.</summary>
    public async Task<CaseContents?> ForOperatorAsync(string tenantId, string referenceNumber, string operatorName, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var id = await context.Submissions.Where(s => s.TenantId == tenantId && s.ReferenceNumber == referenceNumber.Trim().ToUpperInvariant()).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(cancellationToken);
        if (id is null) return null;
        await AuditAsync(context, new AuditLogEntry { At = Now, Actor = "cli:" + operatorName, Action = "case.archive", SubmissionId = id }, cancellationToken);
        return await ReadAsync(context, id.Value, cancellationToken);
    }

    private async Task<CaseContents> ReadAsync(SozialDbContext context, Guid submissionId, CancellationToken cancellationToken)
    {
        var protector = database.Protector;
        var submission = await context.Submissions.AsNoTracking().SingleAsync(s => s.Id == submissionId, cancellationToken);
        var files = await context.Attachments.AsNoTracking().Where(a => a.SubmissionId == submissionId).OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        var statuses = await context.StatusEvents.AsNoTracking().Where(e => e.SubmissionId == submissionId).OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        return new CaseContents(
            submission.Id, submission.ReferenceNumber, submission.TenantId, submission.FormId, submission.FormVersion, submission.FormTitle, submission.CreatedAt, submission.Status,
            protector.UnprotectText(submission.AnswersCipher, submission.Id),
            files.Select(f => new ArchivedFile(f.Id, f.Purpose, f.FieldPath, f.FileName, f.MediaType, f.Sha256, f.MessageId, f.CreatedAt, protector.Unprotect(f.ContentCipher, f.Id))).ToList(),
            await CaseMessages.OfAsync(context, protector, submissionId, cancellationToken),
            statuses.Select(e => new ArchivedStatus(e.Status, e.Actor, e.CreatedAt, e.MessageCipher is null ? null : protector.UnprotectText(e.MessageCipher, e.SubmissionId))).ToList());
    }

    private async Task AuditAsync(SozialDbContext context, AuditLogEntry entry, CancellationToken cancellationToken)
    {
        using var gate = await database.EnterWriteAsync(cancellationToken);
        context.AuditLog.Add(entry);
        await context.SaveChangesAsync(cancellationToken);
    }

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;
}

/// <summary>Everything of one case that goes into its archive package.</summary>
public sealed record CaseContents(
    Guid SubmissionId, string ReferenceNumber, string TenantId, string FormId, string FormVersion, string FormTitle, DateTime SubmittedAt, SubmissionStatus Status,
    string AnswersJson, IReadOnlyList<ArchivedFile> Files, IReadOnlyList<CaseMessageView> Messages, IReadOnlyList<ArchivedStatus> StatusHistory);

public sealed record ArchivedFile(Guid Id, AttachmentPurpose Purpose, string? FieldPath, string FileName, string MediaType, string Sha256, Guid? MessageId, DateTime CreatedAt, byte[] Content);

public sealed record ArchivedStatus(SubmissionStatus Status, string Actor, DateTime At, string? Message);
