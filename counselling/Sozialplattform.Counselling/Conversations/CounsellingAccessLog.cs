using Microsoft.EntityFrameworkCore;
using Sozialplattform.Counselling.Storage;

namespace Sozialplattform.Counselling.Conversations;

/// <summary>One opening of a conversation by staff: when, which account, which conversation.</summary>
public sealed record AccessEntry(DateTime At, string Login, Guid ConversationId);

/// <summary>
/// The centre's access log from the platform's audit log: who opened which of its conversations, when — for its leads and
/// its data-protection role only (<see cref="Counsellor.ReadsAccessLog"/>); reading it is audited too
/// (<c>counselling.accesslog.read</c>).
/// </summary>
public sealed class CounsellingAccessLog(ConversationStore store)
{
    public const int Newest = 500;

    /// <summary>The newest <see cref="Newest"/> openings, newest first; null for anyone else.</summary>
    public async Task<IReadOnlyList<AccessEntry>?> ReadAsync(Counsellor reader, Guid centreId, CancellationToken cancellationToken = default)
    {
        if (!reader.ReadsAccessLog(centreId)) return null;
        var marker = $"; centre {centreId}";
        await using var context = store.Database.Platform.CreateContext();
        var rows = await context.AuditLog.AsNoTracking()
            .Where(a => a.Action == "counselling.conversation.opened" && a.Details != null && a.Details.EndsWith(marker))
            .OrderByDescending(a => a.Id).Take(Newest).Select(a => new { a.At, a.Actor, a.Details }).ToListAsync(cancellationToken);
        await store.AuditEntryAsync(CounsellingAudit.Staff(reader.Login), "accesslog.read", $"centre {centreId}", cancellationToken);
        return [.. rows.Select(r => new AccessEntry(r.At, r.Actor.StartsWith("centre-account:") ? r.Actor["centre-account:".Length..] : r.Actor,
            Guid.Parse(r.Details!["conversation ".Length..r.Details!.IndexOf(';')])))];
    }
}
