using Microsoft.AspNetCore.Http;

namespace Sozialplattform.Web.SignIn;

/// <summary>A signed-in citizen as the identity provider reports them.</summary>
public sealed record CitizenIdentity(string Subject, string DisplayName, string Provider);

/// <summary>
/// How the portal learns who the citizen is, for services whose definition asks for a login
/// (<c>access.login</c>: <c>beforeFilling</c> or <c>beforeSubmitting</c>). BundID, Servicekonto or the
/// Online-Ausweis will be implementations of this; the portal ships only <see cref="DevelopmentSignIn"/>.
/// </summary>
public interface ICitizenSignIn
{
    /// <summary>The name shown on the sign-in button (e.g. "BundID").</summary>
    string ProviderName { get; }

    /// <summary>
    /// Whether citizens can sign in at all (a real identity provider is configured, or the development sign-in is
    /// switched on in Development). Without it a form that needs a login can be neither started nor sent.
    /// </summary>
    bool Available { get; }

    /// <summary>The signed-in citizen of this request, or null.</summary>
    CitizenIdentity? Current(HttpContext http);

    /// <summary>Where to send the citizen to sign in; afterwards they come back to <paramref name="returnUrl"/>.</summary>
    string SignInUrl(string lang, string returnUrl);
}
