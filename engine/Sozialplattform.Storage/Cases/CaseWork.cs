using Microsoft.EntityFrameworkCore;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Inbox;
using Sozialplattform.Storage.Notifications;
using Sozialplattform.Storage.Submissions;

namespace Sozialplattform.Storage.Cases;

/// <summary>
/// The caseworker's side of case work beyond the status (<see cref="CaseworkerActions"/>): messages and decisions to the
/// applicant (the content-free e-mail notice is queued by the caller on the platform's mail queue) and
/// assignment within the authority. Every call passes the inbox's gate (the caseworker's own authority) and writes the
/// audit entry; false or null means: not in this caseworker's inbox.
/// </summary>
public sealed class CaseWork(SozialDatabase database, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// A message to the applicant, or with <paramref name="decision"/> a decision (a PDF). Returns what the notice to the
    /// applicant needs (the web layer queues it on the platform's mail queue), or null when the case is not visible;
    /// <see cref="CaseInputException"/> for bad input (nothing is stored then).
    /// </summary>
    public async Task<SentCaseMessage?> SendAsync(CaseworkerAccount caseworker, Guid submissionId, string? text, CaseFile? decision = null, CancellationToken cancellationToken = default)
    {
        var files = decision is null ? [] : new[] { decision };
        if (CaseMessages.Problem(text, files, new HashSet<string>(["application/pdf"]), textRequired: decision is null) is { } problem) throw new CaseInputException(problem);
        var now = Now;
        await using var context = database.CreateContext();
        var submission = await InboxAccess.VisibleSubmissionAsync(context, caseworker, submissionId, cancellationToken);
        if (submission is null)
        {
            await InboxAccess.RefusedAsync(database, context, caseworker, decision is null ? "case.message" : "case.decision", submissionId, cancellationToken);
            return null;
        }

        using var gate = await database.EnterWriteAsync(cancellationToken);
        var message = new CaseMessage
        {
            Id = Guid.CreateVersion7(), SubmissionId = submissionId, Kind = decision is null ? CaseMessageKind.Message : CaseMessageKind.Decision,
            TenantId = caseworker.TenantId, AuthorityId = caseworker.AuthorityId, Actor = caseworker.Login, CreatedAt = now,
        };
        if (!string.IsNullOrWhiteSpace(text)) message.TextCipher = database.Protector.ProtectText(text.Trim(), message.Id);
        context.CaseMessages.Add(message);
        if (decision is not null)
        {
            var file = StoredAttachments.Create(database.Protector, AttachmentPurpose.Decision, null, CaseMessages.SafeFileName(decision.FileName), decision.MediaType, decision.Content, now, submissionId);
            file.MessageId = message.Id;
            context.Attachments.Add(file);
        }

        context.AuditLog.Add(InboxAccess.Audit(now, caseworker, decision is null ? "case.message" : "case.decision", submissionId, message.Id.ToString()));
        await context.SaveChangesAsync(cancellationToken);
        var authority = await context.Authorities.AsNoTracking().Where(a => a.TenantId == caseworker.TenantId && a.Id == caseworker.AuthorityId).Select(a => a.Name).SingleOrDefaultAsync(cancellationToken);
        var email = submission.ApplicantEmailCipher is null ? null : database.Protector.UnprotectText(submission.ApplicantEmailCipher, submission.Id);
        return new SentCaseMessage(message.Id, new StatusNotice(message.Id, submission.ReferenceNumber, submission.FormId, submission.FormVersion, submission.FormTitle,
            submission.Language, submission.CreatedAt, email, submission.Status, null, now, authority ?? caseworker.AuthorityId));
    }

    /// <summary>
    /// Assigns the case to a caseworker or lead of the same authority ("mir zuweisen": the caseworker's own id), or
    /// releases it (null). False when the case or the colleague is not of this authority.
    /// </summary>
    public async Task<bool> AssignAsync(CaseworkerAccount caseworker, Guid submissionId, Guid? assigneeId, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        string? login = null;
        if (assigneeId is { } id) login = await Colleagues(context, caseworker).Where(c => c.Id == id).Select(c => c.Login).SingleOrDefaultAsync(cancellationToken);
        if (await InboxAccess.VisibleSubmissionAsync(context, caseworker, submissionId, cancellationToken) is null || (assigneeId is not null && login is null))
        {
            await InboxAccess.RefusedAsync(database, context, caseworker, "case.assign", submissionId, cancellationToken);
            return false;
        }

        using var gate = await database.EnterWriteAsync(cancellationToken);
        await InboxAccess.ItemsOf(context, caseworker).Where(i => i.SubmissionId == submissionId).ExecuteUpdateAsync(u => u.SetProperty(i => i.AssigneeId, assigneeId), cancellationToken);
        context.AuditLog.Add(InboxAccess.Audit(Now, caseworker, "case.assign", submissionId, login ?? "none"));
        await context.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// What a letter of this case is headed with: the case's reference and form, and the caseworker's authority with its
    /// address. Null (and the refusal audited as <c>&lt;action&gt;.refused</c>, by default <c>case.letter.refused</c>) when
    /// the case is not in this caseworker's inbox.
    /// </summary>
    public async Task<CaseLetterhead?> LetterheadAsync(CaseworkerAccount caseworker, Guid submissionId, CancellationToken cancellationToken = default, string action = "case.letter")
    {
        await using var context = database.CreateContext();
        var submission = await InboxAccess.VisibleSubmissionAsync(context, caseworker, submissionId, cancellationToken);
        if (submission is null)
        {
            await InboxAccess.RefusedAsync(database, context, caseworker, action, submissionId, cancellationToken);
            return null;
        }

        var authority = await context.Authorities.AsNoTracking().Where(a => a.TenantId == caseworker.TenantId && a.Id == caseworker.AuthorityId)
            .Select(a => new { a.Name, a.Address }).SingleOrDefaultAsync(cancellationToken);
        return new CaseLetterhead(submission.ReferenceNumber, submission.FormId, submission.FormVersion, authority?.Name ?? caseworker.AuthorityId,
            authority?.Address.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [], caseworker.DisplayName);
    }

    /// <summary>The caseworkers and leads of the caseworker's authority (for "assign to a colleague"), by name.</summary>
    public async Task<IReadOnlyList<Colleague>> ColleaguesAsync(CaseworkerAccount caseworker, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await Colleagues(context, caseworker).OrderBy(c => c.DisplayName).Select(c => new Colleague(c.Id, c.DisplayName)).ToListAsync(cancellationToken);
    }

    private static IQueryable<CaseworkerAccount> Colleagues(SozialDbContext context, CaseworkerAccount caseworker) =>
        context.CaseworkerAccounts.AsNoTracking().Where(c => c.TenantId == caseworker.TenantId && c.AuthorityId == caseworker.AuthorityId && c.Role != CaseworkerRole.Operator);
}

public sealed record Colleague(Guid Id, string DisplayName);

/// <summary>The head of a letter of a case: reference, form, the authority (name, address lines) and who writes it.</summary>
public sealed record CaseLetterhead(string ReferenceNumber, string FormId, string FormVersion, string AuthorityName, IReadOnlyList<string> AuthorityAddress, string CaseworkerName);

/// <summary>A stored message or decision, with what a content-free notice about it may say (<see cref="StatusNotice.Email"/> null: no address left).</summary>
public sealed record SentCaseMessage(Guid MessageId, StatusNotice Notice);
