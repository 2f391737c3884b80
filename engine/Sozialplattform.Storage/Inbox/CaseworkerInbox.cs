using Microsoft.EntityFrameworkCore;
using Sozialplattform.Storage.Cases;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Submissions;

namespace Sozialplattform.Storage.Inbox;

/// <summary>
/// What a caseworker may read. Every query is limited to the caseworker's own authority (<see cref="InboxAccess"/>),
/// and every look at submissions — list, detail, file, export, deadline list — is written to the audit log in the
/// same transaction as the read. Changes are in <see cref="CaseworkerActions"/>.
/// </summary>
public sealed class CaseworkerInbox(SozialDatabase database, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    public async Task<InboxListPage> ListAsync(CaseworkerAccount caseworker, InboxFilter? filter = null, CancellationToken cancellationToken = default)
    {
        filter ??= new InboxFilter();
        await using var context = database.CreateContext();
        // Filters on the inbox item first: without a filter on the submission the count needs no join (100,000 cases: BENCHMARKS.md, "Case list").
        var cases = InboxAccess.StubsAndItemsOf(context, caseworker);
        if (filter.ReceivedFrom is { } from) cases = cases.Where(i => i.ReceivedAt >= from);
        if (filter.ReceivedBefore is { } before) cases = cases.Where(i => i.ReceivedAt < before);
        if (filter.FollowUpDueBy is { } due)
            cases = cases.Where(i => context.FollowUps.Any(f => f.SubmissionId == i.SubmissionId && f.AuthorityId == caseworker.AuthorityId && f.DoneAt == null && f.DueOn <= due));
        if (filter.FileNumber is not null)
        {
            var number = FileNumbers.Normalize(filter.FileNumber);
            var dossierId = await context.Dossiers.Where(d => d.TenantId == caseworker.TenantId && d.AuthorityId == caseworker.AuthorityId && d.FileNumber == number)
                .Select(d => (Guid?)d.Id).FirstOrDefaultAsync(cancellationToken) ?? Guid.Empty;
            cases = cases.Where(i => i.DossierId == dossierId);
        }

        if (filter.AssigneeId is { } assignee) cases = cases.Where(i => i.AssigneeId == assignee);
        if (filter.Status is { } status) cases = cases.Where(i => i.Status == status);
        if (filter.TeamMemberId is { } member) cases = cases.Where(i => context.TeamMembers.Any(m => m.TeamId == i.TeamId && m.AccountId == member));
        if (filter.OnlyNew) cases = cases.Where(i => i.LastOpenedAt == null || i.LastOpenedAt < (i.LastActivityAt ?? i.ReceivedAt));

        var query =
            from item in cases
            join submission in context.Submissions on item.SubmissionId equals submission.Id
            select new { item, submission };
        if (filter.FormId is { } formId) query = query.Where(x => x.submission.FormId == formId);
        var search = !string.IsNullOrWhiteSpace(filter.Search);
        if (search)
        {
            var reference = filter.Search!.Trim().ToUpperInvariant();
            var tokens = InboxSearch.QueryTokens(database.Protector, filter.Search!);
            var byName = context.InboxSearchTokens.Where(t => tokens.Contains(t.Token)).GroupBy(t => t.SubmissionId)
                .Where(g => g.Count() == tokens.Count).Select(g => g.Key);
            var byFileNumber = context.Dossiers.Where(d => d.TenantId == caseworker.TenantId && d.AuthorityId == caseworker.AuthorityId && d.FileNumber.Contains(reference)).Select(d => (Guid?)d.Id);
            query = query.Where(x => x.submission.ReferenceNumber.Contains(reference) || byFileNumber.Contains(x.item.DossierId) || (tokens.Count > 0 && byName.Contains(x.submission.Id)));
        }

        // Every inbox item has its submission (written together, deleted together), so the items alone count the same.
        var total = filter.FormId is null && !search ? await cases.CountAsync(cancellationToken) : await query.CountAsync(cancellationToken);
        var sorted = filter.Sort switch
        {
            InboxSort.Oldest => query.OrderBy(x => x.item.ReceivedAt).ThenBy(x => x.item.Id),
            InboxSort.Reference => query.OrderBy(x => x.submission.ReferenceNumber).ThenBy(x => x.item.Id),
            InboxSort.Status => query.OrderBy(x => x.submission.Status).ThenByDescending(x => x.item.ReceivedAt).ThenBy(x => x.item.Id),
            InboxSort.Activity => query.OrderByDescending(x => x.item.LastActivityAt ?? x.item.ReceivedAt).ThenBy(x => x.item.Id),
            _ => query.OrderByDescending(x => x.item.ReceivedAt).ThenBy(x => x.item.Id),
        };
        var rows = await sorted.Skip(filter.Skip).Take(filter.Take + 1)
            .Select(x => new
            {
                x.item.Id, x.item.ApplicantNameCipher, x.submission.ReferenceNumber, x.submission.FormId, x.submission.FormTitle, x.submission.Status, x.item.ReceivedAt, SubmissionId = x.submission.Id,
                NextFollowUp = context.FollowUps.Where(f => f.SubmissionId == x.submission.Id && f.AuthorityId == caseworker.AuthorityId && f.DoneAt == null).Min(f => (DateOnly?)f.DueOn),
                IsNew = x.item.ForwardedAt == null && (x.item.LastOpenedAt == null || x.item.LastOpenedAt < (x.item.LastActivityAt ?? x.item.ReceivedAt)),
                Assignee = context.CaseworkerAccounts.Where(c => c.Id == x.item.AssigneeId).Select(c => c.DisplayName).FirstOrDefault(),
                ForwardedTo = context.Authorities.Where(a => a.TenantId == x.item.TenantId && a.Id == x.item.ForwardedTo).Select(a => a.Name).FirstOrDefault(),
                x.submission.FormVersion,
                ChecksDone = context.CaseChecks.Count(c => c.SubmissionId == x.submission.Id),
                FileNumber = context.Dossiers.Where(d => d.Id == x.item.DossierId).Select(d => d.FileNumber).FirstOrDefault(),
                Team = context.Teams.Where(t => t.Id == x.item.TeamId).Select(t => t.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var items = rows.Take(filter.Take)
            .Select(r => new InboxListItem(r.SubmissionId, r.ReferenceNumber, r.FormId, r.FormTitle, r.Status, r.ReceivedAt, Name(r.ApplicantNameCipher, r.Id), r.NextFollowUp, r.IsNew, r.Assignee, r.ForwardedTo, r.FormVersion, r.ChecksDone, r.FileNumber, r.Team))
            .ToList();
        context.AuditLog.Add(InboxAccess.Audit(Now, caseworker, "inbox.list", null, $"{items.Count} rows"));
        await context.SaveChangesAsync(cancellationToken);
        return new InboxListPage(items, rows.Count > filter.Take, total);
    }

    /// <summary>The forms that occur in this caseworker's inbox (for the list's form filter).</summary>
    public async Task<IReadOnlyList<InboxForm>> FormsAsync(CaseworkerAccount caseworker, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var forms = await (from item in InboxAccess.ItemsOf(context, caseworker)
                           join submission in context.Submissions on item.SubmissionId equals submission.Id
                           select new { submission.FormId, submission.FormTitle }).Distinct().ToListAsync(cancellationToken);
        return forms.GroupBy(f => f.FormId).Select(g => new InboxForm(g.Key, g.First().FormTitle)).OrderBy(f => f.FormTitle, StringComparer.CurrentCulture).ToList();
    }

    /// <summary>The submission with its decrypted answers, files, notes, follow-ups and history, or null if it is not in this caseworker's inbox.</summary>
    public async Task<InboxDetail?> OpenAsync(CaseworkerAccount caseworker, Guid submissionId, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var submission = await InboxAccess.VisibleSubmissionAsync(context, caseworker, submissionId, cancellationToken);
        if (submission is null) return null;
        var protector = database.Protector;
        var item = await InboxAccess.ItemsOf(context, caseworker).Where(i => i.SubmissionId == submissionId).OrderBy(i => i.ReceivedAt).FirstAsync(cancellationToken);
        var assignee = item.AssigneeId is { } assigneeId ? await context.CaseworkerAccounts.AsNoTracking().Where(c => c.Id == assigneeId).Select(c => c.DisplayName).FirstOrDefaultAsync(cancellationToken) : null;
        var files = await context.Attachments.AsNoTracking().Where(a => a.SubmissionId == submissionId && a.MessageId == null).OrderBy(a => a.Purpose).ThenBy(a => a.CreatedAt).ThenBy(a => a.Id)
            .Select(a => new InboxFile(a.Id, a.Purpose, a.FieldPath, a.FileName, a.MediaType, a.Size, a.Sha256, a.MessageId)).ToListAsync(cancellationToken);
        var notes = await (from note in context.Notes.AsNoTracking()
                           where note.SubmissionId == submissionId
                           join author in context.CaseworkerAccounts on note.AuthorId equals author.Id into authors
                           from author in authors.DefaultIfEmpty()
                           orderby note.CreatedAt
                           select new { note, Name = author == null ? "?" : author.DisplayName }).ToListAsync(cancellationToken);
        var followUps = await context.FollowUps.AsNoTracking().Where(f => f.SubmissionId == submissionId && f.AuthorityId == caseworker.AuthorityId)
            .OrderBy(f => f.DueOn).Select(f => new InboxFollowUp(f.Id, f.DueOn, f.Reason, f.DoneAt)).ToListAsync(cancellationToken);
        var events = await context.StatusEvents.AsNoTracking().Where(e => e.SubmissionId == submissionId).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        var messages = await CaseMessages.OfAsync(context, database.Protector, submissionId, cancellationToken);
        context.AuditLog.Add(InboxAccess.Audit(Now, caseworker, "submission.view", submissionId, null));
        await context.SaveChangesAsync(cancellationToken);
        await InboxAccess.ItemsOf(context, caseworker).Where(i => i.SubmissionId == submissionId).ExecuteUpdateAsync(u => u.SetProperty(i => i.LastOpenedAt, Now), cancellationToken);
        return new InboxDetail(
            submission,
            protector.UnprotectText(submission.AnswersCipher, submissionId),
            Name(item.ApplicantNameCipher, item.Id),
            submission.ApplicantEmailCipher is not null,
            item.ReceivedAt,
            files,
            notes.Select(n => new InboxNote(n.note.AuthorId, n.Name, n.note.CreatedAt, protector.UnprotectText(n.note.TextCipher, n.note.Id))).ToList(),
            followUps,
            events.Select(e => new StatusStep(e.Status, e.CreatedAt, e.MessageCipher is null ? null : protector.UnprotectText(e.MessageCipher, submissionId))).ToList(),
            messages,
            item.AssigneeId,
            assignee,
            item.LastOpenedAt);
    }

    /// <summary>One stored file of a visible submission (the PDF or an upload), decrypted; null otherwise.</summary>
    public async Task<InboxFileContent?> ReadFileAsync(CaseworkerAccount caseworker, Guid submissionId, Guid fileId, CancellationToken cancellationToken = default) =>
        await ReadFileAsync(caseworker, submissionId, fileId, "submission.download", cancellationToken);

    /// <summary>A file shown in the browser (the preview of a PDF or an image); logged as <c>submission.preview</c>.</summary>
    public async Task<InboxFileContent?> PreviewFileAsync(CaseworkerAccount caseworker, Guid submissionId, Guid fileId, CancellationToken cancellationToken = default) =>
        await ReadFileAsync(caseworker, submissionId, fileId, "submission.preview", cancellationToken);

    private async Task<InboxFileContent?> ReadFileAsync(CaseworkerAccount caseworker, Guid submissionId, Guid fileId, string action, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        if (await InboxAccess.VisibleSubmissionAsync(context, caseworker, submissionId, cancellationToken) is null)
        {
            if (action == "submission.preview") await InboxAccess.RefusedAsync(database, context, caseworker, action, submissionId, cancellationToken);
            return null;
        }

        var file = await context.Attachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == fileId && a.SubmissionId == submissionId, cancellationToken);
        if (file is null) return null;
        context.AuditLog.Add(InboxAccess.Audit(Now, caseworker, action, submissionId, $"{file.Purpose.ToString().ToLowerInvariant()} {file.Id}"));
        await context.SaveChangesAsync(cancellationToken);
        return new InboxFileContent(file.FileName, file.MediaType, database.Protector.Unprotect(file.ContentCipher, file.Id));
    }

    /// <summary>The stored answers for an export in <paramref name="format"/> (written to the audit log), or null.</summary>
    public async Task<InboxExport?> ExportAsync(CaseworkerAccount caseworker, Guid submissionId, string format, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var submission = await InboxAccess.VisibleSubmissionAsync(context, caseworker, submissionId, cancellationToken);
        if (submission is null) return null;
        context.AuditLog.Add(InboxAccess.Audit(Now, caseworker, "submission.export", submissionId, format));
        await context.SaveChangesAsync(cancellationToken);
        return new InboxExport(submission.Id, submission.ReferenceNumber, submission.FormId, submission.FormVersion, submission.ContentHash,
            database.Protector.UnprotectText(submission.AnswersCipher, submissionId));
    }

    /// <summary>The deadline list: open follow-ups of the caseworker's authority due on or before <paramref name="until"/>, earliest first.</summary>
    public async Task<IReadOnlyList<DueFollowUp>> DueFollowUpsAsync(CaseworkerAccount caseworker, DateOnly until, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var rows = await (from followUp in context.FollowUps.AsNoTracking()
                          where followUp.AuthorityId == caseworker.AuthorityId && followUp.DoneAt == null && followUp.DueOn <= until
                          join item in InboxAccess.ItemsOf(context, caseworker) on followUp.SubmissionId equals item.SubmissionId
                          join submission in context.Submissions on followUp.SubmissionId equals submission.Id
                          orderby followUp.DueOn, submission.ReferenceNumber
                          select new { followUp, item.Id, item.ApplicantNameCipher, submission.ReferenceNumber, submission.FormTitle }).ToListAsync(cancellationToken);
        context.AuditLog.Add(InboxAccess.Audit(Now, caseworker, "inbox.deadlines", null, $"{rows.Count} rows until {until:O}"));
        await context.SaveChangesAsync(cancellationToken);
        return rows.DistinctBy(r => r.followUp.Id)
            .Select(r => new DueFollowUp(r.followUp.Id, r.followUp.SubmissionId, r.ReferenceNumber, r.FormTitle, Name(r.ApplicantNameCipher, r.Id), r.followUp.DueOn, r.followUp.Reason))
            .ToList();
    }

    /// <summary>For team leads: who viewed and changed a visible submission (the look itself is logged too); null otherwise.</summary>
    public async Task<IReadOnlyList<AuditLogEntry>?> AuditTrailAsync(CaseworkerAccount caseworker, Guid submissionId, CancellationToken cancellationToken = default)
    {
        if (caseworker.Role != CaseworkerRole.Lead) return null;
        await using var context = database.CreateContext();
        if (await InboxAccess.VisibleSubmissionAsync(context, caseworker, submissionId, cancellationToken) is null) return null;
        context.AuditLog.Add(InboxAccess.Audit(Now, caseworker, "submission.audit-trail", submissionId, null));
        await context.SaveChangesAsync(cancellationToken);
        return await context.AuditLog.AsNoTracking().Where(a => a.SubmissionId == submissionId).OrderBy(a => a.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Every audit entry of a submission, for operators and tests (no caseworker scope, not logged).</summary>
    public async Task<IReadOnlyList<AuditLogEntry>> AuditTrailAsync(Guid submissionId, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await context.AuditLog.AsNoTracking().Where(a => a.SubmissionId == submissionId).OrderBy(a => a.Id).ToListAsync(cancellationToken);
    }

    private string? Name(byte[]? cipher, Guid itemId) => cipher is null ? null : database.Protector.UnprotectText(cipher, itemId);
}
