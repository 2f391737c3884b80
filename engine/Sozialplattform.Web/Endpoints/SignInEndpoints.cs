using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Web.Hosting;
using Sozialplattform.Web.SignIn;

namespace Sozialplattform.Web.Endpoints;

/// <summary>
/// The development sign-in (fake identity provider): any name. Its endpoint exists only when the portal is configured
/// for it, which the host allows only in Development (<see cref="DevelopmentSignInGuard"/>).
/// </summary>
public static class SignInEndpoints
{
    public static void MapSignInEndpoints(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<PortalOptions>().DevelopmentSignIn) return;
        app.MapPost("/{lang}/anmelden/entwicklung", async (string lang, HttpContext http) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var name = form["name"].ToString().Trim();
            var target = PortalRoutes.SafeLocal(form["ziel"], PortalRoutes.Home(lang));
            if (name.Length is 0 or > 100) return Results.Redirect(PortalRoutes.SignIn(lang, target) + "&fehler=1");
            await DevelopmentSignIn.SignInAsync(http, name);
            return Results.Redirect(target);
        }).PortalPost();
    }
}
