using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Centres.Web.Staff;
using Sozialplattform.Counselling.Conversations;
using Sozialplattform.Counselling.Storage;
using Sozialplattform.Counselling.Web.Desk;
using Sozialplattform.Counselling.Web.Hosting;
using Sozialplattform.Counselling.Web.Seeker;

namespace Sozialplattform.Counselling.Web.Live;

/// <summary>
/// The signalling of video calls on the same hub: the counsellor's page starts a call (<see cref="StartCall"/>), the
/// seeker's page hears it ring (<see cref="WatchCalls"/>) and accepts or declines; then the two connections pass offer,
/// answer and ICE candidates to each other through the call's group — nothing else is in it — and either hangs up.
/// Every call is checked by <see cref="VideoCalls"/> against the stored call (so any host of several decides the same);
/// a refusal is a <see cref="HubException"/> with a sentence in the page's language (<c>?lang=</c> of the connection).
/// No media pass the hub: only the descriptions browsers need to connect to each other.
/// </summary>
public sealed partial class ConversationHub
{
    public const string CallRinging = "callRinging";
    public const string CallAccepted = "callAccepted";
    public const string CallEnded = "callEnded";
    public const string CallClosed = "callClosed";
    public const string Offer = "offer";
    public const string Answer = "answer";
    public const string Candidate = "candidate";

    private const string InCallKey = "sozial.video";

    /// <summary>The seeker's pages of a conversation: they hear a call ring and stop ringing.</summary>
    public static string RingGroup(Guid conversationId) => "ring:" + conversationId;

    /// <summary>The two connections of a call, and no other.</summary>
    public static string CallGroup(Guid callId) => "call:" + callId;

    /// <summary>The seeker's page listens for calls of its conversation; the answer is the call ringing now (or null).</summary>
    public async Task<RingingCall?> WatchCalls(Guid conversationId)
    {
        var http = Http();
        var (allowed, ringing) = await Calls(http).WatchAsync((await PartyAsync(http)).Party, conversationId, Context.ConnectionAborted);
        if (!allowed) throw Refusal(http, new CounsellingError("video", "videoRefused"));
        await Groups.AddToGroupAsync(Context.ConnectionId, RingGroup(conversationId), Context.ConnectionAborted);
        return ringing is null ? null : new RingingCall(ringing.Id, Utc(ringing.ExpiresAt));
    }

    /// <summary>A counsellor who reads the open conversation calls its seeker (limited per counsellor); older live calls of the conversation end.</summary>
    public async Task<CallJoin> StartCall(Guid conversationId)
    {
        var http = Http();
        var party = await PartyAsync(http);
        var limit = http.RequestServices.GetRequiredService<VideoCallLimit>();
        if (party.StaffAccount is { } account && !limit.TryTake(account))
            throw Refusal(http, new CounsellingError("video", "videoLimit", Math.Max(1, (int)Math.Ceiling(limit.Window.TotalMinutes))));
        var outcome = await Calls(http).StartAsync(party.Party, conversationId, Context.ConnectionId, Context.ConnectionAborted);
        if (outcome.Call is not { } call) throw Refusal(http, outcome.Error!);
        Context.Items[InCallKey] = true;
        await Groups.AddToGroupAsync(Context.ConnectionId, CallGroup(call.Id), Context.ConnectionAborted);
        foreach (var older in outcome.Replaced ?? []) await Clients.Group(CallGroup(older)).SendAsync(CallEnded, older, "replaced", Context.ConnectionAborted);
        await Clients.Group(RingGroup(conversationId)).SendAsync(CallRinging, new RingingCall(call.Id, Utc(call.ExpiresAt)), Context.ConnectionAborted);
        return Join(http, call, call.ExpiresAt + Calls(http).CallTime);
    }

    /// <summary>The seeker takes the call on this connection — once, within the ring time.</summary>
    public async Task<CallJoin> AcceptCall(Guid callId)
    {
        var http = Http();
        var outcome = await Calls(http).AcceptAsync((await PartyAsync(http)).Party, callId, Context.ConnectionId, Context.ConnectionAborted);
        if (outcome.Call is not { } call) throw Refusal(http, outcome.Error!);
        Context.Items[InCallKey] = true;
        await Groups.AddToGroupAsync(Context.ConnectionId, CallGroup(call.Id), Context.ConnectionAborted);
        await Clients.OthersInGroup(CallGroup(call.Id)).SendAsync(CallAccepted, call.Id, Context.ConnectionAborted);
        await Clients.OthersInGroup(RingGroup(call.ConversationId)).SendAsync(CallClosed, call.Id, Context.ConnectionAborted);
        return Join(http, call, call.ExpiresAt);
    }

    public async Task DeclineCall(Guid callId)
    {
        var http = Http();
        var outcome = await Calls(http).DeclineAsync((await PartyAsync(http)).Party, callId, Context.ConnectionAborted);
        if (outcome.Call is not { } call) throw Refusal(http, outcome.Error!);
        await Clients.Group(CallGroup(call.Id)).SendAsync(CallEnded, call.Id, "declined", Context.ConnectionAborted);
        await Clients.Group(RingGroup(call.ConversationId)).SendAsync(CallClosed, call.Id, Context.ConnectionAborted);
    }

    public async Task HangUp(Guid callId)
    {
        var http = Http();
        var outcome = await Calls(http).HangUpAsync((await PartyAsync(http)).Party, callId, Context.ConnectionId, Context.ConnectionAborted);
        if (outcome.Call is not { } call) throw Refusal(http, outcome.Error!);
        await Clients.OthersInGroup(CallGroup(call.Id)).SendAsync(CallEnded, call.Id, "ended", Context.ConnectionAborted);
        if (call.State == CallState.Ringing) await Clients.Group(RingGroup(call.ConversationId)).SendAsync(CallClosed, call.Id, Context.ConnectionAborted);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, CallGroup(call.Id), Context.ConnectionAborted);
    }

    public async Task SendOffer(Guid callId, string sdp) => await RelayAsync(callId, VideoSignal.Description(sdp), Offer, sdp);

    public async Task SendAnswer(Guid callId, string sdp) => await RelayAsync(callId, VideoSignal.Description(sdp), Answer, sdp);

    public async Task SendCandidate(Guid callId, string candidate, string? sdpMid, int? sdpMLineIndex) =>
        await RelayAsync(callId, VideoSignal.Candidate(candidate, sdpMid, sdpMLineIndex), Candidate, candidate, sdpMid, sdpMLineIndex);

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.Items.ContainsKey(InCallKey) && Context.GetHttpContext() is { } http)
        {
            foreach (var call in await Calls(http).LeftAsync(Context.ConnectionId, CancellationToken.None))
            {
                await Clients.Group(CallGroup(call.Id)).SendAsync(CallEnded, call.Id, "left", CancellationToken.None);
                if (call.State == CallState.Ringing) await Clients.Group(RingGroup(call.ConversationId)).SendAsync(CallClosed, call.Id, CancellationToken.None);
            }
        }

        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>Passes a checked description or candidate to the other connection of the call — only from one of its two connections, while it is live.</summary>
    private async Task RelayAsync(Guid callId, CounsellingError? inputError, string method, params object?[] values)
    {
        var http = Http();
        var outcome = await Calls(http).SignalAsync((await PartyAsync(http)).Party, callId, Context.ConnectionId, Context.ConnectionAborted);
        if (!outcome.Done) throw Refusal(http, outcome.Error!);
        if (inputError is not null) throw Refusal(http, inputError);
        await Clients.OthersInGroup(CallGroup(callId)).SendCoreAsync(method, [callId, .. values], Context.ConnectionAborted);
    }

    private CallJoin Join(HttpContext http, VideoCallRow call, DateTime credentialsUntil)
    {
        var options = http.RequestServices.GetRequiredService<CounsellingOptions>().Video;
        return new CallJoin(call.Id, Utc(call.ExpiresAt), options.For(call.Id, credentialsUntil), options.RelayOnly ? "relay" : "all");
    }

    /// <summary>Times as read from SQLite come without their kind; the browser must read them as UTC (a "Z"), not as its local time.</summary>
    private static DateTime Utc(DateTime time) => DateTime.SpecifyKind(time, DateTimeKind.Utc);

    private HttpContext Http() => Context.GetHttpContext() ?? throw new HubException("refused");

    private static VideoCalls Calls(HttpContext http) => http.RequestServices.GetRequiredService<VideoCalls>();

    /// <summary>The seeker of the cookie and the staff account of the session, if any; the staff's role decided per centre as on the desk.</summary>
    private static async Task<(CallParty Party, Guid? StaffAccount)> PartyAsync(HttpContext http)
    {
        var seeker = await SeekerSession.CurrentAsync(http);
        var account = await StaffSession.CurrentAsync(http);
        return (new CallParty(seeker, account?.Login, account is null ? null : (centre, _) => DeskAccess.CounsellorAsync(http, account, centre)), account?.Id);
    }

    /// <summary>A refusal as a sentence in the language the page connected with.</summary>
    private static HubException Refusal(HttpContext http, CounsellingError error)
    {
        var lang = http.Request.Query["lang"].ToString();
        return new HubException(http.RequestServices.GetRequiredService<CounsellingTexts>().Error(CounsellingTexts.IsLanguage(lang) ? lang : "de", error));
    }
}

/// <summary>A call ringing for the seeker: its id and until when it may be accepted.</summary>
public sealed record RingingCall(Guid CallId, DateTime ExpiresAt);

/// <summary>Calls started per counsellor (a fixed window of an hour, per process like the other limits).</summary>
public sealed class VideoCallLimit(int permits) : IDisposable
{
    private readonly PerAccount _limit = new(permits, TimeSpan.FromHours(1));

    public TimeSpan Window => _limit.Window;

    public bool TryTake(Guid account) => _limit.TryTake(account);

    public void Dispose() => _limit.Dispose();
}
