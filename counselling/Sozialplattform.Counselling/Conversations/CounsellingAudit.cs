using Sozialplattform.Storage.Entities;

namespace Sozialplattform.Counselling.Conversations;

/// <summary>
/// Entries of the online counselling in the platform's one audit log: every time staff open a conversation, every step,
/// every change of the team's roles and every refused attempt (another centre's or another seeker's conversation) —
/// never a message's content. Actors: <c>centre-account:&lt;login&gt;</c>, <c>seeker:&lt;id&gt;</c>, <c>operator</c>.
/// </summary>
internal static class CounsellingAudit
{
    public const string Operator = "operator";

    public static string Seeker(Guid seekerId) => "seeker:" + seekerId;

    public static string Staff(string login) => "centre-account:" + login;

    public static Task WriteAsync(Storage.CounsellingDatabase database, string actor, string action, Guid conversationId, DateTime at,
        string? details = null, CancellationToken cancellationToken = default) =>
        EntryAsync(database, actor, action, $"conversation {conversationId}" + (details is null ? "" : "; " + details), at, cancellationToken);

    /// <summary>One entry, its action prefixed with <c>counselling.</c>.</summary>
    public static async Task EntryAsync(Storage.CounsellingDatabase database, string actor, string action, string details, DateTime at, CancellationToken cancellationToken = default)
    {
        await using var context = database.Platform.CreateContext();
        context.AuditLog.Add(new AuditLogEntry { At = at, Actor = actor, Action = "counselling." + action, Details = details });
        using var gate = await database.Platform.EnterWriteAsync(cancellationToken);
        await context.SaveChangesAsync(cancellationToken);
    }
}
