using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Sozialplattform.Web.Hosting;

namespace Sozialplattform.Web.SignIn;

/// <summary>
/// A fake identity provider for development and tests: the citizen types any name and is "signed in" with a
/// cookie of the browser session. Clearly labelled on its page; it proves nothing about anyone. It exists only when the
/// host runs in Development and <see cref="PortalOptions.DevelopmentSignIn"/> is switched on (<see cref="DevelopmentSignInGuard"/>).
/// </summary>
public sealed class DevelopmentSignIn(PortalOptions options) : ICitizenSignIn
{
    public const string Scheme = "citizen";
    public const string ProviderId = "development";

    public string ProviderName => "Entwicklungs-Anmeldung";

    public bool Available => options.DevelopmentSignIn;

    public CitizenIdentity? Current(HttpContext http) =>
        http.User.Identity is { IsAuthenticated: true } identity && http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } subject
            ? new CitizenIdentity(subject, identity.Name ?? subject, http.User.FindFirstValue("provider") ?? ProviderId)
            : null;

    public string SignInUrl(string lang, string returnUrl) => PortalRoutes.SignIn(lang, returnUrl);

    /// <summary>Signs the citizen in under a subject derived from the name, so the same name is the same person.</summary>
    public static Task SignInAsync(HttpContext http, string name)
    {
        var subject = "dev-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name)))[..16];
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, subject), new Claim(ClaimTypes.Name, name), new Claim("provider", ProviderId)],
            Scheme);
        return http.SignInAsync(Scheme, new ClaimsPrincipal(identity));
    }
}
