using Microsoft.EntityFrameworkCore;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Inbox;

namespace Sozialplattform.Storage.Cases;

/// <summary>
/// What a lead sees of retention at the own authority (<c>/posteingang/aufbewahrung</c>): the closed cases that the
/// retention job will delete, with the date due and their hold; the cases on hold; and the deletion log. Everything
/// passes the inbox's gate (<see cref="InboxAccess"/>): another authority's cases and log rows are never read. A
/// caseworker who is no lead is refused (<c>case.retention.refused</c>).
/// </summary>
public sealed class RetentionOverview(SozialDatabase database, TimeProvider? clock = null)
{
    public const int PageSize = 50;
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>The overview of the lead's authority, narrowed to one service when <paramref name="formId"/> is given; null when the caseworker is no lead (the refusal is audited).</summary>
    public async Task<RetentionOverviewPage?> OfAuthorityAsync(CaseworkerAccount lead, RetentionPeriods periods, string? formId, int duePage, int logPage, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        if (lead.Role != CaseworkerRole.Lead)
        {
            using var gate = await database.EnterWriteAsync(cancellationToken);
            context.AuditLog.Add(InboxAccess.Audit(Now, lead, "case.retention.refused", null, "not a lead"));
            await context.SaveChangesAsync(cancellationToken);
            return null;
        }

        var service = string.IsNullOrWhiteSpace(formId) ? null : formId.Trim();
        var closed = await (from item in InboxAccess.ItemsOf(context, lead)
                            join s in context.Submissions on item.SubmissionId equals s.Id
                            where s.Status == SubmissionStatus.Closed && (service == null || s.FormId == service)
                            select new
                            {
                                s.Id, s.ReferenceNumber, s.FormId, s.FormVersion,
                                ClosedAt = context.StatusEvents.Where(e => e.SubmissionId == s.Id && e.Status == SubmissionStatus.Closed).Max(e => (DateTime?)e.CreatedAt),
                            }).ToListAsync(cancellationToken);
        var holds = await HoldsAsync(context, lead, service, cancellationToken);
        var holdOf = holds.ToDictionary(h => h.SubmissionId, h => h.Hold);
        var due = closed
            .Where(c => c.ClosedAt is not null && periods.DaysFor(c.FormId) is not null)
            .Select(c =>
            {
                var days = periods.DaysFor(c.FormId)!.Value;
                return new RetentionCase(c.Id, c.ReferenceNumber, c.FormId, c.FormVersion, c.ClosedAt!.Value, days, c.ClosedAt.Value.AddDays(days), holdOf.GetValueOrDefault(c.Id));
            })
            .OrderBy(c => c.DueAt).ThenBy(c => c.ReferenceNumber, StringComparer.Ordinal)
            .ToList();

        var log = context.CaseDeletions.AsNoTracking()
            .Where(d => d.TenantId == lead.TenantId && d.AuthorityId == lead.AuthorityId && (service == null || d.FormId == service));
        var logTotal = await log.CountAsync(cancellationToken);
        var logAt = Math.Clamp(logPage, 1, PageCount(logTotal));
        var logRows = await log.OrderByDescending(d => d.DeletedAt).ThenByDescending(d => d.Id).Skip((logAt - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        var dueAt = Math.Clamp(duePage, 1, PageCount(due.Count));
        var logServices = await context.CaseDeletions.AsNoTracking()
            .Where(d => d.TenantId == lead.TenantId && d.AuthorityId == lead.AuthorityId).Select(d => d.FormId).Distinct().ToListAsync(cancellationToken);
        return new RetentionOverviewPage(
            new Paged<RetentionCase>(due.Skip((dueAt - 1) * PageSize).Take(PageSize).ToList(), due.Count, dueAt),
            holds,
            new Paged<CaseDeletion>(logRows, logTotal, logAt),
            logServices,
            Now);
    }

    /// <summary>The authority's cases with an active hold (open or closed), newest hold first; the reason decrypted for the lead.</summary>
    private async Task<IReadOnlyList<HeldCase>> HoldsAsync(SozialDbContext context, CaseworkerAccount lead, string? service, CancellationToken cancellationToken)
    {
        var rows = await (from item in InboxAccess.ItemsOf(context, lead)
                          join s in context.Submissions on item.SubmissionId equals s.Id
                          join h in context.CaseHolds on s.Id equals h.SubmissionId
                          where h.LiftedAt == null && (service == null || s.FormId == service)
                          orderby h.SetAt descending
                          select new { s.Id, s.ReferenceNumber, s.FormId, s.Status, HoldId = h.Id, h.ReasonCipher, h.SetBy, h.SetAt }).ToListAsync(cancellationToken);
        return rows.Select(r => new HeldCase(r.Id, r.ReferenceNumber, r.FormId, r.Status,
            new HoldSummary(database.Protector.UnprotectText(r.ReasonCipher, r.HoldId), r.SetBy, r.SetAt))).ToList();
    }

    public static int PageCount(int total) => Math.Max(1, (total + PageSize - 1) / PageSize);

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;
}

/// <summary>A closed case with a retention period: when it is due for deletion and its hold, if any.</summary>
public sealed record RetentionCase(Guid SubmissionId, string ReferenceNumber, string FormId, string FormVersion, DateTime ClosedAt, int RetentionDays, DateTime DueAt, HoldSummary? Hold);

/// <summary>A case on legal hold.</summary>
public sealed record HeldCase(Guid SubmissionId, string ReferenceNumber, string FormId, SubmissionStatus Status, HoldSummary Hold);

public sealed record HoldSummary(string Reason, string SetBy, DateTime SetAt);

/// <summary>One page of a list: its rows, how many there are in all, and which page (1-based) this is.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Page)
{
    public int PageCount => RetentionOverview.PageCount(Total);
}

/// <param name="LogServices">The services (form ids) that occur in the authority's deletion log, for the filter.</param>
/// <param name="Now">When the overview was read: a case whose date due lies before it is due now.</param>
public sealed record RetentionOverviewPage(Paged<RetentionCase> Due, IReadOnlyList<HeldCase> Held, Paged<CaseDeletion> Log, IReadOnlyList<string> LogServices, DateTime Now);
