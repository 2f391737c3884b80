using Microsoft.AspNetCore.Http;
using Sozialplattform.Engine.Definitions;

namespace Sozialplattform.Web.SignIn;

/// <summary>
/// How the portal learns who the citizen is, for services whose definition asks for a login (<c>access.login</c>,
/// <c>access.level</c>, <c>access.reauthenticate</c>): the tenant's OpenID Connect providers (BundID, Servicekonto, …)
/// and, in Development only, the development sign-in. <see cref="CitizenSignIn"/> is the implementation.
/// </summary>
public interface ICitizenSignIn
{
    /// <summary>
    /// Whether citizens can sign in at all (a real identity provider is configured, or the development sign-in is
    /// switched on in Development). Without it a form that needs a login can be neither started nor sent.
    /// </summary>
    bool Available { get; }

    /// <summary>The signed-in citizen of this request, or null.</summary>
    CitizenIdentity? Current(HttpContext http);

    /// <summary>Where to send the citizen to sign in (at least at <paramref name="level"/>, again when <paramref name="again"/>); afterwards they come back to <paramref name="returnUrl"/>.</summary>
    string SignInUrl(string lang, string returnUrl, TrustLevel? level = null, bool again = false);
}

/// <summary>The tenant's identity providers as read at start (<see cref="IdentityProviderReader"/>).</summary>
public sealed record IdentityProviders(IReadOnlyList<IdentityProviderSettings> All)
{
    public IdentityProviderSettings? Find(string id) => All.FirstOrDefault(p => p.Id == id);
}

public sealed class CitizenSignIn(Hosting.PortalOptions options, IdentityProviders providers) : ICitizenSignIn
{
    public bool Available => providers.All.Count > 0 || options.DevelopmentSignIn;

    public CitizenIdentity? Current(HttpContext http) => CitizenSession.Read(http.User);

    public string SignInUrl(string lang, string returnUrl, TrustLevel? level = null, bool again = false) =>
        Hosting.PortalRoutes.SignIn(lang, returnUrl) + (level is { } l ? "&niveau=" + l.ToString().ToLowerInvariant() : "") + (again ? "&erneut=1" : "");
}
