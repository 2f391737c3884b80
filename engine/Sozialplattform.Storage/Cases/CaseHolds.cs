using Microsoft.EntityFrameworkCore;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Inbox;

namespace Sozialplattform.Storage.Cases;

/// <summary>
/// Legal holds (Löschsperre): a lead of the case's authority sets one with a reason (a lawsuit, an objection, an audit),
/// and the retention job then never deletes the case until a lead lifts it, again with a reason. Both are audited as
/// <c>case.hold</c> (the reason is stored encrypted, not in the audit log); a caseworker who is no lead is refused
/// (<c>case.hold.refused</c>, <see cref="CaseAccess.NotLead"/>), a case of another authority likewise
/// (<see cref="CaseAccess.NotFound"/>).
/// </summary>
public sealed class CaseHolds(SozialDatabase database, TimeProvider? clock = null)
{
    public const int ReasonMaxLength = 1000;
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>The case's retention state as the detail page shows it, or null when the case is not visible.</summary>
    public async Task<RetentionState?> OfAsync(CaseworkerAccount caseworker, Guid submissionId, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        if (!await InboxAccess.ItemsOf(context, caseworker).AnyAsync(i => i.SubmissionId == submissionId, cancellationToken)) return null;
        var hold = await context.CaseHolds.AsNoTracking().Where(h => h.SubmissionId == submissionId && h.LiftedAt == null).OrderByDescending(h => h.SetAt).FirstOrDefaultAsync(cancellationToken);
        var closedAt = await CaseRetention.ClosedAtAsync(context, submissionId, cancellationToken);
        return new RetentionState(closedAt, hold is null ? null : new HoldView(database.Protector.UnprotectText(hold.ReasonCipher, hold.Id), hold.SetBy, hold.SetAt));
    }

    /// <summary>Sets a hold (a second one while one is active is refused as "holdActive"). <see cref="CaseInputException"/> "holdReason": missing or too long.</summary>
    public Task<CaseAccess> SetAsync(CaseworkerAccount lead, Guid submissionId, string? reason, CancellationToken cancellationToken = default) =>
        ChangeAsync(lead, submissionId, reason, set: true, cancellationToken);

    /// <summary>Lifts the active hold ("noHold" when there is none).</summary>
    public Task<CaseAccess> LiftAsync(CaseworkerAccount lead, Guid submissionId, string? reason, CancellationToken cancellationToken = default) =>
        ChangeAsync(lead, submissionId, reason, set: false, cancellationToken);

    private async Task<CaseAccess> ChangeAsync(CaseworkerAccount lead, Guid submissionId, string? reason, bool set, CancellationToken cancellationToken)
    {
        var text = reason?.Trim();
        await using var context = database.CreateContext();
        if (!await InboxAccess.ItemsOf(context, lead).AnyAsync(i => i.SubmissionId == submissionId, cancellationToken))
        {
            await InboxAccess.RefusedAsync(database, context, lead, "case.hold", submissionId, cancellationToken);
            return CaseAccess.NotFound;
        }

        if (lead.Role != CaseworkerRole.Lead)
        {
            using var refusal = await database.EnterWriteAsync(cancellationToken);
            context.AuditLog.Add(InboxAccess.Audit(Now, lead, "case.hold.refused", submissionId, "not a lead"));
            await context.SaveChangesAsync(cancellationToken);
            return CaseAccess.NotLead;
        }

        if (string.IsNullOrEmpty(text) || text.Length > ReasonMaxLength) throw new CaseInputException("holdReason");
        using var gate = await database.EnterWriteAsync(cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        // Locks the submission's row (PostgreSQL) so that a hold and the retention job's deletion of the case are one after the other.
        if (await CaseRetention.LockAsync(context, submissionId, cancellationToken) == 0) return CaseAccess.NotFound;
        var active = await context.CaseHolds.Where(h => h.SubmissionId == submissionId && h.LiftedAt == null).ToListAsync(cancellationToken);
        if (set && active.Count > 0) throw new CaseInputException("holdActive");
        if (!set && active.Count == 0) throw new CaseInputException("noHold");
        if (set)
        {
            var hold = new CaseHold
            {
                Id = Guid.CreateVersion7(), SubmissionId = submissionId, TenantId = lead.TenantId, AuthorityId = lead.AuthorityId,
                ReasonCipher = [], SetBy = lead.Login, SetAt = Now,
            };
            hold.ReasonCipher = database.Protector.ProtectText(text, hold.Id);
            context.CaseHolds.Add(hold);
        }
        else
        {
            foreach (var hold in active)
            {
                hold.LiftedBy = lead.Login;
                hold.LiftedAt = Now;
                hold.LiftReasonCipher = database.Protector.ProtectText(text, hold.Id);
            }
        }

        context.AuditLog.Add(InboxAccess.Audit(Now, lead, "case.hold", submissionId, set ? "set" : "lifted"));
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return CaseAccess.Done;
    }

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;
}

/// <summary>How a lead's change of a case went: done, the case is not in the caseworker's authority (404), or the caseworker is no lead (403).</summary>
public enum CaseAccess
{
    Done,
    NotFound,
    NotLead,
}

/// <summary>When the case was closed (null: open) and its active hold, if any.</summary>
public sealed record RetentionState(DateTime? ClosedAt, HoldView? Hold);

public sealed record HoldView(string Reason, string SetBy, DateTime SetAt);
