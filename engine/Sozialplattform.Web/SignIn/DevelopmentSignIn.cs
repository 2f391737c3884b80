using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Sozialplattform.Engine.Definitions;

namespace Sozialplattform.Web.SignIn;

/// <summary>
/// A fake identity provider for development: the citizen types any name, picks a level and is "signed in" with a cookie
/// of the browser session. Clearly labelled on its page; it proves nothing about anyone. It exists only when the host
/// runs in Development and <see cref="Hosting.PortalOptions.DevelopmentSignIn"/> is switched on (<see cref="DevelopmentSignInGuard"/>).
/// </summary>
public static class DevelopmentSignIn
{
    public const string ProviderId = "development";

    /// <summary>Signs the citizen in under a subject derived from the name, so the same name is the same person.</summary>
    public static Task SignInAsync(HttpContext http, string name, TrustLevel level, TimeProvider clock)
    {
        var subject = "dev-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name)))[..16];
        var now = clock.GetUtcNow();
        var identity = new CitizenIdentity(subject, name, ProviderId, level, now, new Dictionary<string, string> { [IdentityClaims.FamilyName] = name });
        return http.SignInAsync(CitizenSession.Scheme, CitizenSession.Principal(identity, now));
    }
}
