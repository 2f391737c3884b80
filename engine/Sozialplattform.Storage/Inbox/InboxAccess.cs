using Microsoft.EntityFrameworkCore;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;

namespace Sozialplattform.Storage.Inbox;

/// <summary>The one gate every inbox query passes: a submission is visible only when it was delivered into the caseworker's own authority's inbox.</summary>
internal static class InboxAccess
{
    /// <summary>The cases the caseworker's authority works on: its inbox items that it has not forwarded.</summary>
    public static IQueryable<InboxItem> ItemsOf(SozialDbContext context, CaseworkerAccount caseworker) =>
        StubsAndItemsOf(context, caseworker).Where(i => i.ForwardedAt == null);

    /// <summary>Also the read-only stubs of cases the authority forwarded (for the list: reference, where to and when; never the content).</summary>
    public static IQueryable<InboxItem> StubsAndItemsOf(SozialDbContext context, CaseworkerAccount caseworker) =>
        context.InboxItems.Where(i => i.TenantId == caseworker.TenantId && i.AuthorityId == caseworker.AuthorityId);

    public static async Task<Submission?> VisibleSubmissionAsync(SozialDbContext context, CaseworkerAccount caseworker, Guid submissionId, CancellationToken cancellationToken, bool track = false)
    {
        if (!await ItemsOf(context, caseworker).AnyAsync(i => i.SubmissionId == submissionId, cancellationToken)) return null;
        var submissions = track ? context.Submissions : context.Submissions.AsNoTracking();
        return await submissions.SingleAsync(s => s.Id == submissionId, cancellationToken);
    }

    /// <summary>
    /// A refused attempt on a case outside the caseworker's authority, in the audit log (with the submission id when such
    /// a submission exists: its owners can see who tried), so that probing shows up.
    /// </summary>
    public static async Task RefusedAsync(SozialDatabase database, SozialDbContext context, CaseworkerAccount caseworker, string action, Guid submissionId, CancellationToken cancellationToken)
    {
        var exists = await context.Submissions.AnyAsync(s => s.Id == submissionId, cancellationToken);
        using var gate = await database.EnterWriteAsync(cancellationToken);
        context.AuditLog.Add(Audit(DateTime.UtcNow, caseworker, action + ".refused", exists ? submissionId : null, $"not in {caseworker.AuthorityId}: {submissionId}"));
        await context.SaveChangesAsync(cancellationToken);
    }

    public static AuditLogEntry Audit(DateTime at, CaseworkerAccount caseworker, string action, Guid? submissionId, string? details) =>
        new() { At = at, Actor = caseworker.Login, Action = action, SubmissionId = submissionId, Details = details };
}

/// <summary>
/// Who stands at the gate for a specialist system (Fachverfahren): its API client acts as a caseworker of the
/// client's authority, so it passes <see cref="InboxAccess"/> like the authority's staff and every read and change it
/// makes is audited as they are — with the actor <c>api:&lt;client id&gt;</c>. It is never stored as an account.
/// </summary>
public static class ApiPrincipal
{
    public const string ActorPrefix = "api:";

    public static CaseworkerAccount For(string tenantId, string authorityId, string clientId) => new()
    {
        Id = Guid.Empty, Login = ActorPrefix + clientId, DisplayName = $"Fachverfahren ({clientId})", PasswordHash = "",
        TenantId = tenantId, AuthorityId = authorityId, Role = CaseworkerRole.Caseworker,
    };
}
