using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sozialplattform.Designer.Accounts;
using Sozialplattform.Designer.Hosting;
using Sozialplattform.Storage.Inbox;
using Sozialplattform.Storage.Logins;
using Sozialplattform.Web.Hosting;
using Sozialplattform.Web.Inbox;
using Sozialplattform.Web.Inbox.Session;

namespace Sozialplattform.Web.StaffSignIn;

/// <summary>
/// What a staff provider's answer becomes, once ASP.NET Core's handler has validated it (state, code, ID token): the role
/// mapping decides (<see cref="StaffRoleMapping"/>); a login that opens nothing here goes back to the area's login page
/// with the reason and is written to the audit log; one that opens something signs in to the area's own session — the
/// inbox's account (made at the first login) or the designer's author — without the TOTP step (the provider is
/// responsible for the second factor) and leads on through a page of our own, so that the area's SameSite=Strict cookie
/// is sent with the next request (a redirect would still count as the provider's navigation).
/// </summary>
public static class StaffLogin
{
    public const string ReturnItem = "sp.return";
    public const string Failed = "anbieter";
    public const string UnusableSubject = "kennung";

    /// <summary>Where the area's login button starts the login at <paramref name="provider"/>.</summary>
    public static string StartPath(StaffProviderSettings provider) =>
        provider.Area == StaffArea.Inbox ? $"{InboxRoutes.Login}/sso/{provider.Id}" : $"{DesignerAuthentication.LoginPath}/sso/{provider.Id}";

    public static AuthenticationProperties Challenge(string returnUrl)
    {
        var properties = new AuthenticationProperties { RedirectUri = "/" };
        properties.Items[ReturnItem] = returnUrl;
        return properties;
    }

    public static async Task AcceptAsync(TokenValidatedContext context, StaffProviderSettings provider)
    {
        context.HandleResponse();
        var http = context.HttpContext;
        var token = context.Principal!;
        var services = http.RequestServices;
        var address = ClientAddress.Of(http.Connection.RemoteIpAddress);
        var area = provider.Area == StaffArea.Inbox ? LoginArea.Inbox : LoginArea.Designer;
        var logins = services.GetRequiredService<LoginProtection>();
        var subject = token.FindFirstValue("sub");
        if (SingleSignOnLogins.For(provider.Id, subject) is not { } login)
        {
            await logins.AuditAsync(area, "sso.login.refused", $"{SingleSignOnLogins.Prefix}{provider.Id}", $"a subject that cannot be a login, from {address}", http.RequestAborted);
            http.Response.Redirect(RefusedPath(provider, UnusableSubject));
            return;
        }

        var decision = StaffRoleMapping.Decide(provider, token);
        if (decision.Refusal is { } refusal)
        {
            await logins.AuditAsync(area, "sso.login.refused", login, $"{decision.Reason}, from {address}", http.RequestAborted);
            http.Response.Redirect(RefusedPath(provider, refusal));
            return;
        }

        var name = token.FindFirstValue(provider.NameClaim) ?? token.FindFirstValue("preferred_username") ?? subject!;
        var returnUrl = context.Properties?.Items.TryGetValue(ReturnItem, out var wanted) == true ? wanted : null;
        var via = $"via {provider.Id} from {address}";
        string next;
        if (provider.Area == StaffArea.Inbox)
        {
            var role = decision.Role!;
            var account = await services.GetRequiredService<CaseworkerAccounts>().SignInSingleSignOnAsync(
                login, name, services.GetRequiredService<PortalOptions>().Tenant, role.AuthorityId, role.InboxRole!.Value, via, http.RequestAborted);
            await InboxAuthentication.SignInAsync(http, account);
            next = InboxRoutes.Landing(returnUrl, account.Role);
        }
        else
        {
            var author = services.GetRequiredService<AuthorAccounts>().SignInSingleSignOn(login, name);
            await logins.AuditAsync(area, "sso.login.succeeded", login, via, http.RequestAborted);
            await http.SignInAsync(DesignerAuthentication.Scheme, DesignerSessions.Principal(author));
            next = DesignerEndpoints.SafeReturn(returnUrl);
        }

        await ContinueAsync(http, next);
    }

    /// <summary>No login (state or code not valid, a token that fails validation, an error or a cancel at the provider): back to the area's login page, logged and audited.</summary>
    public static async Task RefuseAsync(RemoteFailureContext context, StaffProviderSettings provider)
    {
        context.HandleResponse();
        var http = context.HttpContext;
        var reason = context.Failure?.Message ?? "unknown";
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Sozialplattform.StaffSignIn")
            .LogWarning("Staff login at {Provider} ({Area}) refused: {Reason}", provider.Id, provider.Area, reason);
        await http.RequestServices.GetRequiredService<LoginProtection>().AuditAsync(provider.Area == StaffArea.Inbox ? LoginArea.Inbox : LoginArea.Designer,
            "sso.login.failed", $"{SingleSignOnLogins.Prefix}{provider.Id}", $"{(reason.Length > 300 ? reason[..300] : reason)}, from {ClientAddress.Of(http.Connection.RemoteIpAddress)}");
        http.Response.Redirect(RefusedPath(provider, Failed));
    }

    private static string RefusedPath(StaffProviderSettings provider, string refusal) =>
        (provider.Area == StaffArea.Inbox ? InboxRoutes.Login : DesignerAuthentication.LoginPath) + "?sso=" + refusal;

    private static async Task ContinueAsync(HttpContext http, string next)
    {
        var url = HtmlEncoder.Default.Encode(next);
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers.CacheControl = SecurityHeaders.NoStore;
        await http.Response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"0;url={url}\"><title>Angemeldet</title></head>" +
            $"<body><main><p>Sie sind angemeldet. <a id=\"weiter\" href=\"{url}\">Weiter</a></p></main></body></html>", http.RequestAborted);
    }
}
