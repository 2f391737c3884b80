using Sozialplattform.Counselling.Storage;

namespace Sozialplattform.Counselling.Conversations;

/// <summary>One message as a reader sees it: who wrote it (the seeker, or a counsellor of the centre), the decrypted text and its files.</summary>
public sealed record MessageView(Guid Id, MessageAuthor Author, string Text, DateTime At, IReadOnlyList<AttachmentView> Files);

/// <summary>A file of a message as listed (the decrypted name; the content only by download).</summary>
public sealed record AttachmentView(Guid Id, string FileName, string MediaType, long Size, string Sha256);

/// <summary>A file to download: its name, type decided from the content at upload, and the decrypted bytes.</summary>
public sealed record AttachmentFile(string FileName, string MediaType, byte[] Content);

/// <summary>
/// A conversation as a reader sees it. <see cref="Pseudonym"/> is all a counsellor learns of the seeker; the seeker
/// sees no counsellor's login, only that the centre answered. <see cref="SeekerId"/> is for the notices, never shown.
/// </summary>
public sealed record ConversationView(Guid Id, Guid SeekerId, Guid CentreId, string Topic, ConversationState State, Guid? CounsellorId, string Pseudonym,
    DateTime CreatedAt, DateTime LastActivityAt, IReadOnlyList<MessageView> Messages, DateTime? ArchivedAt = null);

/// <summary>A line of a list (the pool, a seeker's conversations): no message text.</summary>
public sealed record ConversationSummary(Guid Id, Guid CentreId, string Topic, ConversationState State, Guid? CounsellorId, string Pseudonym,
    DateTime CreatedAt, DateTime LastActivityAt);

/// <summary>What a step came to: done (with the conversation's id), or refused with a reason.</summary>
public enum StepResult
{
    Done,

    /// <summary>Unknown, or not the reader's: the same answer, so ids reveal nothing.</summary>
    NotFound,

    /// <summary>Taken by another counsellor meanwhile, or already closed.</summary>
    WrongState,

    /// <summary>The input was refused (<see cref="StepOutcome.Error"/>).</summary>
    Invalid,
}

public sealed record StepOutcome(StepResult Result, Guid ConversationId = default, CounsellingError? Error = null)
{
    public static StepOutcome NotFound { get; } = new(StepResult.NotFound);
}
