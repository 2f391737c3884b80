using Sozialplattform.Engine.Definitions;

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
/// One citizen identity provider of the tenant (BundID, a Land's Servicekonto, …): what the tenant folder's
/// <c>identity.json</c> says (issuer, client, scopes, claim and level mapping) plus the secret from configuration.
/// </summary>
public sealed record IdentityProviderSettings
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

    /// <summary>The claim that carries the level (BundID: <c>acr</c>).</summary>
    public string LevelClaim { get; init; } = "acr";

    /// <summary>The provider's level values (e.g. <c>http://eidas.europa.eu/LoA/substantial</c>) → the eIDAS level; a login with another value is refused.</summary>
    public required IReadOnlyDictionary<string, TrustLevel> Levels { get; init; }

    /// <summary>Platform claim (<see cref="IdentityClaims"/>) → the provider's claim name.</summary>
    public required IReadOnlyDictionary<string, string> Claims { get; init; }

    /// <summary>Whether logging out also ends the session at the provider (its end-session endpoint).</summary>
    public bool EndSession { get; init; } = true;

    /// <summary>The authentication scheme of this provider in the portal.</summary>
    public string Scheme => "oidc-" + Id;

    public string CallbackPath => "/anmelden/oidc/" + Id;
    public string SignedOutCallbackPath => "/abgemeldet/oidc/" + Id;

    /// <summary>The provider's value to ask for a level (<c>acr_values</c>): the weakest of its values that maps to at least <paramref name="level"/>.</summary>
    public string? AcrFor(TrustLevel level) => Levels.Where(l => l.Value >= level).OrderBy(l => l.Value).Select(l => l.Key).FirstOrDefault();
}

/// <summary>The identity attributes the platform knows (what BundID delivers); a definition's prefill names them as <c>identity.&lt;name&gt;</c>.</summary>
public static class IdentityClaims
{
    public const string GivenName = "given_name";
    public const string FamilyName = "family_name";
    public const string Birthdate = "birthdate";
    public const string PlaceOfBirth = "place_of_birth";
    public const string Address = "address";
    public const string Email = "email";

    /// <summary>The same names a definition's <c>prefill</c> may use (one list, in the engine).</summary>
    public static IReadOnlyList<string> All => IdentityAttributes.Names;

    /// <summary>The prefix of these attributes among the session's claims.</summary>
    public const string ClaimPrefix = "identity.";
}
