using Microsoft.EntityFrameworkCore;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Inbox;

namespace Sozialplattform.Storage.Cases;

/// <summary>
/// The checklist of a case: which of the items its service declares are ticked, by whom and when. Every call passes
/// the inbox's gate; a change is audited as <c>case.checklist</c> (details: the items ticked "+id" and unticked "-id").
/// </summary>
public sealed class CaseChecklist(SozialDatabase database, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>The ticked items of the case, or null when the case is not in this caseworker's inbox.</summary>
    public async Task<IReadOnlyList<CaseCheckView>?> TickedAsync(CaseworkerAccount caseworker, Guid submissionId, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        if (await InboxAccess.VisibleSubmissionAsync(context, caseworker, submissionId, cancellationToken) is null) return null;
        return await context.CaseChecks.AsNoTracking().Where(c => c.SubmissionId == submissionId).OrderBy(c => c.ItemId)
            .Select(c => new CaseCheckView(c.ItemId, c.CheckedBy, c.CheckedAt)).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Sets the ticked items to <paramref name="ticked"/> (what stays ticked keeps who and when). False (audited as
    /// <c>case.checklist.refused</c>) when the case is not visible; <see cref="CaseInputException"/> ("checkItem") for an
    /// item the service does not declare — nothing is changed then.
    /// </summary>
    public async Task<bool> SetAsync(CaseworkerAccount caseworker, Guid submissionId, IReadOnlyCollection<string> declared, IReadOnlyCollection<string> ticked, CancellationToken cancellationToken = default)
    {
        if (ticked.Any(item => !declared.Contains(item))) throw new CaseInputException("checkItem");
        await using var context = database.CreateContext();
        if (await InboxAccess.VisibleSubmissionAsync(context, caseworker, submissionId, cancellationToken) is null)
        {
            await InboxAccess.RefusedAsync(database, context, caseworker, "case.checklist", submissionId, cancellationToken);
            return false;
        }

        using var gate = await database.EnterWriteAsync(cancellationToken);
        var now = _clock.GetUtcNow().UtcDateTime;
        var existing = await context.CaseChecks.Where(c => c.SubmissionId == submissionId).ToListAsync(cancellationToken);
        var removed = existing.Where(c => !ticked.Contains(c.ItemId)).ToList();
        var added = ticked.Distinct().Where(item => existing.All(c => c.ItemId != item)).Order(StringComparer.Ordinal).ToList();
        if (removed.Count == 0 && added.Count == 0) return true;
        context.CaseChecks.RemoveRange(removed);
        context.CaseChecks.AddRange(added.Select(item => new CaseCheck
        {
            SubmissionId = submissionId, ItemId = item, TenantId = caseworker.TenantId, AuthorityId = caseworker.AuthorityId, CheckedBy = caseworker.DisplayName, CheckedAt = now,
        }));
        var details = string.Join(' ', added.Select(i => "+" + i).Concat(removed.Select(c => "-" + c.ItemId)));
        context.AuditLog.Add(InboxAccess.Audit(now, caseworker, "case.checklist", submissionId, details));
        try
        {
            await context.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (added.Count > 0)
        {
            // Another caseworker ticked the same item at the same moment: their tick (and its time) stands.
        }

        return true;
    }
}

/// <summary>A ticked checklist item of a case.</summary>
public sealed record CaseCheckView(string ItemId, string CheckedBy, DateTime At);
