using Microsoft.EntityFrameworkCore;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;

namespace Sozialplattform.Storage.Outbox;

/// <summary>
/// What an operator (<see cref="CaseworkerRole.Operator"/>) may read and do: the deliveries of their own tenant that
/// need attention, as delivery metadata only — reference number, authority, channel, attempts, times, last error;
/// never answers, files or applicant names — and "retry now". Every look and every retry is in the audit log with
/// the operator's login.
/// </summary>
public sealed class OutboxOperations(SozialDatabase database, OutboxStore outbox, TimeProvider? clock = null)
{
    public const int MaxRows = 200;

    /// <summary>How far back <see cref="OutboxView.Delivered"/> looks.</summary>
    public static readonly TimeSpan RecentlyDelivered = TimeSpan.FromHours(24);

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// The operator's view: dead letters first, then entries waiting for their next attempt (pending after a failure),
    /// each group by time; or one of the groups, or what was delivered in the last 24 hours. At most <see cref="MaxRows"/>.
    /// </summary>
    public async Task<IReadOnlyList<OutboxAttention>> ListAsync(CaseworkerAccount account, OutboxView view = OutboxView.Attention, CancellationToken cancellationToken = default)
    {
        var tenantId = TenantOf(account);
        var now = Now;
        await using var context = database.CreateContext();
        var entries = context.Outbox.AsNoTracking().Where(o => o.TenantId == tenantId);
        var since = now - RecentlyDelivered;
        entries = view switch
        {
            OutboxView.Dead => entries.Where(o => o.Status == OutboxStatus.Dead),
            OutboxView.Waiting => entries.Where(o => o.Status == OutboxStatus.Pending && o.Attempts > 0),
            OutboxView.Delivered => entries.Where(o => o.Status == OutboxStatus.Delivered && o.DeliveredAt >= since),
            _ => entries.Where(o => o.Status == OutboxStatus.Dead || (o.Status == OutboxStatus.Pending && o.Attempts > 0)),
        };
        var joined = from entry in entries
                     join submission in context.Submissions on entry.SubmissionId equals submission.Id into submissions
                     from submission in submissions.DefaultIfEmpty()
                     join authority in context.Authorities on new { entry.TenantId, Id = entry.AuthorityId } equals new { authority.TenantId, authority.Id } into authorities
                     from authority in authorities.DefaultIfEmpty()
                     select new { entry, Reference = submission == null ? null : submission.ReferenceNumber, AuthorityName = authority == null ? entry.AuthorityId : authority.Name };
        var ordered = view == OutboxView.Delivered
            ? joined.OrderByDescending(x => x.entry.DeliveredAt).ThenBy(x => x.entry.Id)
            : joined.OrderBy(x => x.entry.Status == OutboxStatus.Dead ? 0 : 1).ThenBy(x => x.entry.NextAttemptAt).ThenBy(x => x.entry.Id);
        var result = await ordered.Take(MaxRows)
            .Select(x => new OutboxAttention(x.entry.Id, x.Reference, x.entry.AuthorityId, x.AuthorityName, x.entry.Channel, x.entry.Status, x.entry.Attempts,
                x.entry.NextAttemptAt, x.entry.LastError, x.entry.CreatedAt, x.entry.DeliveredAt))
            .ToListAsync(cancellationToken);
        context.AuditLog.Add(new AuditLogEntry { At = now, Actor = account.Login, Action = "outbox.view", Details = $"{view.ToString().ToLowerInvariant()}: {result.Count} rows" });
        await context.SaveChangesAsync(cancellationToken);
        return result;
    }

    /// <summary>"Retry now" (<see cref="OutboxStore.RetryNowAsync"/>) limited to the operator's tenant, audited with their login.</summary>
    public Task<RetryNowResult> RetryNowAsync(CaseworkerAccount account, Guid id, CancellationToken cancellationToken = default) =>
        outbox.RetryNowAsync(id, account.Login, TenantOf(account), cancellationToken);

    private static string TenantOf(CaseworkerAccount account) =>
        account.Role == CaseworkerRole.Operator ? account.TenantId : throw new InvalidOperationException($"'{account.Login}' is no operator ({account.Role}).");
}

/// <summary>Which deliveries the operations page shows.</summary>
public enum OutboxView
{
    /// <summary>Dead letters first, then the waiting ones.</summary>
    Attention,
    Dead,

    /// <summary>Pending after at least one failed attempt.</summary>
    Waiting,

    /// <summary>Delivered in the last 24 hours.</summary>
    Delivered,
}

/// <summary>One delivery as an operator sees it: metadata only (the reference number is null when the submission is gone).</summary>
public sealed record OutboxAttention(
    Guid Id, string? ReferenceNumber, string AuthorityId, string AuthorityName, string Channel, OutboxStatus Status, int Attempts,
    DateTime NextAttemptAt, string? LastError, DateTime CreatedAt, DateTime? DeliveredAt);
