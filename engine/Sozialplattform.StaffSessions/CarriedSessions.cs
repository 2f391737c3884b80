using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace Sozialplattform.StaffSessions;

/// <summary>
/// Reading a cookie session where the cookie's handler cannot run: a SignalR hub's calls over a WebSocket run after the
/// upgrade, on a copy of the request whose response has started, and a cookie handler set up there throws (it registers
/// a callback for the response). <see cref="CarryAsync"/> reads the sessions before the upgrade into the request's user,
/// which SignalR keeps for the connection; <see cref="ReadAsync"/> takes a carried identity of the scheme, else asks the
/// handler. Only a handler of the scheme puts an identity of that type there, and callers still check the stamp.
/// </summary>
public static class CarriedSessions
{
    public static async Task CarryAsync(HttpContext http, params string[] schemes)
    {
        foreach (var scheme in schemes)
            if (await http.AuthenticateAsync(scheme) is { Succeeded: true, Principal: { } principal })
                http.User.AddIdentities(principal.Identities.Where(i => i.AuthenticationType == scheme && http.User.Identities.All(known => known.AuthenticationType != scheme)));
    }

    public static async Task<ClaimsPrincipal?> ReadAsync(HttpContext http, string scheme)
    {
        if (http.User.Identities.FirstOrDefault(i => i.IsAuthenticated && i.AuthenticationType == scheme) is { } carried) return new ClaimsPrincipal(carried);
        var result = await http.AuthenticateAsync(scheme);
        return result.Succeeded ? result.Principal : null;
    }
}
