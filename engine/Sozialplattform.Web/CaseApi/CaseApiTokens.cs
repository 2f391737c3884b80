using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Http;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Sozialplattform.Storage.ApiClients;
using Sozialplattform.Storage.Cases;
using Sozialplattform.Storage.Inbox;
using Sozialplattform.Web.Hosting;

namespace Sozialplattform.Web.CaseApi;

/// <summary>
/// The token endpoint's last step (OpenIddict has checked the client's secret and the requested scopes against the
/// client's permissions): a client of this host's tenant gets an access token with its authority and its scopes (all
/// it may have when it asks for none); a client of another tenant is refused as <c>invalid_client</c> and audited.
/// </summary>
internal static class CaseApiTokens
{
    public static async Task<IResult> IssueAsync(HttpContext http, ApiClientRegistry clients, CaseFeed feed, PortalOptions portal)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("The OpenIddict server request is missing.");
        if (!request.IsClientCredentialsGrantType()) return Refuse(OpenIddictConstants.Errors.UnsupportedGrantType, "Only client_credentials.");
        var client = await clients.FindAsync(request.ClientId ?? "", http.RequestAborted);
        if (client is null || client.TenantId != portal.Tenant)
        {
            await feed.AuditRefusalAsync(ApiPrincipal.ActorPrefix + request.ClientId, "api.token.refused", null, $"client of tenant {client?.TenantId ?? "?"} at tenant {portal.Tenant}", http.RequestAborted);
            return Refuse(OpenIddictConstants.Errors.InvalidClient, "The client is not registered for this tenant.");
        }

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, OpenIddictConstants.Claims.Name, OpenIddictConstants.Claims.Role);
        identity.SetClaim(OpenIddictConstants.Claims.Subject, client.ClientId)
            .SetClaim(OpenIddictConstants.Claims.Name, client.DisplayName)
            .SetClaim(CaseApiAccess.TenantClaim, client.TenantId)
            .SetClaim(CaseApiAccess.AuthorityClaim, client.AuthorityId);
        var requested = request.GetScopes();
        identity.SetScopes(requested.IsEmpty ? client.Scopes : requested);
        identity.SetDestinations(_ => [OpenIddictConstants.Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult Refuse(string error, string description) =>
        Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
