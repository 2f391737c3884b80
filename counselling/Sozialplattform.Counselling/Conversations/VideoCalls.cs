using Microsoft.EntityFrameworkCore;
using Sozialplattform.Counselling.Storage;

namespace Sozialplattform.Counselling.Conversations;

/// <summary>
/// Who calls: the seeker of the request's cookie and/or a staff account, whose role (<see cref="Counsellor"/>) is decided
/// per centre by <see cref="CounsellorIn"/> — the web's one decision (the desk's and the live channel's).
/// </summary>
public sealed record CallParty(SeekerRow? Seeker, string? StaffLogin, Func<Guid, CancellationToken, Task<Counsellor?>>? CounsellorIn)
{
    public static CallParty Nobody { get; } = new(null, null, null);

    internal string Actor => Seeker is { } seeker ? CounsellingAudit.Seeker(seeker.Id) : StaffLogin is { } login ? CounsellingAudit.Staff(login) : "anonymous";
}

/// <summary>A step of a call: the call as it is now, or why it was refused; calls a new start replaced (their pages are told).</summary>
public sealed record CallOutcome(VideoCallRow? Call, CounsellingError? Error, IReadOnlyList<Guid>? Replaced = null)
{
    public bool Done => Error is null;

    internal static CallOutcome Refused(string code) => new(null, new CounsellingError("video", code));
}

/// <summary>
/// Video calls of a conversation. Only someone who may read an open conversation (<see cref="CounsellorDesk"/>: the
/// counsellor who took it, a lead, a deputy) starts one; only its seeker accepts or declines it, within the ring time;
/// afterwards exactly the two connections that started and accepted it may signal, until the call's longest time — each
/// step checked against the stored call, so it holds across hosts. A start ends older live calls of the conversation.
/// Every refusal is in the audit log (<c>counselling.video.refused</c>), like every start, accept, decline and end.
/// </summary>
public sealed class VideoCalls(ConversationStore store, CounsellorDesk desk, SeekerConversations seekers, TimeSpan ringTime, TimeSpan callTime, TimeProvider? clock = null)
{
    public TimeSpan RingTime => ringTime;

    public TimeSpan CallTime => callTime;

    private DateTime Now => clock is null ? store.Now : clock.GetUtcNow().UtcDateTime;

    /// <summary>A new call by a reader of the open conversation, bound to the connection it comes from; it rings the conversation's seeker.</summary>
    public async Task<CallOutcome> StartAsync(CallParty party, Guid conversationId, string connectionId, CancellationToken cancellationToken = default)
    {
        if (party.CounsellorIn is null) return await RefuseAsync(party, conversationId, "videoRefused", "not signed in as staff", cancellationToken);
        if (await store.FindAsync(conversationId, cancellationToken) is not { } found)
            return await RefuseAsync(party, conversationId, "videoRefused", "unknown conversation", cancellationToken);
        if (await party.CounsellorIn(found.CentreId, cancellationToken) is not { } counsellor)
            return await RefuseAsync(party, conversationId, "videoRefused", "centre not kept or no role", cancellationToken);
        if (await desk.ReadableAsync(counsellor, conversationId, "video", cancellationToken) is not { } row) return CallOutcome.Refused("videoRefused");
        if (row.State != ConversationState.Open) return await RefuseAsync(party, conversationId, "videoNotOpen", "conversation not open", cancellationToken);

        var now = Now;
        var call = new VideoCallRow
        {
            Id = Guid.CreateVersion7(), ConversationId = row.Id, SeekerId = row.SeekerId, CounsellorId = counsellor.AccountId, State = CallState.Ringing,
            CounsellorConnection = connectionId, CreatedAt = now, ExpiresAt = now + ringTime,
        };
        var (open, replaced) = await InsertAsync(call, cancellationToken);
        if (!open) return await RefuseAsync(party, conversationId, "videoNotOpen", "conversation not open", cancellationToken);
        await store.AuditAsync(CounsellingAudit.Staff(counsellor.Login), "video.started", row.Id,
            $"call {call.Id}; centre {row.CentreId}" + (replaced.Count > 0 ? $"; ended {replaced.Count} older call(s)" : ""), cancellationToken);
        return new CallOutcome(call, null, replaced);
    }

    /// <summary>
    /// Stores a new call and ends the conversation's older live ones, if the conversation is still open. The conversation's
    /// row is written first: its lock (PostgreSQL) or the writer gate (SQLite) lets parallel starts pass one by one, so
    /// exactly one call of the conversation is live afterwards.
    /// </summary>
    private async Task<(bool Open, List<Guid> Replaced)> InsertAsync(VideoCallRow call, CancellationToken cancellationToken)
    {
        await using var context = store.Database.CreateContext();
        using var gate = await store.Database.Platform.EnterWriteAsync(cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var open = await context.Conversations.Where(c => c.Id == call.ConversationId && c.State == ConversationState.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastActivityAt, store.Now).SetProperty(c => c.RetentionWarnedAt, (DateTime?)null), cancellationToken);
        if (open == 0) return (false, []);
        var replaced = await context.VideoCalls.Where(v => v.ConversationId == call.ConversationId && (v.State == CallState.Ringing || v.State == CallState.Accepted))
            .Select(v => v.Id).ToListAsync(cancellationToken);
        if (replaced.Count > 0)
            await context.VideoCalls.Where(v => replaced.Contains(v.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.State, CallState.Ended).SetProperty(v => v.EndedAt, call.CreatedAt), cancellationToken);
        context.VideoCalls.Add(call);
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (true, replaced);
    }

    /// <summary>
    /// Whether the party may hear of calls ringing in the conversation — only its seeker (anyone else refused and audited) —
    /// and the call ringing now, if any (for a page opened after the start).
    /// </summary>
    public async Task<(bool Allowed, VideoCallRow? Ringing)> WatchAsync(CallParty party, Guid conversationId, CancellationToken cancellationToken = default)
    {
        if (party.Seeker is not { } seeker)
            return (false, (await RefuseAsync(party, conversationId, "videoRefused", "watching calls: not signed in as a seeker", cancellationToken)).Call);
        if (await seekers.OwnAsync(seeker, conversationId, "video", cancellationToken) is null) return (false, null);
        var now = Now;
        await using var context = store.Database.CreateContext();
        return (true, await context.VideoCalls.AsNoTracking().Where(v => v.ConversationId == conversationId && v.SeekerId == seeker.Id && v.State == CallState.Ringing && v.ExpiresAt > now)
            .OrderByDescending(v => v.CreatedAt).FirstOrDefaultAsync(cancellationToken));
    }

    /// <summary>The seeker takes the call on this connection: once, within the ring time, in their own open conversation.</summary>
    public async Task<CallOutcome> AcceptAsync(CallParty party, Guid callId, string connectionId, CancellationToken cancellationToken = default)
    {
        var (call, refusal) = await RingingForSeekerAsync(party, callId, cancellationToken);
        if (refusal is not null) return refusal;
        var taken = await TakeAsync(callId, party.Seeker!.Id, connectionId, cancellationToken);
        if (taken == 0) return await RefuseAsync(party, call!.ConversationId, "videoNotRinging", $"call {callId}; accepted or ended meanwhile", cancellationToken);
        await store.AuditAsync(party.Actor, "video.accepted", call!.ConversationId, $"call {callId}", cancellationToken);
        return new CallOutcome(await FindAsync(callId, cancellationToken), null);
    }

    /// <summary>The seeker says no: the call ends for the counsellor too.</summary>
    public async Task<CallOutcome> DeclineAsync(CallParty party, Guid callId, CancellationToken cancellationToken = default)
    {
        var (call, refusal) = await RingingForSeekerAsync(party, callId, cancellationToken);
        if (refusal is not null) return refusal;
        if (!await MoveAsync(callId, false, CallState.Declined, cancellationToken))
            return await RefuseAsync(party, call!.ConversationId, "videoNotRinging", $"call {callId}; accepted or ended meanwhile", cancellationToken);
        await store.AuditAsync(party.Actor, "video.declined", call!.ConversationId, $"call {callId}", cancellationToken);
        return new CallOutcome(call, null);
    }

    /// <summary>
    /// Whether this connection may pass an offer, an answer or a candidate on: it is one of the two the call is bound to,
    /// its person is still that participant (the seeker of the conversation; the counsellor who started it and still reads
    /// it), the call is accepted and has not run past its time.
    /// </summary>
    public async Task<CallOutcome> SignalAsync(CallParty party, Guid callId, string connectionId, CancellationToken cancellationToken = default) =>
        await ParticipantAsync(party, callId, connectionId, live: true, cancellationToken);

    /// <summary>Either participant ends a ringing or accepted call (the counsellor may cancel a ringing one); the outcome has the call as it was before.</summary>
    public async Task<CallOutcome> HangUpAsync(CallParty party, Guid callId, string connectionId, CancellationToken cancellationToken = default)
    {
        var outcome = await ParticipantAsync(party, callId, connectionId, live: false, cancellationToken);
        if (!outcome.Done) return outcome;
        if (!await MoveAsync(callId, true, CallState.Ended, cancellationToken)) return CallOutcome.Refused("videoEnded");
        await store.AuditAsync(party.Actor, "video.ended", outcome.Call!.ConversationId, $"call {callId}", cancellationToken);
        return outcome;
    }

    /// <summary>Ends the live calls a closed hub connection was bound to (a closed tab ends the call); returns them as they were before.</summary>
    public async Task<IReadOnlyList<VideoCallRow>> LeftAsync(string connectionId, CancellationToken cancellationToken = default)
    {
        await using var context = store.Database.CreateContext();
        var live = await context.VideoCalls.AsNoTracking().Where(v => (v.CounsellorConnection == connectionId || v.SeekerConnection == connectionId)
            && (v.State == CallState.Ringing || v.State == CallState.Accepted)).ToListAsync(cancellationToken);
        var ended = new List<VideoCallRow>();
        foreach (var call in live)
        {
            if (!await MoveAsync(call.Id, true, CallState.Ended, cancellationToken)) continue;
            await store.AuditAsync("connection", "video.ended", call.ConversationId, $"call {call.Id}; a participant's page closed", cancellationToken);
            ended.Add(call);
        }

        return ended;
    }

    public async Task<VideoCallRow?> FindAsync(Guid callId, CancellationToken cancellationToken = default)
    {
        await using var context = store.Database.CreateContext();
        return await context.VideoCalls.AsNoTracking().FirstOrDefaultAsync(v => v.Id == callId, cancellationToken);
    }

    private async Task<(VideoCallRow? Call, CallOutcome? Refusal)> RingingForSeekerAsync(CallParty party, Guid callId, CancellationToken cancellationToken)
    {
        var call = await FindAsync(callId, cancellationToken);
        if (party.Seeker is not { } seeker || call is null)
            return (null, await RefuseAsync(party, call?.ConversationId, "videoRefused", call is null ? $"unknown call {callId}" : $"call {callId}; not signed in as a seeker", cancellationToken));
        if (await seekers.OwnAsync(seeker, call.ConversationId, "video", cancellationToken) is not { } row || row.Id != call.ConversationId || call.SeekerId != seeker.Id)
            return (null, CallOutcome.Refused("videoRefused"));
        if (row.State != ConversationState.Open) return (null, await RefuseAsync(party, row.Id, "videoNotOpen", $"call {callId}; conversation not open", cancellationToken));
        if (call.State == CallState.Ringing && call.ExpiresAt <= Now)
            return (null, await RefuseAsync(party, row.Id, "videoExpired", $"call {callId}; expired", cancellationToken));
        if (call.State != CallState.Ringing)
            return (null, await RefuseAsync(party, row.Id, "videoNotRinging", $"call {callId}; {call.State.ToString().ToLowerInvariant()}", cancellationToken));
        return (call, null);
    }

    private async Task<CallOutcome> ParticipantAsync(CallParty party, Guid callId, string connectionId, bool live, CancellationToken cancellationToken)
    {
        if (await FindAsync(callId, cancellationToken) is not { } call) return await RefuseAsync(party, null, "videoRefused", $"unknown call {callId}", cancellationToken);
        var details = $"call {callId}";
        if (connectionId == call.SeekerConnection)
        {
            if (party.Seeker?.Id != call.SeekerId || await store.FindAsync(call.ConversationId, cancellationToken) is not { State: ConversationState.Open })
                return await RefuseAsync(party, call.ConversationId, "videoRefused", details + "; not the call's seeker or conversation not open", cancellationToken);
        }
        else if (connectionId == call.CounsellorConnection)
        {
            var centre = await store.FindAsync(call.ConversationId, cancellationToken);
            var counsellor = centre is null || party.CounsellorIn is null ? null : await party.CounsellorIn(centre.CentreId, cancellationToken);
            if (counsellor?.AccountId != call.CounsellorId)
                return await RefuseAsync(party, call.ConversationId, "videoRefused", details + "; not the counsellor who started it", cancellationToken);
            if (await desk.ReadableAsync(counsellor!, call.ConversationId, "video", cancellationToken) is not { } row) return CallOutcome.Refused("videoRefused");
            if (row.State != ConversationState.Open) return await RefuseAsync(party, call.ConversationId, "videoNotOpen", details + "; conversation not open", cancellationToken);
        }
        else
        {
            return await RefuseAsync(party, call.ConversationId, "videoRefused", details + "; not a connection of the call", cancellationToken);
        }

        if (live && (call.State != CallState.Accepted || call.ExpiresAt <= Now))
            return await RefuseAsync(party, call.ConversationId, call.State == CallState.Accepted ? "videoExpired" : "videoEnded",
                details + (call.State == CallState.Accepted ? "; expired" : "; " + call.State.ToString().ToLowerInvariant()), cancellationToken);
        return new CallOutcome(call, null);
    }

    /// <summary>Ringing to accepted on this connection, only while it rings and its time lasts: of two accepts at once exactly one wins.</summary>
    private async Task<int> TakeAsync(Guid callId, Guid seekerId, string connectionId, CancellationToken cancellationToken)
    {
        var now = Now;
        await using var context = store.Database.CreateContext();
        using var gate = await store.Database.Platform.EnterWriteAsync(cancellationToken);
        return await context.VideoCalls.Where(v => v.Id == callId && v.SeekerId == seekerId && v.State == CallState.Ringing && v.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.State, CallState.Accepted).SetProperty(v => v.SeekerConnection, connectionId)
                .SetProperty(v => v.AcceptedAt, now).SetProperty(v => v.ExpiresAt, now + callTime), cancellationToken);
    }

    /// <summary>A compare-and-set of the state: from ringing (or, with <paramref name="alsoAccepted"/>, accepted) to <paramref name="to"/>.</summary>
    private async Task<bool> MoveAsync(Guid callId, bool alsoAccepted, CallState to, CancellationToken cancellationToken)
    {
        var now = Now;
        await using var context = store.Database.CreateContext();
        using var gate = await store.Database.Platform.EnterWriteAsync(cancellationToken);
        return await context.VideoCalls.Where(v => v.Id == callId && (v.State == CallState.Ringing || alsoAccepted && v.State == CallState.Accepted))
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.State, to).SetProperty(v => v.EndedAt, now), cancellationToken) == 1;
    }

    private async Task<CallOutcome> RefuseAsync(CallParty party, Guid? conversationId, string code, string reason, CancellationToken cancellationToken)
    {
        if (conversationId is { } id) await store.AuditAsync(party.Actor, "video.refused", id, reason, cancellationToken);
        else await store.AuditEntryAsync(party.Actor, "video.refused", reason, cancellationToken);
        return CallOutcome.Refused(code);
    }
}
