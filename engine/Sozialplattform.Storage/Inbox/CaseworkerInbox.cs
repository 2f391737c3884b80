using Microsoft.EntityFrameworkCore;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;

namespace Sozialplattform.Storage.Inbox;

/// <summary>
/// What a caseworker may see and do. Every query is limited to the caseworker's own authority, and every
/// view and change is written to the audit log in the same transaction.
/// </summary>
public sealed class CaseworkerInbox(SozialDatabase database, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    public async Task<IReadOnlyList<InboxListItem>> ListAsync(CaseworkerAccount caseworker, InboxFilter? filter = null, CancellationToken cancellationToken = default)
    {
        filter ??= new InboxFilter();
        await using var context = database.CreateContext();
        var query =
            from item in context.InboxItems
            join submission in context.Submissions on item.SubmissionId equals submission.Id
            where item.TenantId == caseworker.TenantId && item.AuthorityId == caseworker.AuthorityId
            select new { item, submission };
        if (filter.Status is { } status) query = query.Where(x => x.submission.Status == status);
        if (filter.FormId is { } formId) query = query.Where(x => x.submission.FormId == formId);
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var search = filter.Search.Trim().ToUpperInvariant();
            query = query.Where(x => x.submission.ReferenceNumber.Contains(search) || x.submission.FormTitle.ToUpper().Contains(search));
        }

        var rows = await query.OrderByDescending(x => x.item.ReceivedAt).Skip(filter.Skip).Take(filter.Take)
            .Select(x => new InboxListItem(x.submission.Id, x.submission.ReferenceNumber, x.submission.FormId, x.submission.FormTitle, x.submission.Status, x.item.ReceivedAt))
            .ToListAsync(cancellationToken);
        context.AuditLog.Add(Audit(caseworker, "inbox.list", null, $"{rows.Count} rows"));
        await context.SaveChangesAsync(cancellationToken);
        return rows;
    }

    /// <summary>The submission with its decrypted answers, or null if it is not in this caseworker's inbox.</summary>
    public async Task<InboxDetail?> OpenAsync(CaseworkerAccount caseworker, Guid submissionId, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var submission = await VisibleSubmissionAsync(context, caseworker, submissionId, cancellationToken);
        if (submission is null) return null;
        var protector = database.Protector;
        var files = await context.Attachments.AsNoTracking().Where(a => a.SubmissionId == submissionId)
            .Select(a => new InboxFile(a.Id, a.Purpose, a.FileName, a.MediaType, a.Size, a.Sha256)).ToListAsync(cancellationToken);
        var notes = await context.Notes.AsNoTracking().Where(n => n.SubmissionId == submissionId).OrderBy(n => n.CreatedAt).ToListAsync(cancellationToken);
        context.AuditLog.Add(Audit(caseworker, "submission.view", submissionId, null));
        await context.SaveChangesAsync(cancellationToken);
        return new InboxDetail(submission, protector.UnprotectText(submission.AnswersCipher, submissionId), files,
            notes.Select(n => new InboxNote(n.AuthorId, n.CreatedAt, protector.UnprotectText(n.TextCipher, n.Id))).ToList());
    }

    /// <summary>Sets the status the applicant sees (with an optional message, e.g. which documents are missing).</summary>
    public async Task<bool> ChangeStatusAsync(CaseworkerAccount caseworker, Guid submissionId, SubmissionStatus status, string? message, CancellationToken cancellationToken = default)
    {
        if (status == SubmissionStatus.DocumentsRequested && string.IsNullOrWhiteSpace(message))
            throw new ArgumentException("Requesting documents needs a message that tells the applicant which ones.", nameof(message));
        await using var context = database.CreateContext();
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var submission = await VisibleSubmissionAsync(context, caseworker, submissionId, cancellationToken, track: true);
        if (submission is null) return false;
        submission.Status = status;
        context.StatusEvents.Add(new StatusEvent
        {
            SubmissionId = submissionId, Status = status, Actor = caseworker.Login, CreatedAt = Now,
            MessageCipher = message is null ? null : database.Protector.ProtectText(message, submissionId),
        });
        context.AuditLog.Add(Audit(caseworker, "submission.status", submissionId, status.ToString()));
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<bool> AddNoteAsync(CaseworkerAccount caseworker, Guid submissionId, string text, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        if (await VisibleSubmissionAsync(context, caseworker, submissionId, cancellationToken) is null) return false;
        var id = Guid.CreateVersion7();
        context.Notes.Add(new Note { Id = id, SubmissionId = submissionId, AuthorId = caseworker.Id, TextCipher = database.Protector.ProtectText(text, id), CreatedAt = Now });
        context.AuditLog.Add(Audit(caseworker, "submission.note", submissionId, null));
        await context.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async Task<bool> AddFollowUpAsync(CaseworkerAccount caseworker, Guid submissionId, DateOnly dueOn, string reason, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        if (await VisibleSubmissionAsync(context, caseworker, submissionId, cancellationToken) is null) return false;
        context.FollowUps.Add(new FollowUp { Id = Guid.CreateVersion7(), SubmissionId = submissionId, AuthorityId = caseworker.AuthorityId, DueOn = dueOn, Reason = reason, CreatedBy = caseworker.Id, CreatedAt = Now });
        context.AuditLog.Add(Audit(caseworker, "submission.follow-up", submissionId, dueOn.ToString("O")));
        await context.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The deadline list: open follow-ups of the caseworker's authority due on or before <paramref name="until"/>.</summary>
    public async Task<IReadOnlyList<FollowUp>> DueFollowUpsAsync(CaseworkerAccount caseworker, DateOnly until, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.FollowUps.AsNoTracking()
            .Where(f => f.AuthorityId == caseworker.AuthorityId && f.DoneAt == null && f.DueOn <= until)
            .OrderBy(f => f.DueOn).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AuditLogEntry>> AuditTrailAsync(Guid submissionId, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.AuditLog.AsNoTracking().Where(a => a.SubmissionId == submissionId).OrderBy(a => a.Id).ToListAsync(cancellationToken);
    }

    private static async Task<Submission?> VisibleSubmissionAsync(SozialDbContext context, CaseworkerAccount caseworker, Guid submissionId, CancellationToken cancellationToken, bool track = false)
    {
        var visible = await context.InboxItems.AnyAsync(i => i.SubmissionId == submissionId && i.TenantId == caseworker.TenantId && i.AuthorityId == caseworker.AuthorityId, cancellationToken);
        if (!visible) return null;
        var submissions = track ? context.Submissions : context.Submissions.AsNoTracking();
        return await submissions.SingleAsync(s => s.Id == submissionId, cancellationToken);
    }

    private AuditLogEntry Audit(CaseworkerAccount caseworker, string action, Guid? submissionId, string? details) =>
        new() { At = Now, Actor = caseworker.Login, Action = action, SubmissionId = submissionId, Details = details };
}

public sealed record InboxFilter(SubmissionStatus? Status = null, string? FormId = null, string? Search = null, int Skip = 0, int Take = 50);

public sealed record InboxListItem(Guid SubmissionId, string ReferenceNumber, string FormId, string FormTitle, SubmissionStatus Status, DateTime ReceivedAt);

public sealed record InboxDetail(Submission Submission, string AnswersJson, IReadOnlyList<InboxFile> Files, IReadOnlyList<InboxNote> Notes);

public sealed record InboxFile(Guid Id, AttachmentPurpose Purpose, string FileName, string MediaType, long Size, string Sha256);

public sealed record InboxNote(Guid AuthorId, DateTime At, string Text);
