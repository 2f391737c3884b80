using Microsoft.EntityFrameworkCore;
using Sozialplattform.Counselling.Storage;

namespace Sozialplattform.Counselling.Conversations;

/// <summary>How long conversations are kept (per tenant): without activity, after their end, and how early the seeker is warned.</summary>
public sealed record RetentionRules(int InactiveDays = 180, int EndedDays = 30, int WarnDaysBefore = 7);

/// <summary>A seeker to warn: one of their conversations will be deleted on <paramref name="DeleteOn"/> (UTC).</summary>
public sealed record RetentionWarning(Guid SeekerId, DateTime DeleteOn);

public sealed record RetentionResult(int Deleted, IReadOnlyList<RetentionWarning> Warnings);

/// <summary>
/// Retention, on by default: a conversation without activity for <see cref="RetentionRules.InactiveDays"/> days, and an
/// ended one <see cref="RetentionRules.EndedDays"/> days after its end, is deleted with its messages and key. Each
/// deletion is in the deletion log (the platform's audit log, actor <c>retention</c>) without content. Conversations
/// due within <see cref="RetentionRules.WarnDaysBefore"/> days are marked once and returned, so the seeker can be told
/// (by e-mail, where they gave one); new activity clears the mark.
/// </summary>
public sealed class CounsellingRetention(ConversationStore store)
{
    public const string Actor = "retention";

    public async Task<RetentionResult> SweepAsync(string tenant, RetentionRules rules, CancellationToken cancellationToken = default)
    {
        var now = store.Now;
        var (inactive, ended) = (now.AddDays(-rules.InactiveDays), now.AddDays(-rules.EndedDays));
        await using var context = store.Database.CreateContext();
        var due = await context.Conversations.AsNoTracking()
            .Where(c => c.Tenant == tenant && (c.LastActivityAt < inactive || c.ClosedAt != null && c.ClosedAt < ended))
            .Select(c => new { c.Id, c.CentreId, c.ClosedAt }).ToListAsync(cancellationToken);
        if (due.Count > 0) await store.DeleteAsync([.. due.Select(c => c.Id)], null, cancellationToken);
        foreach (var conversation in due)
            await store.AuditAsync(Actor, "deleted.retention", conversation.Id,
                $"centre {conversation.CentreId}; {(conversation.ClosedAt < ended ? $"ended more than {rules.EndedDays} days ago" : $"no activity for {rules.InactiveDays} days")}", cancellationToken);

        var (warnInactive, warnEnded) = (inactive.AddDays(rules.WarnDaysBefore), ended.AddDays(rules.WarnDaysBefore));
        var soon = await context.Conversations
            .Where(c => c.Tenant == tenant && c.RetentionWarnedAt == null && (c.LastActivityAt < warnInactive || c.ClosedAt != null && c.ClosedAt < warnEnded))
            .ToListAsync(cancellationToken);
        foreach (var conversation in soon) conversation.RetentionWarnedAt = now;
        using (await store.Database.Platform.EnterWriteAsync(cancellationToken)) await context.SaveChangesAsync(cancellationToken);
        var warnings = soon.Select(c => new RetentionWarning(c.SeekerId, Min(c.LastActivityAt.AddDays(rules.InactiveDays), c.ClosedAt?.AddDays(rules.EndedDays))))
            .GroupBy(w => w.SeekerId).Select(g => g.MinBy(w => w.DeleteOn)!).ToList();
        return new(due.Count, warnings);
    }

    private static DateTime Min(DateTime a, DateTime? b) => b is { } other && other < a ? other : a;
}
