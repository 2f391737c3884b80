using Sozialplattform.Counselling.Storage;
using Sozialplattform.Storage.Cases;

namespace Sozialplattform.Counselling.Conversations;

/// <summary>
/// Everything a seeker may do with conversations, each call scoped to the seeker: another seeker's conversation is
/// <see cref="StepResult.NotFound"/> like an unknown id — and the attempt is in the audit log.
/// </summary>
public sealed class SeekerConversations(ConversationStore store)
{
    public const int TopicMaxLength = 64;

    /// <summary>The enquiry: a new conversation with the chosen centre, in its pool, with the files the seeker attached.</summary>
    public async Task<StepOutcome> StartAsync(SeekerRow seeker, Guid centreId, string topic, string? body, CancellationToken cancellationToken = default) =>
        await StartAsync(seeker, centreId, topic, body, [], cancellationToken);

    public async Task<StepOutcome> StartAsync(SeekerRow seeker, Guid centreId, string topic, string? body, IReadOnlyList<CaseFile> files, CancellationToken cancellationToken = default)
    {
        if (topic.Length is 0 or > TopicMaxLength || !topic.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')) return new(StepResult.Invalid, Error: new("topic", "topicUnknown"));
        var (text, error) = MessageText.Check(body);
        if (error is not null) return new(StepResult.Invalid, Error: error);
        var (checkedFiles, fileError) = MessageFiles.Check(files);
        if (fileError is not null) return new(StepResult.Invalid, Error: fileError);
        var now = store.Now;
        var id = Guid.CreateVersion7();
        var row = new ConversationRow
        {
            Id = id, Tenant = seeker.Tenant, SeekerId = seeker.Id, CentreId = centreId, Topic = topic, State = ConversationState.New,
            WrappedKey = ConversationCipher.NewWrappedKey(store.Database.Platform.Protector, id), CreatedAt = now, LastActivityAt = now,
        };
        var messageId = Guid.CreateVersion7();
        var key = ConversationCipher.Open(store.Database.Platform.Protector, row);
        await store.InsertAsync(row, new MessageRow { Id = messageId, ConversationId = id, Author = MessageAuthor.Seeker, BodyCipher = key.ProtectText(text!, messageId), At = now }, checkedFiles, cancellationToken);
        return new(StepResult.Done, id);
    }

    public Task<IReadOnlyList<ConversationSummary>> ListAsync(SeekerRow seeker, CancellationToken cancellationToken = default) =>
        store.SummariesAsync(q => q.Where(c => c.SeekerId == seeker.Id), cancellationToken);

    public async Task<ConversationView?> OpenAsync(SeekerRow seeker, Guid conversationId, CancellationToken cancellationToken = default) =>
        await OwnAsync(seeker, conversationId, "open", cancellationToken) is { } row ? await store.ReadAsync(row, cancellationToken) : null;

    public async Task<StepOutcome> ReplyAsync(SeekerRow seeker, Guid conversationId, string? body, CancellationToken cancellationToken = default) =>
        await ReplyAsync(seeker, conversationId, body, [], cancellationToken);

    public async Task<StepOutcome> ReplyAsync(SeekerRow seeker, Guid conversationId, string? body, IReadOnlyList<CaseFile> files, CancellationToken cancellationToken = default)
    {
        if (await OwnAsync(seeker, conversationId, "reply", cancellationToken) is not { } row) return StepOutcome.NotFound;
        var (text, error) = MessageText.Check(body);
        if (error is not null) return new(StepResult.Invalid, conversationId, error);
        var (checkedFiles, fileError) = MessageFiles.Check(files);
        if (fileError is not null) return new(StepResult.Invalid, conversationId, fileError);
        return await store.AddMessageAsync(row, MessageAuthor.Seeker, null, text!, checkedFiles, cancellationToken);
    }

    /// <summary>A file of the seeker's own conversation; null for another seeker's conversation (audited) or an unknown file.</summary>
    public async Task<AttachmentFile?> FileAsync(SeekerRow seeker, Guid conversationId, Guid fileId, CancellationToken cancellationToken = default) =>
        await OwnAsync(seeker, conversationId, "file", cancellationToken) is { } row ? await store.FileAsync(row, fileId, cancellationToken) : null;

    /// <summary>The seeker ends the conversation (it stays readable).</summary>
    public async Task<StepOutcome> EndAsync(SeekerRow seeker, Guid conversationId, CancellationToken cancellationToken = default)
    {
        if (await OwnAsync(seeker, conversationId, "end", cancellationToken) is not { } row) return StepOutcome.NotFound;
        return row.State != ConversationState.Closed && await store.MoveAsync(row.Id, row.State, ConversationState.Closed, row.CounsellorId, cancellationToken)
            ? new(StepResult.Done, row.Id) : new(StepResult.WrongState, row.Id);
    }

    /// <summary>The seeker deletes one of their own messages (never the centre's); the deletion log names it without content.</summary>
    public async Task<StepOutcome> DeleteMessageAsync(SeekerRow seeker, Guid conversationId, Guid messageId, CancellationToken cancellationToken = default)
    {
        if (await OwnAsync(seeker, conversationId, "delete", cancellationToken) is not { } row) return StepOutcome.NotFound;
        if (!await store.DeleteMessageAsync(row.Id, messageId, MessageAuthor.Seeker, cancellationToken)) return new(StepResult.Invalid, row.Id, new("message", "messageUnknown"));
        await store.AuditAsync(CounsellingAudit.Seeker(seeker.Id), "deleted.message", row.Id, $"message {messageId}", cancellationToken);
        return new(StepResult.Done, row.Id);
    }

    /// <summary>
    /// The seeker deletes their account: every conversation with its messages and key, and the account itself. The
    /// deletion log says how many, never what.
    /// </summary>
    public async Task DeleteAccountAsync(SeekerRow seeker, CancellationToken cancellationToken = default)
    {
        var conversations = await store.ConversationsOfAsync(seeker.Id, cancellationToken);
        var messages = await store.DeleteAsync(conversations, seeker.Id, cancellationToken);
        await store.AuditEntryAsync(CounsellingAudit.Seeker(seeker.Id), "deleted.seeker", $"{conversations.Count} conversation(s), {messages} message(s)", cancellationToken);
    }

    /// <summary>Whether the seeker may follow the conversation live (their own); another seeker's is refused and audited.</summary>
    public async Task<bool> FollowsAsync(SeekerRow seeker, Guid conversationId, CancellationToken cancellationToken = default) =>
        await OwnAsync(seeker, conversationId, "follow", cancellationToken) is not null;

    internal async Task<ConversationRow?> OwnAsync(SeekerRow seeker, Guid conversationId, string step, CancellationToken cancellationToken)
    {
        var row = await store.FindAsync(conversationId, cancellationToken);
        if (row is not null && row.SeekerId == seeker.Id) return row;
        if (row is not null) await store.AuditAsync(CounsellingAudit.Seeker(seeker.Id), step + ".refused", conversationId, "another seeker's conversation", cancellationToken);
        return null;
    }
}
