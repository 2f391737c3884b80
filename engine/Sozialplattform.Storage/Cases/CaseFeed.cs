using Microsoft.EntityFrameworkCore;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Inbox;

namespace Sozialplattform.Storage.Cases;

/// <summary>A case in the specialist system's list: what it needs to decide whether to fetch it.</summary>
public sealed record CaseFeedItem(Guid SubmissionId, string ReferenceNumber, string FormId, string FormVersion, string FormTitle, SubmissionStatus Status,
    DateTime ReceivedAt, DateTime ChangedAt, DateTime? AcknowledgedAt)
{
    /// <summary>Not yet acknowledged, or changed (a hand-in) since it was.</summary>
    public bool IsNew => AcknowledgedAt is null || AcknowledgedAt < ChangedAt;
}

/// <summary>Where a page of the list ended: the last case's change time and inbox item (a keyset, stable while cases change).</summary>
public sealed record CaseFeedPosition(DateTime ChangedAt, Guid ItemId);

public sealed record CaseFeedPage(IReadOnlyList<CaseFeedItem> Items, CaseFeedPosition? Next);

/// <summary>
/// What the case API adds to the inbox's operations: the list of an authority's cases by change (oldest change first,
/// paged by keyset on the index <c>(TenantId, AuthorityId, ChangedAt, Id)</c>) and the acknowledgement of receipt.
/// Both pass the inbox's one gate (<see cref="InboxAccess"/>) and are audited like the inbox pages.
/// </summary>
public sealed class CaseFeed(SozialDatabase database, TimeProvider? clock = null)
{
    public const int MaxPageSize = 500;
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    /// <summary>Cases that changed after <paramref name="since"/> (all when null), after <paramref name="after"/> (the previous page's end), only new ones when asked.</summary>
    public async Task<CaseFeedPage> ChangedAsync(CaseworkerAccount principal, DateTime? since, CaseFeedPosition? after, bool onlyNew, int take, CancellationToken cancellationToken = default)
    {
        take = Math.Clamp(take, 1, MaxPageSize);
        await using var context = database.CreateContext();
        var items = InboxAccess.ItemsOf(context, principal);
        if (since is { } from) items = items.Where(i => i.ChangedAt > from);
        if (after is { } position) items = items.Where(i => i.ChangedAt > position.ChangedAt || (i.ChangedAt == position.ChangedAt && i.Id > position.ItemId));
        if (onlyNew) items = items.Where(i => i.AcknowledgedAt == null || i.AcknowledgedAt < i.ChangedAt);
        var rows = await (from item in items.OrderBy(i => i.ChangedAt).ThenBy(i => i.Id).Take(take + 1)
                          join submission in context.Submissions on item.SubmissionId equals submission.Id
                          orderby item.ChangedAt, item.Id
                          select new { item.Id, Item = new CaseFeedItem(submission.Id, submission.ReferenceNumber, submission.FormId, submission.FormVersion, submission.FormTitle,
                              submission.Status, item.ReceivedAt, item.ChangedAt, item.AcknowledgedAt) })
            .AsNoTracking().ToListAsync(cancellationToken);
        var page = rows.Take(take).ToList();
        context.AuditLog.Add(InboxAccess.Audit(Now, principal, "inbox.list", null, $"{page.Count} rows changed since {since?.ToString("O") ?? "-"}"));
        using (await database.EnterWriteAsync(cancellationToken)) await context.SaveChangesAsync(cancellationToken);
        var next = rows.Count > take ? new CaseFeedPosition(page[^1].Item.ChangedAt, page[^1].Id) : null;
        return new CaseFeedPage(page.Select(r => r.Item).ToList(), next);
    }

    /// <summary>The specialist system took the case over (audited as <c>case.acknowledge</c>); null when the case is not the authority's (the refusal is audited).</summary>
    public async Task<DateTime?> AcknowledgeAsync(CaseworkerAccount principal, Guid submissionId, CancellationToken cancellationToken = default)
    {
        var now = Now;
        await using var context = database.CreateContext();
        using (await database.EnterWriteAsync(cancellationToken))
        {
            var items = await InboxAccess.ItemsOf(context, principal).Where(i => i.SubmissionId == submissionId).ToListAsync(cancellationToken);
            if (items.Count > 0)
            {
                foreach (var item in items) item.AcknowledgedAt = now;
                context.AuditLog.Add(InboxAccess.Audit(now, principal, "case.acknowledge", submissionId, null));
                await context.SaveChangesAsync(cancellationToken);
                return now;
            }
        }

        await InboxAccess.RefusedAsync(database, context, principal, "case.acknowledge", submissionId, cancellationToken);
        return null;
    }

    /// <summary>
    /// Audits a refused <paramref name="action"/> (<c>&lt;action&gt;.refused</c>) when the case is not the authority's and
    /// returns true; false when the case is visible (what was asked for within it does not exist: nothing to audit).
    /// </summary>
    public async Task<bool> RefusedAsync(CaseworkerAccount principal, string action, Guid submissionId, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        if (await InboxAccess.VisibleSubmissionAsync(context, principal, submissionId, cancellationToken) is not null) return false;
        await InboxAccess.RefusedAsync(database, context, principal, action, submissionId, cancellationToken);
        return true;
    }

    /// <summary>A refusal before any case is looked at (a token that is not valid, a wrong scope, too many requests), in the audit log.</summary>
    public async Task AuditRefusalAsync(string actor, string action, Guid? submissionId, string details, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var exists = submissionId is { } id && await context.Submissions.AnyAsync(s => s.Id == id, cancellationToken);
        context.AuditLog.Add(new AuditLogEntry { At = Now, Actor = actor, Action = action, SubmissionId = exists ? submissionId : null, Details = details });
        using (await database.EnterWriteAsync(cancellationToken)) await context.SaveChangesAsync(cancellationToken);
    }
}
