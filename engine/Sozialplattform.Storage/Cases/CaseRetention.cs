using Microsoft.EntityFrameworkCore;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;

namespace Sozialplattform.Storage.Cases;

/// <summary>
/// Deletes closed cases after their service's retention period (counted from the latest closing, "Abgeschlossen"),
/// unless a legal hold is active: the submission with its answers, PDF, uploads, hand-ins, messages, decisions, status
/// history, notes, follow-ups, checklist ticks, holds, inbox items (also forwarded stubs), search tokens, deliveries
/// and queued notices. What stays is one <see cref="CaseDeletion"/> row (reference, service, dates, who approved) and
/// the audit log. Each case is one transaction that first locks the submission's row and writes its log row (unique
/// per submission), so two runs at once — on two hosts — delete and log each case once.
/// </summary>
public sealed class CaseRetention(SozialDatabase database, TimeProvider? clock = null)
{
    /// <summary>Who approved an automatic deletion: the tenant's configured retention period is the authority's standing approval.</summary>
    public const string SystemApproval = "system";

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>The cases of <paramref name="tenantId"/> whose retention ran out and that carry no active hold, oldest closing first.</summary>
    public async Task<IReadOnlyList<DueCase>> DueAsync(string tenantId, RetentionPeriods periods, int limit = 500, CancellationToken cancellationToken = default)
    {
        var now = Now;
        await using var context = database.CreateContext();
        var closed = await (from s in context.Submissions.AsNoTracking()
                            where s.TenantId == tenantId && s.Status == SubmissionStatus.Closed
                                  && !context.CaseHolds.Any(h => h.SubmissionId == s.Id && h.LiftedAt == null)
                            select new
                            {
                                s.Id, s.ReferenceNumber, s.FormId, s.FormVersion, s.CreatedAt,
                                ClosedAt = context.StatusEvents.Where(e => e.SubmissionId == s.Id && e.Status == SubmissionStatus.Closed).Max(e => (DateTime?)e.CreatedAt),
                            }).ToListAsync(cancellationToken);
        return closed
            .Select(c => (Case: c, Days: periods.DaysFor(c.FormId)))
            .Where(c => c.Case.ClosedAt is { } at && c.Days is { } days && at.AddDays(days) <= now)
            .OrderBy(c => c.Case.ClosedAt)
            .Take(limit)
            .Select(c => new DueCase(c.Case.Id, c.Case.ReferenceNumber, c.Case.FormId, c.Case.FormVersion, c.Case.CreatedAt, c.Case.ClosedAt!.Value, c.Days!.Value))
            .ToList();
    }

    /// <summary>Deletes the due cases of the tenant; returns the references deleted by this run (a case another run deleted first is not among them).</summary>
    public async Task<IReadOnlyList<string>> DeleteDueAsync(string tenantId, RetentionPeriods periods, CancellationToken cancellationToken = default)
    {
        var deleted = new List<string>();
        foreach (var due in await DueAsync(tenantId, periods, cancellationToken: cancellationToken))
            if (await DeleteAsync(tenantId, due, cancellationToken)) deleted.Add(due.ReferenceNumber);
        return deleted;
    }

    /// <summary>Deletes one case if it is still closed, unchanged since <see cref="DueCase.ClosedAt"/> and not on hold; false when another run deleted it first or it changed.</summary>
    private async Task<bool> DeleteAsync(string tenantId, DueCase due, CancellationToken cancellationToken)
    {
        using var gate = await database.EnterWriteAsync(cancellationToken);
        await using var context = database.CreateContext();
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        if (await LockAsync(context, due.SubmissionId, cancellationToken) == 0) return false;
        // ClosedAtAsync is null for a case reopened since; a later closing gives another time.
        var stillDue = await ClosedAtAsync(context, due.SubmissionId, cancellationToken) == due.ClosedAt
                       && !await context.CaseHolds.AnyAsync(h => h.SubmissionId == due.SubmissionId && h.LiftedAt == null, cancellationToken);
        if (!stillDue) return false;
        var now = Now;
        var authority = await context.InboxItems.Where(i => i.SubmissionId == due.SubmissionId && i.ForwardedAt == null).Select(i => i.AuthorityId).FirstOrDefaultAsync(cancellationToken);
        context.CaseDeletions.Add(new CaseDeletion
        {
            SubmissionId = due.SubmissionId, TenantId = tenantId, AuthorityId = authority,
            ReferenceNumber = due.ReferenceNumber, FormId = due.FormId, FormVersion = due.FormVersion, SubmittedAt = due.SubmittedAt, ClosedAt = due.ClosedAt,
            RetentionDays = due.RetentionDays, DeletedAt = now, ApprovedBy = SystemApproval,
        });
        context.AuditLog.Add(new AuditLogEntry { At = now, Actor = SystemApproval, Action = "case.deleted", SubmissionId = due.SubmissionId, Details = $"{due.ReferenceNumber} after {due.RetentionDays} days" });
        try
        {
            await context.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another run logged this case first (unique per submission): it deletes it.
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        var id = due.SubmissionId;
        await context.Attachments.Where(a => a.SubmissionId == id).ExecuteDeleteAsync(cancellationToken);
        await context.CaseMessages.Where(m => m.SubmissionId == id).ExecuteDeleteAsync(cancellationToken);
        await context.StatusEvents.Where(e => e.SubmissionId == id).ExecuteDeleteAsync(cancellationToken);
        await context.Notes.Where(n => n.SubmissionId == id).ExecuteDeleteAsync(cancellationToken);
        await context.FollowUps.Where(f => f.SubmissionId == id).ExecuteDeleteAsync(cancellationToken);
        await context.CaseChecks.Where(c => c.SubmissionId == id).ExecuteDeleteAsync(cancellationToken);
        await context.CaseHolds.Where(h => h.SubmissionId == id).ExecuteDeleteAsync(cancellationToken);
        await context.InboxSearchTokens.Where(t => t.SubmissionId == id).ExecuteDeleteAsync(cancellationToken);
        await context.InboxItems.Where(i => i.SubmissionId == id).ExecuteDeleteAsync(cancellationToken);
        await context.Notifications.Where(n => n.SubmissionId == id).ExecuteDeleteAsync(cancellationToken);
        await context.Outbox.Where(o => o.SubmissionId == id).ExecuteDeleteAsync(cancellationToken);
        await context.Submissions.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The deletion log of a tenant, newest first; with <paramref name="from"/> and <paramref name="to"/> only the deletions in [from, to).</summary>
    public async Task<IReadOnlyList<CaseDeletion>> LogAsync(string tenantId, int limit = 200, DateTime? from = null, DateTime? to = null, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.CaseDeletions.AsNoTracking()
            .Where(d => d.TenantId == tenantId && (from == null || d.DeletedAt >= from) && (to == null || d.DeletedAt < to))
            .OrderByDescending(d => d.DeletedAt).ThenByDescending(d => d.Id).Take(limit).ToListAsync(cancellationToken);
    }

    /// <summary>When the case was last closed, while it is closed; null when it is open.</summary>
    internal static async Task<DateTime?> ClosedAtAsync(SozialDbContext context, Guid submissionId, CancellationToken cancellationToken) =>
        await context.Submissions.AnyAsync(s => s.Id == submissionId && s.Status == SubmissionStatus.Closed, cancellationToken)
            ? await context.StatusEvents.Where(e => e.SubmissionId == submissionId && e.Status == SubmissionStatus.Closed).MaxAsync(e => (DateTime?)e.CreatedAt, cancellationToken)
            : null;

    /// <summary>Locks the submission's row for the transaction (PostgreSQL; SQLite writes one at a time anyway); 0 when it is gone.</summary>
    internal static Task<int> LockAsync(SozialDbContext context, Guid submissionId, CancellationToken cancellationToken) =>
        context.Submissions.Where(s => s.Id == submissionId).ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, s => s.Status), cancellationToken);

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;
}

/// <summary>A case whose retention ran out: what the deletion log keeps of it.</summary>
public sealed record DueCase(Guid SubmissionId, string ReferenceNumber, string FormId, string FormVersion, DateTime SubmittedAt, DateTime ClosedAt, int RetentionDays);

/// <summary>
/// A tenant's retention periods in days (<c>caseRetention</c> in its <c>tenant.json</c>): per service (form id), else the
/// default; a service with neither is never deleted automatically.
/// </summary>
public sealed record RetentionPeriods(int? DefaultDays, IReadOnlyDictionary<string, int> Services)
{
    public const int MaxDays = 36_500;
    public static readonly RetentionPeriods None = new(null, new Dictionary<string, int>());

    public int? DaysFor(string formId) => Services.TryGetValue(formId, out var days) ? days : DefaultDays;
}
