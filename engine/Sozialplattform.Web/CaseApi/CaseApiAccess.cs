using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;
using Sozialplattform.Storage.Cases;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Inbox;
using Sozialplattform.Web.Hosting;

namespace Sozialplattform.Web.CaseApi;

/// <summary>The scope an operation of the case API needs (endpoint metadata; also what the OpenAPI document names as its security).</summary>
public sealed record CaseApiScope(string Scope)
{
    public string Policy => PolicyPrefix + Scope;
    public const string PolicyPrefix = "case-api:";
}

/// <summary>
/// Who calls the case API: the client in the access token (subject = client id, with its tenant and authority), turned
/// into the inbox gate's <see cref="ApiPrincipal"/>. Authorization per operation: a valid token of this host's tenant
/// with the operation's scope. Refusals are problem details and audit entries, never the portal's error pages.
/// </summary>
public static class CaseApiAccess
{
    public const string TenantClaim = "tenant";
    public const string AuthorityClaim = "authority";

    public static string? ClientId(this ClaimsPrincipal user) => user.FindFirst(OpenIddictConstants.Claims.Subject)?.Value;

    public static CaseworkerAccount ApiClient(this HttpContext http) =>
        ApiPrincipal.For(http.User.FindFirst(TenantClaim)!.Value, http.User.FindFirst(AuthorityClaim)!.Value, http.User.ClientId()!);

    public static string Actor(HttpContext http) => ApiPrincipal.ActorPrefix + (http.User.ClientId() ?? "unknown");

    public static void AddPolicies(AuthorizationOptions authorization, string tenant)
    {
        foreach (var scope in Storage.ApiClients.ApiScopes.All)
            authorization.AddPolicy(new CaseApiScope(scope).Policy, policy => policy
                .AddAuthenticationSchemes(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser()
                .RequireAssertion(context => context.User.FindFirst(TenantClaim)?.Value == tenant && context.User.HasScope(scope)));
    }

    /// <summary>The case id in the request's route, for the audit entry of a refusal.</summary>
    public static Guid? CaseId(HttpContext http) => Guid.TryParse(http.GetRouteValue("id")?.ToString(), out var id) ? id : null;
}

/// <summary>Refusals by authorization on case API endpoints: 401 (no valid token) or 403 (other tenant, missing scope), audited; other endpoints keep the default.</summary>
internal sealed class CaseApiAuthorizationResults(CaseFeed feed, PortalOptions portal) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext http, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (result.Succeeded || http.GetEndpoint()?.Metadata.GetMetadata<CaseApiScope>() is not { } scope)
        {
            await _default.HandleAsync(next, http, policy, result);
            return;
        }

        var caseId = CaseApiAccess.CaseId(http);
        if (result.Challenged)
        {
            var authentication = await http.AuthenticateAsync(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
            var reason = authentication.Properties?.GetString(OpenIddictValidationAspNetCoreConstants.Properties.ErrorDescription)
                         ?? (http.Request.Headers.Authorization.Count == 0 ? "no bearer token" : "token not valid");
            await feed.AuditRefusalAsync(ApiPrincipal.ActorPrefix + "unknown", "api.token.refused", caseId, $"{http.Request.Method} {http.Request.Path}: {reason}", http.RequestAborted);
            http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            await CaseApiProblems.WriteAsync(http, "token-invalid", reason);
            return;
        }

        var otherTenant = http.User.FindFirst(CaseApiAccess.TenantClaim)?.Value != portal.Tenant;
        await feed.AuditRefusalAsync(CaseApiAccess.Actor(http), otherTenant ? "api.tenant.refused" : "api.scope.refused", caseId,
            $"{http.Request.Method} {http.Request.Path}: " + (otherTenant ? $"client of tenant {http.User.FindFirst(CaseApiAccess.TenantClaim)?.Value}" : $"needs {scope.Scope}"), http.RequestAborted);
        await CaseApiProblems.WriteAsync(http, otherTenant ? "tenant" : "scope-missing", otherTenant ? null : $"This operation needs the scope {scope.Scope}.");
    }
}

/// <summary>
/// The per-client limit of the case API on the platform's rate limiter: a fixed window per client id (authorization
/// has run before the limiter, so the client is known; unauthenticated requests never reach it). Refusals are audited.
/// </summary>
internal sealed class CaseApiRateLimit(CaseApiOptions options, CaseFeed feed) : IRateLimiterPolicy<string>
{
    public const string Policy = "case-api";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (context, cancellationToken) =>
    {
        var http = context.HttpContext;
        await feed.AuditRefusalAsync(CaseApiAccess.Actor(http), "api.rate-limited", CaseApiAccess.CaseId(http), $"{http.Request.Method} {http.Request.Path}", cancellationToken);
        http.Response.Headers.RetryAfter = "60";
        await CaseApiProblems.WriteAsync(http, "rate-limited", $"At most {options.RequestsPerMinute} requests per minute and client.");
    };

    public RateLimitPartition<string> GetPartition(HttpContext http) =>
        RateLimitPartition.GetFixedWindowLimiter(http.User.ClientId() ?? "unknown", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.RequestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
        });
}
