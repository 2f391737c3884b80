using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Sozialplattform.Counselling.Storage;
using Sozialplattform.Storage.Cases;
using Sozialplattform.Storage.Crypto;

namespace Sozialplattform.Counselling.Conversations;

/// <summary>
/// The storage steps both sides share: reading a conversation with its messages decrypted, adding a message (with the
/// conversation's last activity and its files, in one transaction). Who may do it is decided by the callers
/// (<see cref="SeekerConversations"/>, <see cref="CounsellorDesk"/>), never here.
/// </summary>
public sealed class ConversationStore(CounsellingDatabase database, TimeProvider? clock = null, int maxFilesPerConversation = MessageFiles.DefaultMaxPerConversation,
    IConversationChanges? changes = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public int MaxFilesPerConversation => maxFilesPerConversation;

    public CounsellingDatabase Database => database;

    public DateTime Now => _clock.GetUtcNow().UtcDateTime;

    internal async Task<ConversationRow?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        return await context.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
    }

    internal async Task<ConversationView> ReadAsync(ConversationRow row, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        var messages = await context.Messages.AsNoTracking().Where(m => m.ConversationId == row.Id).OrderBy(m => m.At).ThenBy(m => m.Id).ToListAsync(cancellationToken);
        var seeker = await context.Seekers.AsNoTracking().FirstAsync(s => s.Id == row.SeekerId, cancellationToken);
        var files = await context.Attachments.AsNoTracking().Where(a => a.ConversationId == row.Id).OrderBy(a => a.At).ThenBy(a => a.Position)
            .Select(a => new { a.Id, a.MessageId, a.NameCipher, a.MediaType, a.Size, a.Sha256 }).ToListAsync(cancellationToken);
        var key = ConversationCipher.Open(database.Platform.Protector, row);
        var byMessage = files.ToLookup(f => f.MessageId, f => new AttachmentView(f.Id, key.UnprotectText(f.NameCipher, f.Id), f.MediaType, f.Size, f.Sha256));
        return new ConversationView(row.Id, row.SeekerId, row.CentreId, row.Topic, row.State, row.CounsellorId, Pseudonym(seeker), row.CreatedAt, row.LastActivityAt,
            [.. messages.Select(m => new MessageView(m.Id, m.Author, key.UnprotectText(m.BodyCipher, m.Id), m.At, [.. byMessage[m.Id]]))], row.ArchivedAt);
    }

    /// <summary>One file of the conversation, decrypted; null for an unknown id or another conversation's file.</summary>
    internal async Task<AttachmentFile?> FileAsync(ConversationRow row, Guid fileId, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        var file = await context.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == fileId && a.ConversationId == row.Id, cancellationToken);
        if (file is null) return null;
        var key = ConversationCipher.Open(database.Platform.Protector, row);
        return new AttachmentFile(key.UnprotectText(file.NameCipher, file.Id), file.MediaType, key.Unprotect(file.ContentCipher, file.Id));
    }

    internal async Task<IReadOnlyList<ConversationSummary>> SummariesAsync(Func<IQueryable<ConversationRow>, IQueryable<ConversationRow>> filter, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        var rows = await filter(context.Conversations.AsNoTracking()).OrderByDescending(c => c.LastActivityAt)
            .Join(context.Seekers.AsNoTracking(), c => c.SeekerId, s => s.Id, (c, s) => new { c, s }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new ConversationSummary(r.c.Id, r.c.CentreId, r.c.Topic, r.c.State, r.c.CounsellorId, Pseudonym(r.s), r.c.CreatedAt, r.c.LastActivityAt))];
    }

    /// <summary>
    /// Adds a message with its (checked) files to a conversation that is not closed: <see cref="StepResult.WrongState"/>
    /// when it is, <see cref="StepResult.Invalid"/> when the files would pass the conversation's limit — nothing stored
    /// either way. The update of the conversation's row comes first in the transaction, so it holds the row's lock
    /// (PostgreSQL) or the writer gate (SQLite) while the files are counted: parallel posts never pass the limit.
    /// </summary>
    internal async Task<StepOutcome> AddMessageAsync(ConversationRow row, MessageAuthor author, Guid? counsellorId, string text, IReadOnlyList<CaseFile> files,
        CancellationToken cancellationToken)
    {
        var now = Now;
        var id = Guid.CreateVersion7();
        var key = ConversationCipher.Open(database.Platform.Protector, row);
        await using var context = database.CreateContext();
        using var gate = await database.Platform.EnterWriteAsync(cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var touched = await context.Conversations.Where(c => c.Id == row.Id && c.State != ConversationState.Closed)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastActivityAt, now).SetProperty(c => c.RetentionWarnedAt, (DateTime?)null), cancellationToken);
        if (touched == 0) return new(StepResult.WrongState, row.Id);
        if (files.Count > 0 && await context.Attachments.CountAsync(a => a.ConversationId == row.Id, cancellationToken) + files.Count > maxFilesPerConversation)
            return new(StepResult.Invalid, row.Id, new("files", "filesFull", maxFilesPerConversation));
        context.Messages.Add(new MessageRow { Id = id, ConversationId = row.Id, Author = author, CounsellorId = counsellorId, BodyCipher = key.ProtectText(text, id), At = now });
        context.Attachments.AddRange(Attachments(key, row.Id, id, files, now));
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await ChangedAsync(row.Id, cancellationToken);
        return new(StepResult.Done, row.Id);
    }

    internal async Task InsertAsync(ConversationRow row, MessageRow first, IReadOnlyList<CaseFile> files, CancellationToken cancellationToken)
    {
        var key = ConversationCipher.Open(database.Platform.Protector, row);
        await using var context = database.CreateContext();
        context.Conversations.Add(row);
        context.Messages.Add(first);
        context.Attachments.AddRange(Attachments(key, row.Id, first.Id, files, first.At));
        using (await database.Platform.EnterWriteAsync(cancellationToken)) await context.SaveChangesAsync(cancellationToken);
        await ChangedAsync(row.Id, cancellationToken);
    }

    private static IEnumerable<AttachmentRow> Attachments(DataProtector key, Guid conversationId, Guid messageId, IReadOnlyList<CaseFile> files, DateTime now) =>
        files.Select((file, position) =>
        {
            var id = Guid.CreateVersion7();
            return new AttachmentRow
            {
                Id = id, ConversationId = conversationId, MessageId = messageId, Position = position, MediaType = file.MediaType, Size = file.Content.LongLength,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(file.Content)), NameCipher = key.ProtectText(file.FileName, id),
                ContentCipher = key.Protect(file.Content, id), At = now,
            };
        }).ToList();

    /// <summary>Sets the state (and counsellor) only if the conversation is still in <paramref name="from"/>: true for the one writer that wins.</summary>
    internal async Task<bool> MoveAsync(Guid id, ConversationState from, ConversationState to, Guid? counsellorId, CancellationToken cancellationToken)
    {
        var now = Now;
        await using var context = database.CreateContext();
        using var gate = await database.Platform.EnterWriteAsync(cancellationToken);
        return await ChangedAsync(id, await context.Conversations.Where(c => c.Id == id && c.State == from)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.State, to).SetProperty(c => c.CounsellorId, counsellorId).SetProperty(c => c.LastActivityAt, now)
                .SetProperty(c => c.ClosedAt, to == ConversationState.Closed ? (DateTime?)now : null), cancellationToken) == 1, cancellationToken);
    }

    /// <summary>
    /// Moves a conversation that is not yet archived to the archive, ending it if it was open (the end's time kept if it
    /// had ended): true for the one writer that wins.
    /// </summary>
    internal async Task<bool> ArchiveAsync(Guid id, CancellationToken cancellationToken)
    {
        var now = Now;
        await using var context = database.CreateContext();
        using var gate = await database.Platform.EnterWriteAsync(cancellationToken);
        return await ChangedAsync(id, await context.Conversations.Where(c => c.Id == id && c.State != ConversationState.New && c.ArchivedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.State, ConversationState.Closed).SetProperty(c => c.ArchivedAt, now)
                .SetProperty(c => c.ClosedAt, c => c.ClosedAt ?? now), cancellationToken) == 1, cancellationToken);
    }

    /// <summary>Gives an open conversation to another counsellor, only if it is still open with <paramref name="from"/>: true for the one writer that wins.</summary>
    internal async Task<bool> HandOverAsync(Guid id, Guid from, Guid to, CancellationToken cancellationToken)
    {
        var now = Now;
        await using var context = database.CreateContext();
        using var gate = await database.Platform.EnterWriteAsync(cancellationToken);
        return await ChangedAsync(id, await context.Conversations.Where(c => c.Id == id && c.State == ConversationState.Open && c.CounsellorId == from)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.CounsellorId, to).SetProperty(c => c.LastActivityAt, now), cancellationToken) == 1, cancellationToken);
    }

    /// <summary>Deletes one message of <paramref name="author"/> in the conversation with its files; false when there is none such (nothing deleted).</summary>
    internal async Task<bool> DeleteMessageAsync(Guid conversationId, Guid messageId, MessageAuthor author, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        using var gate = await database.Platform.EnterWriteAsync(cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        if (await context.Messages.Where(m => m.Id == messageId && m.ConversationId == conversationId && m.Author == author).ExecuteDeleteAsync(cancellationToken) != 1) return false;
        await context.Attachments.Where(a => a.MessageId == messageId && a.ConversationId == conversationId).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await ChangedAsync(conversationId, true, cancellationToken);
    }

    /// <summary>
    /// Deletes conversations with their messages and files — and with them their keys, so a backup holding the messages alone reads
    /// nothing — and, when given, the seeker's account, in one transaction. Returns how many messages went.
    /// </summary>
    internal async Task<int> DeleteAsync(IReadOnlyCollection<Guid> conversationIds, Guid? seekerId, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        using var gate = await database.Platform.EnterWriteAsync(cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var messages = await context.Messages.Where(m => conversationIds.Contains(m.ConversationId)).ExecuteDeleteAsync(cancellationToken);
        await context.Attachments.Where(a => conversationIds.Contains(a.ConversationId)).ExecuteDeleteAsync(cancellationToken);
        await context.VideoCalls.Where(v => conversationIds.Contains(v.ConversationId)).ExecuteDeleteAsync(cancellationToken);
        await context.Conversations.Where(c => conversationIds.Contains(c.Id)).ExecuteDeleteAsync(cancellationToken);
        if (seekerId is { } id) await context.Seekers.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return messages;
    }

    internal async Task<IReadOnlyList<Guid>> ConversationsOfAsync(Guid seekerId, CancellationToken cancellationToken)
    {
        await using var context = database.CreateContext();
        return await context.Conversations.Where(c => c.SeekerId == seekerId).Select(c => c.Id).ToListAsync(cancellationToken);
    }

    private async Task<bool> ChangedAsync(Guid id, bool changed, CancellationToken cancellationToken)
    {
        if (changed) await ChangedAsync(id, cancellationToken);
        return changed;
    }

    private Task ChangedAsync(Guid id, CancellationToken cancellationToken) => changes?.ChangedAsync(id, cancellationToken) ?? Task.CompletedTask;

    internal Task AuditEntryAsync(string actor, string action, string details, CancellationToken cancellationToken) =>
        CounsellingAudit.EntryAsync(database, actor, action, details, Now, cancellationToken);

    internal Task AuditAsync(string actor, string action, Guid conversationId, string? details, CancellationToken cancellationToken) =>
        CounsellingAudit.WriteAsync(database, actor, action, conversationId, Now, details, cancellationToken);

    /// <summary>A refused way into a centre's desk (a centre the account does not keep, or no role in its counselling), in the audit log.</summary>
    public Task AuditDeskRefusedAsync(string login, Guid centreId, string reason, CancellationToken cancellationToken = default) =>
        CounsellingAudit.EntryAsync(database, CounsellingAudit.Staff(login), "desk.refused", $"centre {centreId}; {reason}", Now, cancellationToken);

    private string Pseudonym(SeekerRow seeker) => database.Platform.Protector.UnprotectText(seeker.PseudonymCipher, seeker.Id);
}
