using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sozialplattform.Web.Hosting;
using Sozialplattform.Web.SignIn;

namespace Sozialplattform.Web.Endpoints;

/// <summary>The development sign-in (fake identity provider): any name, only when the portal is configured for it.</summary>
public static class SignInEndpoints
{
    public static void MapSignInEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/{lang}/anmelden/entwicklung", async (string lang, HttpContext http, PortalOptions options) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            if (!options.DevelopmentSignIn) return Results.NotFound();
            var name = form["name"].ToString().Trim();
            var target = PortalRoutes.SafeLocal(form["ziel"], PortalRoutes.Home(lang));
            if (name.Length is 0 or > 100) return Results.Redirect(PortalRoutes.SignIn(lang, target) + "&fehler=1");
            await DevelopmentSignIn.SignInAsync(http, name);
            return Results.Redirect(target);
        }).PortalPost();
}
