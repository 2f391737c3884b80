using Microsoft.EntityFrameworkCore;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;

namespace Sozialplattform.Storage.Outbox;

/// <summary>
/// The outbox's state changes. Claiming is one atomic UPDATE … RETURNING: on PostgreSQL the candidate
/// rows are locked with FOR UPDATE SKIP LOCKED, so several dispatchers never claim the same entry; SQLite
/// serialises writers, so the same statement is safe there for the one dispatcher it supports.
/// An entry whose lease ran out (its dispatcher died) is claimed again and delivered with the same id.
/// </summary>
public sealed class OutboxStore(SozialDatabase database, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    /// <summary>Claims up to <paramref name="batchSize"/> due entries for <paramref name="worker"/> and counts an attempt on each.</summary>
    public async Task<IReadOnlyList<OutboxEntry>> ClaimAsync(string worker, int batchSize, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        var now = Now;
        var sql = LeaseClaims.Sql("outbox", database.Provider);
        await using var context = database.CreateContext();
        var ids = await context.Database.SqlQueryRaw<Guid>(sql, worker, now + lease, now, batchSize).ToListAsync(cancellationToken);
        if (ids.Count == 0) return [];
        return await context.Outbox.AsNoTracking().Where(o => ids.Contains(o.Id)).OrderBy(o => o.NextAttemptAt).ToListAsync(cancellationToken);
    }

    /// <summary>Marks a claimed entry delivered; false if this worker no longer holds it.</summary>
    public async Task<bool> MarkDeliveredAsync(Guid id, string worker, string? receipt, CancellationToken cancellationToken = default)
    {
        var now = Now;
        await using var context = database.CreateContext();
        return await context.Outbox
            .Where(o => o.Id == id && o.LockedBy == worker && o.Status == OutboxStatus.Delivering)
            .ExecuteUpdateAsync(s => s
                .SetProperty(o => o.Status, OutboxStatus.Delivered)
                .SetProperty(o => o.DeliveredAt, now)
                .SetProperty(o => o.Receipt, receipt)
                .SetProperty(o => o.LastError, (string?)null)
                .SetProperty(o => o.LockedBy, (string?)null)
                .SetProperty(o => o.LockedUntil, (DateTime?)null), cancellationToken) == 1;
    }

    /// <summary>Records a failed attempt: back to pending at <paramref name="retryAt"/>, or dead when that is null.</summary>
    public async Task<bool> MarkFailedAsync(Guid id, string worker, string error, DateTime? retryAt, CancellationToken cancellationToken = default)
    {
        var status = retryAt is null ? OutboxStatus.Dead : OutboxStatus.Pending;
        var next = retryAt ?? Now;
        await using var context = database.CreateContext();
        return await context.Outbox
            .Where(o => o.Id == id && o.LockedBy == worker && o.Status == OutboxStatus.Delivering)
            .ExecuteUpdateAsync(s => s
                .SetProperty(o => o.Status, status)
                .SetProperty(o => o.NextAttemptAt, next)
                .SetProperty(o => o.LastError, error.Length > 4000 ? error[..4000] : error)
                .SetProperty(o => o.LockedBy, (string?)null)
                .SetProperty(o => o.LockedUntil, (DateTime?)null), cancellationToken) == 1;
    }

    /// <summary>
    /// "Retry now" for operators: a dead or waiting entry becomes due immediately, logged in the audit log with
    /// <paramref name="actor"/>. With <paramref name="tenantId"/> only an entry of that tenant is found (the web's
    /// operations page); an entry of another tenant is <see cref="RetryNowResult.NotFound"/>, like an unknown id.
    /// </summary>
    public async Task<RetryNowResult> RetryNowAsync(Guid id, string actor, string? tenantId = null, CancellationToken cancellationToken = default)
    {
        var now = Now;
        await using var context = database.CreateContext();
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var entry = await context.Outbox.SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (entry is null || (tenantId is not null && entry.TenantId != tenantId)) return RetryNowResult.NotFound;
        if (entry.Status is OutboxStatus.Delivered or OutboxStatus.Delivering) return RetryNowResult.NotRetryable;
        entry.Status = OutboxStatus.Pending;
        entry.NextAttemptAt = now;
        context.AuditLog.Add(new AuditLogEntry { At = now, Actor = actor, Action = "outbox.retry-now", SubmissionId = entry.SubmissionId, Details = $"delivery {id} to {entry.AuthorityId}" });
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return RetryNowResult.Scheduled;
    }

    /// <summary>Entries for the operator view, newest first, optionally of one status (e.g. the dead letters).</summary>
    public async Task<IReadOnlyList<OutboxEntry>> ListAsync(OutboxStatus? status = null, int take = 100, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var query = context.Outbox.AsNoTracking();
        if (status is { } wanted) query = query.Where(o => o.Status == wanted);
        return await query.OrderByDescending(o => o.CreatedAt).Take(take).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<OutboxStatus, int>> CountByStatusAsync(CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.Outbox.GroupBy(o => o.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
    }
}

/// <summary>What "retry now" did: scheduled, no such entry (or not the operator's tenant), or delivered / being delivered right now.</summary>
public enum RetryNowResult
{
    Scheduled,
    NotFound,
    NotRetryable,
}
