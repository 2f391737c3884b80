using Microsoft.EntityFrameworkCore;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;

namespace Sozialplattform.Storage.Notifications;

/// <summary>
/// The queue of e-mails to applicants: claimed like outbox entries (<see cref="LeaseClaims"/>), so a crash or an
/// unreachable mail server delays a notification but never loses it; after the last attempt it is dead.
/// </summary>
public sealed class NotificationStore(SozialDatabase database, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    public async Task<IReadOnlyList<Notification>> ClaimAsync(string worker, int batchSize, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        var now = Now;
        await using var context = database.CreateContext();
        var ids = await context.Database.SqlQueryRaw<Guid>(LeaseClaims.Sql("notifications", database.Provider), worker, now + lease, now, batchSize).ToListAsync(cancellationToken);
        if (ids.Count == 0) return [];
        return await context.Notifications.AsNoTracking().Where(n => ids.Contains(n.Id)).OrderBy(n => n.NextAttemptAt).ToListAsync(cancellationToken);
    }

    /// <summary>What the e-mail says, decrypted: the status step, the submission it belongs to, the address and the authority.</summary>
    public async Task<StatusNotice> LoadAsync(Notification notification, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        if (notification.Kind != NotificationKind.StatusChange) throw new InvalidOperationException($"Notification {notification.Id} is a {notification.Kind}, not a status e-mail.");
        var submission = await context.Submissions.AsNoTracking().SingleAsync(s => s.Id == notification.SubmissionId, cancellationToken);
        var step = await context.StatusEvents.AsNoTracking().SingleAsync(e => e.Id == notification.StatusEventId, cancellationToken);
        var authority = await context.Authorities.AsNoTracking()
            .Where(a => a.TenantId == notification.TenantId && a.Id == notification.AuthorityId).Select(a => a.Name).SingleOrDefaultAsync(cancellationToken);
        var protector = database.Protector;
        return new StatusNotice(
            notification.Id, submission.ReferenceNumber, submission.FormId, submission.FormVersion, submission.FormTitle, submission.Language, submission.CreatedAt,
            submission.ApplicantEmailCipher is null ? null : protector.UnprotectText(submission.ApplicantEmailCipher, submission.Id),
            step.Status, step.MessageCipher is null ? null : protector.UnprotectText(step.MessageCipher, submission.Id), step.CreatedAt,
            authority ?? notification.AuthorityId ?? "");
    }

    public Task<bool> MarkSentAsync(Guid id, string worker, CancellationToken cancellationToken = default) =>
        FinishAsync(id, worker, OutboxStatus.Delivered, null, Now, cancellationToken);

    /// <summary>A failed attempt: pending again at <paramref name="retryAt"/>, or dead when that is null.</summary>
    public Task<bool> MarkFailedAsync(Guid id, string worker, string error, DateTime? retryAt, CancellationToken cancellationToken = default) =>
        FinishAsync(id, worker, retryAt is null ? OutboxStatus.Dead : OutboxStatus.Pending, error.Length > 4000 ? error[..4000] : error, retryAt ?? Now, cancellationToken);

    public async Task<IReadOnlyList<Notification>> ListAsync(Guid? submissionId = null, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var query = context.Notifications.AsNoTracking();
        if (submissionId is { } id) query = query.Where(n => n.SubmissionId == id);
        return await query.OrderBy(n => n.CreatedAt).ThenBy(n => n.Id).ToListAsync(cancellationToken);
    }

    private async Task<bool> FinishAsync(Guid id, string worker, OutboxStatus status, string? error, DateTime next, CancellationToken cancellationToken)
    {
        var sentAt = status == OutboxStatus.Delivered ? Now : (DateTime?)null;
        await using var context = database.CreateContext();
        return await context.Notifications
            .Where(n => n.Id == id && n.LockedBy == worker && n.Status == OutboxStatus.Delivering)
            .ExecuteUpdateAsync(s => s
                .SetProperty(n => n.Status, status)
                .SetProperty(n => n.NextAttemptAt, next)
                .SetProperty(n => n.SentAt, sentAt)
                .SetProperty(n => n.LastError, error)
                .SetProperty(n => n.LockedBy, (string?)null)
                .SetProperty(n => n.LockedUntil, (DateTime?)null), cancellationToken) == 1;
    }
}

/// <summary>Everything the status e-mail may say. <see cref="Email"/> is null only if the address was removed since.</summary>
public sealed record StatusNotice(
    Guid NotificationId,
    string ReferenceNumber,
    string FormId,
    string FormVersion,
    string FormTitle,
    string Language,
    DateTime SubmittedAt,
    string? Email,
    SubmissionStatus Status,
    string? Message,
    DateTime ChangedAt,
    string AuthorityName);
