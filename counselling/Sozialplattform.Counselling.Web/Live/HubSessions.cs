using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Sozialplattform.Centres.Web.Staff;
using Sozialplattform.Counselling.Web.Seeker;

namespace Sozialplattform.Counselling.Web.Live;

/// <summary>
/// Reads the seeker's and the staff's cookies on every request to the hub before SignalR takes it over. Over a WebSocket
/// the response has started once the connection is upgraded, and a cookie handler first asked after that cannot start
/// ("OnStarting cannot be set"): the hub's calls then found no session at all. Read here, each handler is ready and kept
/// for the request, so the hub reads the sessions the page connected with.
/// </summary>
public static class HubSessions
{
    public static void UseSessionsOnTheHub(this WebApplication app) =>
        app.Use(async (http, next) =>
        {
            if (http.Request.Path.StartsWithSegments(ConversationHub.Path) || http.Request.Path.StartsWithSegments(ConversationHub.StaffPath))
            {
                await http.AuthenticateAsync(SeekerSession.Scheme);
                await http.AuthenticateAsync(StaffSession.Scheme);
            }

            await next(http);
        });
}
