using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;

namespace Sozialplattform.Web.SignIn;

/// <summary>
/// The handler options every OpenID Connect provider of the platform shares (citizens' and staff's): authorization code
/// flow with PKCE and <c>response_mode=query</c>, the ID token validated by ASP.NET Core's handler (signature from the
/// provider's keys, issuer, audience, lifetime, nonce, state), the claims as the provider names them, and the client's
/// authentication at the token endpoint — the secret, or a <c>private_key_jwt</c> assertion (<see cref="ClientAssertion"/>).
/// What the answer becomes is the caller's: it sets <c>SignInScheme</c> and the events <c>OnTokenValidated</c> and <c>OnRemoteFailure</c>.
/// </summary>
public static class OidcClientSetup
{
    public static void Configure(OpenIdConnectOptions options, OidcClientSettings client)
    {
        options.Authority = client.Issuer.ToString();
        options.RequireHttpsMetadata = client.Issuer.Scheme == Uri.UriSchemeHttps;
        options.ClientId = client.ClientId;
        options.ClientSecret = client.ClientSecret;
        options.ResponseType = "code";
        options.ResponseMode = "query";
        options.UsePkce = true;
        options.Scope.Clear();
        foreach (var scope in client.Scopes) options.Scope.Add(scope);
        options.CallbackPath = client.CallbackPath;
        options.SignedOutCallbackPath = client.SignedOutCallbackPath;
        options.MapInboundClaims = false;
        options.GetClaimsFromUserInfoEndpoint = false;
        options.UseTokenLifetime = false;
        options.DisableTelemetry = true;
        // The answer comes back as a top-level navigation from the provider's site: Lax cookies come along, Strict ones would not.
        options.CorrelationCookie.SameSite = SameSiteMode.Lax;
        options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.NonceCookie.SameSite = SameSiteMode.Lax;
        options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.Events.OnAuthorizationCodeReceived = context => Authenticate(context, client);
    }

    private static Task Authenticate(AuthorizationCodeReceivedContext context, OidcClientSettings client)
    {
        if (client.ClientAuthentication != ClientAuthentication.PrivateKeyJwt || context.TokenEndpointRequest is not { } request) return Task.CompletedTask;
        request.ClientSecret = null;
        request.ClientAssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
        request.ClientAssertion = ClientAssertion.Create(client, context.Options.Configuration?.TokenEndpoint ?? client.Issuer.ToString());
        return Task.CompletedTask;
    }
}
