namespace Sozialplattform.Counselling.Conversations;

/// <summary>
/// Told after every stored change of a conversation (a message, a file, taken, handed over, ended, archived, a message
/// deleted) — its id only, never content. The web's live updates implement it; without one nothing is told.
/// </summary>
public interface IConversationChanges
{
    Task ChangedAsync(Guid conversationId, CancellationToken cancellationToken);
}
