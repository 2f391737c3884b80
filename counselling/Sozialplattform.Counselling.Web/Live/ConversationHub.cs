using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sozialplattform.Centres.Web.Staff;
using Sozialplattform.Counselling.Conversations;
using Sozialplattform.Counselling.Web.Desk;
using Sozialplattform.Counselling.Web.Seeker;

namespace Sozialplattform.Counselling.Web.Live;

/// <summary>
/// The live channel of the online counselling (<c>/online-beratung/live</c>): a page joins the group of its conversation
/// (<see cref="FollowConversation"/>) or of its centre's desk (<see cref="FollowDesk"/>) and hears "changed" with the
/// conversation's id — never content; it then fetches the page through the normal, access-checked address. Joining is
/// decided per call like every other step: the seeker's cookie for their own conversation, the staff session for a
/// conversation <see cref="CounsellorDesk"/> lets them read or a desk of a centre they are a member of. Anyone else is
/// refused (a <see cref="HubException"/>, audited like a refused opening) and joins nothing.
/// </summary>
public sealed partial class ConversationHub : Hub
{
    /// <summary>The seekers' address (their cookie's path is the portal's).</summary>
    public const string Path = "/online-beratung/live";

    /// <summary>The staff's address: under the self-service root, where their session cookie is sent.</summary>
    public const string StaffPath = Sozialplattform.Centres.Web.Staff.StaffRoutes.Root + "/online-beratung/live";
    public const string Changed = "changed";

    public static string ConversationGroup(Guid id) => "conversation:" + id;

    public static string DeskGroup(Guid centreId) => "desk:" + centreId;

    public async Task FollowConversation(Guid conversationId)
    {
        var http = Context.GetHttpContext() ?? throw new HubException("refused");
        var allowed = await SeekerSession.CurrentAsync(http) is { } seeker
            ? await http.RequestServices.GetRequiredService<SeekerConversations>().FollowsAsync(seeker, conversationId, Context.ConnectionAborted)
            : await StaffFollowsAsync(http, conversationId);
        if (!allowed) throw new HubException("refused");
        await Groups.AddToGroupAsync(Context.ConnectionId, ConversationGroup(conversationId), Context.ConnectionAborted);
    }

    public async Task FollowDesk(Guid centreId)
    {
        var http = Context.GetHttpContext() ?? throw new HubException("refused");
        if (await StaffSession.CurrentAsync(http) is not { } account || await DeskAccess.CounsellorAsync(http, account, centreId) is not { } counsellor || !counsellor.IsMember(centreId))
            throw new HubException("refused");
        await Groups.AddToGroupAsync(Context.ConnectionId, DeskGroup(centreId), Context.ConnectionAborted);
    }

    private async Task<bool> StaffFollowsAsync(HttpContext http, Guid conversationId)
    {
        if (await StaffSession.CurrentAsync(http) is not { } account) return false;
        var desk = http.RequestServices.GetRequiredService<CounsellorDesk>();
        return await desk.CentreOfAsync(conversationId, Context.ConnectionAborted) is { } centreId
            && await DeskAccess.CounsellorAsync(http, account, centreId) is { } counsellor
            && await desk.FollowsAsync(counsellor, conversationId, Context.ConnectionAborted);
    }
}

/// <summary>Tells both sides' pages through the hub that a conversation changed (its group and its centre's desk); a failure is logged, never the poster's problem.</summary>
public sealed class LiveConversationChanges(IHubContext<ConversationHub> hub, IServiceProvider services, ILogger<LiveConversationChanges> log) : IConversationChanges
{
    public async Task ChangedAsync(Guid conversationId, CancellationToken cancellationToken)
    {
        try
        {
            await hub.Clients.Group(ConversationHub.ConversationGroup(conversationId)).SendAsync(ConversationHub.Changed, conversationId, CancellationToken.None);
            if (await services.GetRequiredService<CounsellorDesk>().CentreOfAsync(conversationId, CancellationToken.None) is { } centreId)
                await hub.Clients.Group(ConversationHub.DeskGroup(centreId)).SendAsync(ConversationHub.Changed, conversationId, CancellationToken.None);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            log.LogWarning(failure, "Live update for a conversation not sent");
        }
    }
}
