using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Engine.Definitions;
using Sozialplattform.Web.Hosting;
using Sozialplattform.Web.SignIn;

namespace Sozialplattform.Web.Endpoints;

/// <summary>
/// The citizen's login and logout: <c>/{lang}/anmelden/mit/{provider}</c> starts the provider's login (at the level the
/// form needs, again when asked), <c>/{lang}/abmelden</c> ends the session here and — where the provider supports it —
/// there. The development sign-in's endpoint exists only when the portal is configured for it, which the host allows only
/// in Development (<see cref="DevelopmentSignInGuard"/>).
/// </summary>
public static class SignInEndpoints
{
    public static void MapSignInEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/{lang}/anmelden/mit/{providerId}", (string lang, string providerId, string? ziel, string? niveau, string? erneut, IdentityProviders providers) =>
        {
            if (providers.Find(providerId) is not { } provider) return Results.NotFound();
            var properties = new AuthenticationProperties { RedirectUri = PortalRoutes.SafeLocal(ziel, PortalRoutes.Home(lang)) };
            properties.Items[OpenIdConnectProvider.LanguageItem] = lang;
            if (Level(niveau) is { } level) properties.Items[OpenIdConnectProvider.LevelItem] = level.ToString();
            // The wall clock, as the provider's auth_time is compared with it (two servers, not the portal's own time).
            if (erneut == "1") properties.Items[OpenIdConnectProvider.AgainItem] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            return Results.Challenge(properties, [provider.Scheme]);
        });

        app.MapPost("/{lang}/abmelden", async (string lang, HttpContext http, ICitizenSignIn signIn, IdentityProviders providers) =>
        {
            var home = new AuthenticationProperties { RedirectUri = PortalRoutes.Home(lang) + "?abgemeldet=1" };
            // Ends the session at the provider too (its end-session endpoint, with the ID token as hint), where it supports that.
            if (signIn.Current(http) is { } citizen && providers.Find(citizen.Provider) is { EndSession: true } provider)
                return Results.SignOut(home, [CitizenSession.Scheme, provider.Scheme]);
            await http.SignOutAsync(CitizenSession.Scheme);
            return Results.Redirect(home.RedirectUri);
        }).PortalPost();

        if (!app.ServiceProvider.GetRequiredService<PortalOptions>().DevelopmentSignIn) return;
        app.MapPost("/{lang}/anmelden/entwicklung", async (string lang, HttpContext http, TimeProvider clock) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var name = form["name"].ToString().Trim();
            var target = PortalRoutes.SafeLocal(form["ziel"], PortalRoutes.Home(lang));
            if (name.Length is 0 or > 100) return Results.Redirect(PortalRoutes.SignIn(lang, target) + "&fehler=1");
            await DevelopmentSignIn.SignInAsync(http, name, Level(form["niveau"]) ?? TrustLevel.Substantial, clock);
            return Results.Redirect(target);
        }).PortalPost();
    }

    /// <summary>A level as the portal's URLs and forms name it (<c>low</c>, <c>substantial</c>, <c>high</c>).</summary>
    public static TrustLevel? Level(string? name) => name switch
    {
        "low" => TrustLevel.Low,
        "substantial" => TrustLevel.Substantial,
        "high" => TrustLevel.High,
        _ => null,
    };
}
