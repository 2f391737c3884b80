using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sozialplattform.Designer.Hosting;
using Sozialplattform.Web.Hosting;
using Sozialplattform.Web.Inbox;

namespace Sozialplattform.Web.StaffSignIn;

/// <summary>
/// The login buttons' targets: <c>/posteingang/anmelden/sso/{provider}?ziel=…</c> and
/// <c>/designer/login/sso/{provider}?ReturnUrl=…</c> start the provider's login for that area (404 for a provider that
/// does not serve it); the answer comes to the scheme's callback and <see cref="StaffLogin"/>.
/// </summary>
public static class StaffSignInEndpoints
{
    public static void MapStaffSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet(InboxRoutes.Login + "/sso/{providerId}", (string providerId, string? ziel, StaffProviders providers, HttpContext http) =>
        {
            http.Response.Headers.CacheControl = SecurityHeaders.NoStore;
            return providers.Find(StaffArea.Inbox, providerId) is { } provider
                ? Results.Challenge(StaffLogin.Challenge(InboxRoutes.SafeReturn(ziel)), [provider.Scheme])
                : Results.NotFound();
        });
        app.MapGet(DesignerAuthentication.LoginPath + "/sso/{providerId}", (string providerId, string? returnUrl, StaffProviders providers, HttpContext http) =>
        {
            http.Response.Headers.CacheControl = SecurityHeaders.NoStore;
            return providers.Find(StaffArea.Designer, providerId) is { } provider
                ? Results.Challenge(StaffLogin.Challenge(DesignerEndpoints.SafeReturn(returnUrl)), [provider.Scheme])
                : Results.NotFound();
        });
    }
}
