using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Sozialplattform.Designer.Accounts;
using Sozialplattform.Designer.Components;
using Sozialplattform.Storage.Logins;

namespace Sozialplattform.Designer.Hosting;

/// <summary>
/// <c>app.MapDesigner()</c>: the designer under <c>/designer</c> — its own Blazor root component with interactive server
/// pages (the portal's pages stay static; only the designer maps the circuit hub), login (throttled) and logout (ending
/// every session of the author), and a strict
/// Content-Security-Policy on the designer's endpoints.
/// </summary>
public static class DesignerEndpoints
{
    /// <summary>No inline scripts or styles; the circuit's WebSocket is same-origin ('self').</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IEndpointRouteBuilder MapDesigner(this IEndpointRouteBuilder endpoints)
    {
        var designer = endpoints.MapGroup("/designer");
        ((IEndpointConventionBuilder)designer).Add(WithSecurityHeaders);
        designer.MapPost("/session", (Delegate)LoginAsync).AllowAnonymous();
        designer.MapDesignerSecondFactor();
        designer.MapPost("/session/end", (Delegate)LogoutAsync).WithMetadata(new RequireAntiforgeryTokenAttribute()).AllowAnonymous();
        var components = endpoints.MapRazorComponents<DesignerApp>()
            .AddInteractiveServerRenderMode()
            .RequireAuthorization(DesignerAuthentication.Policy);
        components.Add(WithSecurityHeaders);
        return endpoints;
    }

    /// <summary>
    /// A login attempt through the platform's login protection (the inbox's counters and audit, area "designer"): the
    /// same answers for unknown logins; while a wait lasts, nothing is checked and the page says how long to wait.
    /// </summary>
    private static async Task<IResult> LoginAsync(HttpContext context, [FromForm] string login, [FromForm] string password, [FromForm] string? returnUrl, AuthorAccounts authors,
        LoginProtection logins, DesignerOptions options, SecondFactors factors)
    {
        var outcome = await logins.SignInAsync(LoginArea.Designer, login, ClientAddress.Of(context.Connection.RemoteIpAddress),
            _ => Task.FromResult(authors.Check(login, password)), context.RequestAborted);
        switch (outcome.Result)
        {
            case LoginResult.SignedIn when options.RequireSecondFactor:
                await context.SignInAsync(DesignerAuthentication.Scheme, DesignerSessions.PendingPrincipal(outcome.Account!));
                var active = await factors.StateAsync(LoginArea.Designer, login, context.RequestAborted) == SecondFactorState.Active;
                return Results.LocalRedirect($"{(active ? DesignerSecondFactorEndpoints.CodePath : DesignerSecondFactorEndpoints.EnrolmentPath)}?ReturnUrl={Uri.EscapeDataString(SafeReturn(returnUrl))}");
            case LoginResult.SignedIn:
                await context.SignInAsync(DesignerAuthentication.Scheme, DesignerSessions.Principal(outcome.Account!));
                return Results.LocalRedirect(SafeReturn(returnUrl));
            case LoginResult.Throttled:
                var minutes = Math.Max(1, (int)Math.Ceiling((outcome.WaitUntil!.Value - DateTime.UtcNow).TotalMinutes));
                return Results.Redirect($"{DesignerAuthentication.LoginPath}?wait={minutes}");
            default:
                return Results.Redirect($"{DesignerAuthentication.LoginPath}?failed=1");
        }
    }

    /// <summary>A return address inside the designer, else the designer's start page (no open redirects).</summary>
    public static string SafeReturn(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url.StartsWith("/designer", StringComparison.Ordinal) && !url.Contains("//", StringComparison.Ordinal) ? url : "/designer";

    private static async Task<IResult> LogoutAsync(HttpContext context)
    {
        await DesignerSessions.SignOutAsync(context);
        return Results.Redirect(DesignerAuthentication.LoginPath);
    }

    private static void WithSecurityHeaders(EndpointBuilder endpoint)
    {
        var next = endpoint.RequestDelegate;
        if (next is null) return;
        endpoint.RequestDelegate = context =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            return next(context);
        };
    }
}
