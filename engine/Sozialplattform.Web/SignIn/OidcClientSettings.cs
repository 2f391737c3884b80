namespace Sozialplattform.Web.SignIn;

/// <summary>How the portal authenticates itself at the provider's token endpoint.</summary>
public enum ClientAuthentication
{
    /// <summary><c>client_secret_post</c>: a shared secret (from configuration or a file).</summary>
    ClientSecret,

    /// <summary><c>private_key_jwt</c>: a JWT signed with the portal's private key (PEM file); the provider holds the public key.</summary>
    PrivateKeyJwt,
}

/// <summary>
/// What every OpenID Connect provider the platform signs people in with has: issuer, client, how the client
/// authenticates (secret or key from configuration, never from the catalog), scopes, and where the provider answers.
/// Citizen providers (<see cref="IdentityProviderSettings"/>) and staff providers (<c>StaffProviderSettings</c>) add
/// what they map from the ID token; <see cref="OidcClientReader"/> reads this part, <see cref="OidcClientSetup"/> turns
/// it into the handler's options — one piece of code for both.
/// </summary>
public abstract record OidcClientSettings
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required Uri Issuer { get; init; }
    public required string ClientId { get; init; }
    public ClientAuthentication ClientAuthentication { get; init; }

    /// <summary>The client secret (<see cref="ClientAuthentication.ClientSecret"/>), from configuration or its file; never from the catalog.</summary>
    public string? ClientSecret { get; init; }

    /// <summary>The PEM file of the portal's private key (<see cref="ClientAuthentication.PrivateKeyJwt"/>).</summary>
    public string? PrivateKeyFile { get; init; }

    public IReadOnlyList<string> Scopes { get; init; } = ["openid", "profile", "email", "address"];

    /// <summary>The authentication scheme of this provider in the host.</summary>
    public abstract string Scheme { get; }

    /// <summary>Where the provider sends the answer (the redirect URI registered at the provider, without the host).</summary>
    public abstract string CallbackPath { get; }

    /// <summary>Where the provider sends the browser back after a logout there (the post-logout redirect URI).</summary>
    public abstract string SignedOutCallbackPath { get; }
}
