using Sozialplattform.Counselling.Storage;
using Sozialplattform.Storage.Cases;

namespace Sozialplattform.Counselling.Conversations;

/// <summary>
/// A centre account as the counselling sees it: its login (for the audit log) and its role per centre. Built by the web
/// from the centres' session and <see cref="CounsellingTeam"/>; an account without a role reads nothing here.
/// </summary>
public sealed record Counsellor(Guid AccountId, string Login, IReadOnlyDictionary<Guid, TeamRole> Centres)
{
    /// <summary>A counsellor or lead of the centre: reads its pool (the data-protection role is not a member of the conversations).</summary>
    public bool IsMember(Guid centreId) => Centres.TryGetValue(centreId, out var role) && role != TeamRole.DataProtection;

    /// <summary>Reads the centre's access log: its leads and its data-protection role.</summary>
    public bool ReadsAccessLog(Guid centreId) => Centres.TryGetValue(centreId, out var role) && role is TeamRole.Lead or TeamRole.DataProtection;

    public bool IsLead(Guid centreId) => Centres.TryGetValue(centreId, out var role) && role == TeamRole.Lead;
}

/// <summary>
/// The centre's desk: the pool of new enquiries, the conversations the counsellor took, those of absent colleagues the
/// counsellor deputises for today, and (for leads) the others.
/// </summary>
public sealed record Desk(IReadOnlyList<ConversationSummary> Pool, IReadOnlyList<ConversationSummary> Mine, IReadOnlyList<ConversationSummary> Others,
    IReadOnlyList<ConversationSummary> Deputising);

/// <summary>
/// Everything counsellors may do, each call scoped: a centre's members see its pool (new enquiries); once a counsellor
/// took one, only they and the centre's leads read it. Anything else — another centre's conversation, a colleague's —
/// is <see cref="StepResult.NotFound"/> like an unknown id, and the attempt is audited; every opening is audited too.
/// On the days of a colleague's absence (<see cref="CounsellingAbsences"/>) the deputy reads and answers the colleague's
/// conversations like their own.
/// </summary>
public sealed class CounsellorDesk(ConversationStore store, CounsellingAbsences absences)
{
    public async Task<Desk?> DeskAsync(Counsellor counsellor, Guid centreId, CancellationToken cancellationToken = default)
    {
        if (!counsellor.IsMember(centreId)) return null;
        var all = await store.SummariesAsync(q => q.Where(c => c.ArchivedAt == null
            && (c.CentreId == centreId && c.State != ConversationState.Closed || c.CentreId == centreId && c.CounsellorId == counsellor.AccountId)), cancellationToken);
        var lead = counsellor.IsLead(centreId);
        var absent = await absences.DeputisingForAsync(counsellor.AccountId, centreId, cancellationToken);
        return new Desk(
            [.. all.Where(c => c.State == ConversationState.New)],
            [.. all.Where(c => c.State != ConversationState.New && c.CounsellorId == counsellor.AccountId)],
            lead ? [.. all.Where(c => c.State == ConversationState.Open && c.CounsellorId != counsellor.AccountId)] : [],
            [.. all.Where(c => c.State == ConversationState.Open && c.CounsellorId is { } taker && absent.Contains(taker))]);
    }

    /// <summary>A conversation the counsellor may read; the opening is in the audit log.</summary>
    public async Task<ConversationView?> OpenAsync(Counsellor counsellor, Guid conversationId, CancellationToken cancellationToken = default)
    {
        if (await ReadableAsync(counsellor, conversationId, "open", cancellationToken) is not { } row) return null;
        await store.AuditAsync(CounsellingAudit.Staff(counsellor.Login), "conversation.opened", row.Id, $"centre {row.CentreId}", cancellationToken);
        return await store.ReadAsync(row, cancellationToken);
    }

    /// <summary>Takes a new enquiry from the pool: exactly one of several counsellors at once wins.</summary>
    public async Task<StepOutcome> TakeAsync(Counsellor counsellor, Guid conversationId, CancellationToken cancellationToken = default)
    {
        // members of its centre may take a new enquiry; one a colleague took a moment ago is "taken", not "not found" — decided
        // from this one reading and the compare-and-set below, so no second reading can see it taken in between
        var row = await store.FindAsync(conversationId, cancellationToken);
        if (row is null || !counsellor.IsMember(row.CentreId))
        {
            await ReadableAsync(counsellor, conversationId, "take", cancellationToken); // audits the refused attempt
            return StepOutcome.NotFound;
        }

        if (row.State != ConversationState.New) return new(StepResult.WrongState, row.Id);
        if (!await store.MoveAsync(row.Id, ConversationState.New, ConversationState.Open, counsellor.AccountId, cancellationToken)) return new(StepResult.WrongState, row.Id);
        await store.AuditAsync(CounsellingAudit.Staff(counsellor.Login), "conversation.taken", row.Id, $"centre {row.CentreId}", cancellationToken);
        return new(StepResult.Done, row.Id);
    }

    /// <summary>A reply by the counsellor who took the conversation, or by a lead of its centre.</summary>
    public async Task<StepOutcome> ReplyAsync(Counsellor counsellor, Guid conversationId, string? body, CancellationToken cancellationToken = default) =>
        await ReplyAsync(counsellor, conversationId, body, [], cancellationToken);

    /// <summary>A reply with files (checked by <see cref="MessageFiles"/>, counted against the conversation's limit).</summary>
    public async Task<StepOutcome> ReplyAsync(Counsellor counsellor, Guid conversationId, string? body, IReadOnlyList<CaseFile> files, CancellationToken cancellationToken = default)
    {
        if (await ReadableAsync(counsellor, conversationId, "reply", cancellationToken) is not { } row) return StepOutcome.NotFound;
        if (row.State != ConversationState.Open) return new(StepResult.WrongState, row.Id);
        var (text, error) = MessageText.Check(body);
        if (error is not null) return new(StepResult.Invalid, row.Id, error);
        var (checkedFiles, fileError) = MessageFiles.Check(files);
        if (fileError is not null) return new(StepResult.Invalid, row.Id, fileError);
        var outcome = await store.AddMessageAsync(row, MessageAuthor.Counsellor, counsellor.AccountId, text!, checkedFiles, cancellationToken);
        if (outcome.Result == StepResult.Done)
            await store.AuditAsync(CounsellingAudit.Staff(counsellor.Login), "message.sent", row.Id, checkedFiles.Count > 0 ? $"{checkedFiles.Count} file(s)" : null, cancellationToken);
        return outcome;
    }

    /// <summary>A file of a conversation the counsellor may read; the download is in the audit log like an opening.</summary>
    public async Task<AttachmentFile?> FileAsync(Counsellor counsellor, Guid conversationId, Guid fileId, CancellationToken cancellationToken = default)
    {
        if (await ReadableAsync(counsellor, conversationId, "file", cancellationToken) is not { } row) return null;
        if (await store.FileAsync(row, fileId, cancellationToken) is not { } file) return null;
        await store.AuditAsync(CounsellingAudit.Staff(counsellor.Login), "file.opened", row.Id, $"centre {row.CentreId}; file {fileId}", cancellationToken);
        return file;
    }

    /// <summary>
    /// Hands a taken conversation to a colleague — another member with a role in the same centre, never anyone of another
    /// centre — by whoever may read it (the counsellor who took it, a lead, a deputy). Audited with both accounts.
    /// </summary>
    public async Task<StepOutcome> HandOverAsync(Counsellor counsellor, Guid conversationId, Guid? colleagueId, CancellationToken cancellationToken = default)
    {
        if (await ReadableAsync(counsellor, conversationId, "handover", cancellationToken) is not { } row) return StepOutcome.NotFound;
        if (row.State != ConversationState.Open || row.CounsellorId is not { } current) return new(StepResult.WrongState, row.Id);
        if (colleagueId is not { } to || to == current || !(await absences.MembersAsync(row.CentreId, cancellationToken)).ContainsKey(to))
            return new(StepResult.Invalid, row.Id, new CounsellingError("colleague", "colleagueUnknown"));
        if (!await store.HandOverAsync(row.Id, current, to, cancellationToken)) return new(StepResult.WrongState, row.Id);
        await store.AuditAsync(CounsellingAudit.Staff(counsellor.Login), "conversation.handedover", row.Id, $"centre {row.CentreId}; from {current} to {to}", cancellationToken);
        return new(StepResult.Done, row.Id);
    }

    /// <summary>
    /// The centre's archive as the reader may see it: a lead every archived conversation of the centre, a counsellor
    /// those they had taken. Read-only; retention deletes them like every ended conversation.
    /// </summary>
    public async Task<IReadOnlyList<ConversationSummary>?> ArchiveAsync(Counsellor counsellor, Guid centreId, CancellationToken cancellationToken = default)
    {
        if (!counsellor.IsMember(centreId)) return null;
        var lead = counsellor.IsLead(centreId);
        return await store.SummariesAsync(q => q.Where(c => c.CentreId == centreId && c.ArchivedAt != null && (lead || c.CounsellorId == counsellor.AccountId)), cancellationToken);
    }

    /// <summary>Moves an open or ended conversation to the centre's archive (ending it if open): whoever may read it. Audited.</summary>
    public async Task<StepOutcome> ArchiveConversationAsync(Counsellor counsellor, Guid conversationId, CancellationToken cancellationToken = default)
    {
        if (await ReadableAsync(counsellor, conversationId, "archive", cancellationToken) is not { } row) return StepOutcome.NotFound;
        if (row.State == ConversationState.New || row.ArchivedAt is not null || !await store.ArchiveAsync(row.Id, cancellationToken)) return new(StepResult.WrongState, row.Id);
        await store.AuditAsync(CounsellingAudit.Staff(counsellor.Login), "conversation.archived", row.Id, $"centre {row.CentreId}", cancellationToken);
        return new(StepResult.Done, row.Id);
    }

    /// <summary>The centre a conversation belongs to (to decide the reader's role there); null for an unknown id.</summary>
    public async Task<Guid?> CentreOfAsync(Guid conversationId, CancellationToken cancellationToken = default) =>
        (await store.FindAsync(conversationId, cancellationToken))?.CentreId;

    /// <summary>Whether the counsellor may follow the conversation live: exactly when they may read it (refusals audited).</summary>
    public async Task<bool> FollowsAsync(Counsellor counsellor, Guid conversationId, CancellationToken cancellationToken = default) =>
        await ReadableAsync(counsellor, conversationId, "follow", cancellationToken) is not null;

    public async Task<StepOutcome> CloseAsync(Counsellor counsellor, Guid conversationId, CancellationToken cancellationToken = default)
    {
        if (await ReadableAsync(counsellor, conversationId, "close", cancellationToken) is not { } row) return StepOutcome.NotFound;
        if (row.State != ConversationState.Open || !await store.MoveAsync(row.Id, ConversationState.Open, ConversationState.Closed, row.CounsellorId, cancellationToken))
            return new(StepResult.WrongState, row.Id);
        await store.AuditAsync(CounsellingAudit.Staff(counsellor.Login), "conversation.closed", row.Id, null, cancellationToken);
        return new(StepResult.Done, row.Id);
    }

    /// <summary>
    /// The row if the counsellor may read it: a member of its centre for a new enquiry; the counsellor who took it or a
    /// lead of its centre afterwards. Otherwise null, with the refused attempt in the audit log.
    /// </summary>
    internal async Task<ConversationRow?> ReadableAsync(Counsellor counsellor, Guid conversationId, string step, CancellationToken cancellationToken)
    {
        var row = await store.FindAsync(conversationId, cancellationToken);
        if (row is null) return null;
        var allowed = counsellor.IsMember(row.CentreId)
            && (row.State == ConversationState.New || row.CounsellorId == counsellor.AccountId || counsellor.IsLead(row.CentreId)
                || row.CounsellorId is { } taker && (await absences.DeputisingForAsync(counsellor.AccountId, row.CentreId, cancellationToken)).Contains(taker));
        if (allowed) return row;
        await store.AuditAsync(CounsellingAudit.Staff(counsellor.Login), step + ".refused", conversationId,
            counsellor.IsMember(row.CentreId) ? "taken by a colleague" : "another centre's conversation", cancellationToken);
        return null;
    }
}
