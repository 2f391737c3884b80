using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Sozialplattform.Designer.Accounts;
using Sozialplattform.Designer.Components;

namespace Sozialplattform.Designer.Hosting;

/// <summary>
/// <c>app.MapDesigner()</c>: the designer under <c>/designer</c> — its own Blazor root component with interactive server
/// pages (the portal's pages stay static; only the designer maps the circuit hub), login and logout, and a strict
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
        designer.MapPost("/session/end", (Delegate)LogoutAsync).WithMetadata(new RequireAntiforgeryTokenAttribute()).AllowAnonymous();
        var components = endpoints.MapRazorComponents<DesignerApp>()
            .AddInteractiveServerRenderMode()
            .RequireAuthorization(DesignerAuthentication.Policy);
        components.Add(WithSecurityHeaders);
        return endpoints;
    }

    private static async Task<IResult> LoginAsync(HttpContext context, [FromForm] string login, [FromForm] string password, [FromForm] string? returnUrl, AuthorAccounts authors)
    {
        var account = authors.Verify(login, password);
        if (account is null) return Results.Redirect("/designer/login?failed=1");
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, account.Login), new Claim("name", account.DisplayName), new Claim(ClaimTypes.Role, DesignerAuthentication.AuthorRole)],
            DesignerAuthentication.Scheme);
        await context.SignInAsync(DesignerAuthentication.Scheme, new ClaimsPrincipal(identity));
        return Results.LocalRedirect(returnUrl is { Length: > 0 } url && url.StartsWith("/designer", StringComparison.Ordinal) ? url : "/designer");
    }

    private static async Task<IResult> LogoutAsync(HttpContext context)
    {
        await context.SignOutAsync(DesignerAuthentication.Scheme);
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
