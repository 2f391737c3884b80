using Microsoft.EntityFrameworkCore;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Inbox;

namespace Sozialplattform.Storage.Cases;

/// <summary>
/// Forwarding a wrongly routed case to another authority of the tenant that works in the built-in inbox: the new
/// authority gets the case with its whole history (a new inbox item, marked new), the old one keeps a read-only stub
/// (reference, where to, when, why — no answers, no files), and the applicant's status page names the new authority.
/// </summary>
public sealed class CaseForwarding(SozialDatabase database, TimeProvider? clock = null)
{
    public const int ReasonMaxLength = 1000;
    public const string InboxChannel = "inbox";

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>The authorities a caseworker may forward to: the tenant's other authorities with the built-in inbox, by name.</summary>
    public async Task<IReadOnlyList<ForwardingTarget>> TargetsAsync(CaseworkerAccount caseworker, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        return await Targets(context, caseworker).OrderBy(a => a.Name).Select(a => new ForwardingTarget(a.Id, a.Name)).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Forwards the case; false when it is not in this caseworker's inbox (refusal audited); <see cref="CaseInputException"/>
    /// (<c>reasonMissing</c>, <c>textTooLong</c>, <c>target</c>) for bad input, nothing changed then.
    /// </summary>
    public async Task<bool> ForwardAsync(CaseworkerAccount caseworker, Guid submissionId, string targetAuthorityId, string? reason, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new CaseInputException("reasonMissing");
        if (reason.Length > ReasonMaxLength) throw new CaseInputException("textTooLong");
        await using var context = database.CreateContext();
        var item = await InboxAccess.ItemsOf(context, caseworker).Where(i => i.SubmissionId == submissionId).OrderBy(i => i.ReceivedAt).FirstOrDefaultAsync(cancellationToken);
        if (item is null)
        {
            await InboxAccess.RefusedAsync(database, context, caseworker, "case.forward", submissionId, cancellationToken);
            return false;
        }

        if (!await Targets(context, caseworker).AnyAsync(a => a.Id == targetAuthorityId, cancellationToken)) throw new CaseInputException("target");
        var now = _clock.GetUtcNow().UtcDateTime;
        var forwarded = new InboxItem
        {
            Id = Guid.CreateVersion7(), DeliveryId = Guid.CreateVersion7(), SubmissionId = submissionId, TenantId = caseworker.TenantId,
            AuthorityId = targetAuthorityId, ReceivedAt = now, LastActivityAt = now, ChangedAt = now, Status = item.Status,
        };
        if (item.ApplicantNameCipher is not null)
            forwarded.ApplicantNameCipher = database.Protector.ProtectText(database.Protector.UnprotectText(item.ApplicantNameCipher, item.Id), forwarded.Id);
        var message = new CaseMessage
        {
            Id = Guid.CreateVersion7(), SubmissionId = submissionId, Kind = CaseMessageKind.Forwarded, TenantId = caseworker.TenantId,
            AuthorityId = targetAuthorityId, Actor = caseworker.Login, CreatedAt = now,
        };
        message.TextCipher = database.Protector.ProtectText(reason.Trim(), message.Id);

        using var gate = await database.EnterWriteAsync(cancellationToken);
        context.Attach(item);
        item.ForwardedAt = now;
        item.ForwardedTo = targetAuthorityId;
        item.AssigneeId = null;
        context.InboxItems.Add(forwarded);
        context.CaseMessages.Add(message);
        context.AuditLog.Add(InboxAccess.Audit(now, caseworker, "case.forward", submissionId, $"to {targetAuthorityId}"));
        await context.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The stub a forwarding authority keeps, or null when it has none for this case (its look is audited).</summary>
    public async Task<CaseStub?> StubAsync(CaseworkerAccount caseworker, Guid submissionId, CancellationToken cancellationToken = default)
    {
        await using var context = database.CreateContext();
        var stub = await (from item in InboxAccess.StubsAndItemsOf(context, caseworker)
                          where item.SubmissionId == submissionId && item.ForwardedAt != null
                          join submission in context.Submissions on item.SubmissionId equals submission.Id
                          join target in context.Authorities on new { item.TenantId, Id = item.ForwardedTo! } equals new { target.TenantId, target.Id } into targets
                          from target in targets.DefaultIfEmpty()
                          orderby item.ForwardedAt descending
                          select new { submission.ReferenceNumber, submission.FormTitle, item.ForwardedAt, item.ForwardedTo, TargetName = target == null ? null : target.Name }).FirstOrDefaultAsync(cancellationToken);
        if (stub is null) return null;
        var reason = await context.CaseMessages.AsNoTracking()
            .Where(m => m.SubmissionId == submissionId && m.Kind == CaseMessageKind.Forwarded && m.AuthorityId == stub.ForwardedTo && m.TenantId == caseworker.TenantId)
            .OrderByDescending(m => m.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        using (await database.EnterWriteAsync(cancellationToken))
        {
            context.AuditLog.Add(InboxAccess.Audit(_clock.GetUtcNow().UtcDateTime, caseworker, "submission.stub", submissionId, null));
            await context.SaveChangesAsync(cancellationToken);
        }

        return new CaseStub(submissionId, stub.ReferenceNumber, stub.FormTitle, stub.ForwardedAt!.Value, stub.TargetName ?? stub.ForwardedTo!,
            reason?.TextCipher is null ? null : database.Protector.UnprotectText(reason.TextCipher, reason.Id));
    }

    private static IQueryable<Authority> Targets(SozialDbContext context, CaseworkerAccount caseworker) =>
        context.Authorities.AsNoTracking().Where(a => a.TenantId == caseworker.TenantId && a.Id != caseworker.AuthorityId && a.ChannelType == InboxChannel);
}

public sealed record ForwardingTarget(string Id, string Name);

/// <summary>What the forwarding authority still sees of a case it passed on.</summary>
public sealed record CaseStub(Guid SubmissionId, string ReferenceNumber, string FormTitle, DateTime ForwardedAt, string ForwardedTo, string? Reason);
