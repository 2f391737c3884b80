using Sozialplattform.Engine.Definitions;

namespace Sozialplattform.Web.SignIn;

/// <summary>
/// One citizen identity provider of the tenant (BundID, a Land's Servicekonto, …): what the tenant folder's
/// <c>identity.json</c> says (issuer, client, scopes, claim and level mapping) plus the secret from configuration.
/// </summary>
public sealed record IdentityProviderSettings : OidcClientSettings
{
    public IdentityProviderSettings()
    {
    }

    /// <summary>The provider's common part as <see cref="OidcClientReader"/> read it.</summary>
    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    public IdentityProviderSettings(OidcClientSettings client) : base(client)
    {
    }

    /// <summary>The claim that carries the level (BundID: <c>acr</c>).</summary>
    public string LevelClaim { get; init; } = "acr";

    /// <summary>The provider's level values (e.g. <c>http://eidas.europa.eu/LoA/substantial</c>) → the eIDAS level; a login with another value is refused.</summary>
    public IReadOnlyDictionary<string, TrustLevel> Levels { get; init; } = new Dictionary<string, TrustLevel>();

    /// <summary>Platform claim (<see cref="IdentityClaims"/>) → the provider's claim name.</summary>
    public IReadOnlyDictionary<string, string> Claims { get; init; } = new Dictionary<string, string>();

    /// <summary>Whether logging out also ends the session at the provider (its end-session endpoint).</summary>
    public bool EndSession { get; init; } = true;

    public override string Scheme => "oidc-" + Id;
    public override string CallbackPath => "/anmelden/oidc/" + Id;
    public override string SignedOutCallbackPath => "/abgemeldet/oidc/" + Id;

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
