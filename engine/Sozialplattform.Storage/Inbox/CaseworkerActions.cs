using Microsoft.EntityFrameworkCore;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;

namespace Sozialplattform.Storage.Inbox;

/// <summary>
/// What a caseworker may change on a submission of their own authority: the status the applicant sees (with a
/// message, and an e-mail to the applicant queued in the same transaction), notes, follow-ups. Each change is
/// written to the audit log in the same transaction. False means: not in this caseworker's inbox.
/// </summary>
public sealed class CaseworkerActions(SozialDatabase database, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Sets the status the applicant sees on the status page, with a message (required for documents requested and
    /// decided). When the applicant left an e-mail address, a <see cref="Notification"/> is queued with it.
    /// </summary>
    public async Task<bool> ChangeStatusAsync(CaseworkerAccount caseworker, Guid submissionId, SubmissionStatus status, string? message, CancellationToken cancellationToken = default)
    {
        InboxInputRules.Require(InboxInputRules.StatusProblem(status, message), nameof(message));
        message = string.IsNullOrWhiteSpace(message) ? null : message.Trim();
        var now = Now;
        using var turn = await database.EnterWriteAsync(cancellationToken);
        await using var context = database.CreateContext();
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var submission = await InboxAccess.VisibleSubmissionAsync(context, caseworker, submissionId, cancellationToken, track: true);
        if (submission is null) return false;
        submission.Status = status;
        await context.InboxItems.Where(i => i.SubmissionId == submissionId).ExecuteUpdateAsync(u => u.SetProperty(i => i.Status, status), cancellationToken);
        var statusEvent = new StatusEvent
        {
            SubmissionId = submissionId, Status = status, Actor = caseworker.Login, CreatedAt = now,
            MessageCipher = message is null ? null : database.Protector.ProtectText(message, submissionId),
        };
        context.StatusEvents.Add(statusEvent);
        context.AuditLog.Add(InboxAccess.Audit(now, caseworker, "submission.status", submissionId, status.ToString()));
        await context.SaveChangesAsync(cancellationToken);
        if (submission.ApplicantEmailCipher is not null)
        {
            context.Notifications.Add(new Notification
            {
                Id = Guid.CreateVersion7(), SubmissionId = submissionId, StatusEventId = statusEvent.Id, TenantId = caseworker.TenantId, AuthorityId = caseworker.AuthorityId,
                Status = OutboxStatus.Pending, NextAttemptAt = now, CreatedAt = now,
            });
            await context.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>An internal note (never shown to the applicant), stored encrypted.</summary>
    public async Task<bool> AddNoteAsync(CaseworkerAccount caseworker, Guid submissionId, string text, CancellationToken cancellationToken = default)
    {
        InboxInputRules.Require(InboxInputRules.NoteProblem(text), nameof(text));
        await using var context = database.CreateContext();
        if (await InboxAccess.VisibleSubmissionAsync(context, caseworker, submissionId, cancellationToken) is null) return false;
        var id = Guid.CreateVersion7();
        context.Notes.Add(new Note { Id = id, SubmissionId = submissionId, AuthorId = caseworker.Id, TextCipher = database.Protector.ProtectText(text.Trim(), id), CreatedAt = Now });
        context.AuditLog.Add(InboxAccess.Audit(Now, caseworker, "submission.note", submissionId, null));
        await context.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>A Wiedervorlage: the submission appears on the deadline list from <paramref name="dueOn"/>.</summary>
    public async Task<bool> AddFollowUpAsync(CaseworkerAccount caseworker, Guid submissionId, DateOnly dueOn, string reason, CancellationToken cancellationToken = default)
    {
        InboxInputRules.Require(InboxInputRules.FollowUpProblem(dueOn, reason), nameof(reason));
        await using var context = database.CreateContext();
        if (await InboxAccess.VisibleSubmissionAsync(context, caseworker, submissionId, cancellationToken) is null) return false;
        context.FollowUps.Add(new FollowUp { Id = Guid.CreateVersion7(), SubmissionId = submissionId, AuthorityId = caseworker.AuthorityId, DueOn = dueOn, Reason = reason.Trim(), CreatedBy = caseworker.Id, CreatedAt = Now });
        context.AuditLog.Add(InboxAccess.Audit(Now, caseworker, "submission.follow-up", submissionId, dueOn.ToString("O")));
        await context.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Marks an open follow-up of a visible submission done; false when there is no such open follow-up.</summary>
    public async Task<bool> CompleteFollowUpAsync(CaseworkerAccount caseworker, Guid submissionId, Guid followUpId, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        if (await InboxAccess.VisibleSubmissionAsync(context, caseworker, submissionId, cancellationToken) is null) return false;
        var followUp = await context.FollowUps.SingleOrDefaultAsync(f => f.Id == followUpId && f.SubmissionId == submissionId && f.AuthorityId == caseworker.AuthorityId && f.DoneAt == null, cancellationToken);
        if (followUp is null) return false;
        followUp.DoneAt = Now;
        context.AuditLog.Add(InboxAccess.Audit(Now, caseworker, "submission.follow-up-done", submissionId, followUp.DueOn.ToString("O")));
        await context.SaveChangesAsync(cancellationToken);
        return true;
    }
}
