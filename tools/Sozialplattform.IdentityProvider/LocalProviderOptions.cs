namespace Sozialplattform.IdentityProvider;

/// <summary>
/// The local provider's settings (section <c>IdentityProvider</c>): its address, the portals it serves (clients), its
/// test users and the authentication levels it offers with the <c>acr</c> value each one sends.
/// </summary>
public sealed record LocalProviderOptions
{
    public const string Section = "IdentityProvider";

    /// <summary>Where the provider listens; also its issuer.</summary>
    public string Url { get; init; } = "http://127.0.0.1:5090";

    public IReadOnlyList<LocalClient> Clients { get; init; } = [LocalClient.DevelopmentPortal];

    public IReadOnlyList<TestUser> Users { get; init; } = TestUser.BuiltIn;

    /// <summary>Level name → the <c>acr</c> value sent for it, weakest first. Default: the eIDAS levels as BundID names them.</summary>
    public IReadOnlyDictionary<string, string> Levels { get; init; } = new Dictionary<string, string>
    {
        ["niedrig"] = "http://eidas.europa.eu/LoA/low",
        ["substantiell"] = "http://eidas.europa.eu/LoA/substantial",
        ["hoch"] = "http://eidas.europa.eu/LoA/high",
    };

    /// <summary>How long an ID token is valid (BundID: minutes).</summary>
    public TimeSpan IdentityTokenLifetime { get; init; } = TimeSpan.FromMinutes(10);
}

/// <summary>
/// A portal registered at the provider: client id and either a secret (client_secret_post/basic) or the public key of
/// its <c>private_key_jwt</c> client assertions, and where it may send citizens back to.
/// </summary>
public sealed record LocalClient
{
    public required string ClientId { get; init; }
    public string? ClientSecret { get; init; }

    /// <summary>The portal's RSA public key (PEM) for <c>private_key_jwt</c>: the client then authenticates with signed assertions, not a secret.</summary>
    public string? PublicKeyPem { get; init; }

    /// <summary>The same from a file (e.g. <c>IdentityProvider:Clients:0:PublicKeyFile</c> when run beside a portal).</summary>
    public string? PublicKeyFile { get; init; }
    public IReadOnlyList<string> RedirectUris { get; init; } = [];
    public IReadOnlyList<string> PostLogoutRedirectUris { get; init; } = [];

    /// <summary>The portal of <c>dotnet run --project engine/Sozialplattform.Web</c> with the tenant nrw.</summary>
    public static readonly LocalClient DevelopmentPortal = new()
    {
        ClientId = "sozialplattform-dev",
        ClientSecret = "lokales-geheimnis-nur-zum-testen",
        RedirectUris = ["http://127.0.0.1:5080/anmelden/oidc/bundid-lokal"],
        PostLogoutRedirectUris = ["http://127.0.0.1:5080/abgemeldet/oidc/bundid-lokal"],
    };
}
