using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Microsoft.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Sozialplattform.IdentityProvider;

/// <summary>
/// A small OpenID Connect provider that behaves like BundID for development and tests (OpenIddict): authorization code
/// flow with PKCE only, confidential clients, a test-user page instead of the Online-Ausweis, the attributes BundID
/// delivers as ID-token claims and the chosen level as <c>acr</c>. Every authorization shows the page again (there is no
/// single sign-on session), so <c>prompt=login</c> and <c>max_age=0</c> always get a fresh login with a new <c>auth_time</c>.
/// </summary>
public static class LocalProvider
{
    public const string PlaceOfBirthClaim = "place_of_birth";

    /// <summary>The staff's groups (an authority's Keycloak or Entra ID sends them like this), a JSON array in the ID token.</summary>
    public const string GroupsClaim = "groups";

    public static WebApplication Build(LocalProviderOptions options, string[]? args = null)
    {
        var builder = WebApplication.CreateBuilder(args ?? []);
        builder.WebHost.UseUrls(options.Url);
        builder.Services.AddSingleton(options);
        // One in-memory store per provider instance (clients, codes, tokens): nothing outlives the process.
        var store = "local-provider-" + Guid.NewGuid();
        builder.Services.AddDbContext<DbContext>(db => db.UseInMemoryDatabase(store).UseOpenIddict());
        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<DbContext>())
            .AddServer(server =>
            {
                server.SetIssuer(new Uri(options.Url.TrimEnd('/') + "/"));
                server.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token").SetEndSessionEndpointUris("connect/logout");
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                server.RegisterScopes(Scopes.Profile, Scopes.Email, Scopes.Address);
                server.AddEphemeralEncryptionKey().AddEphemeralSigningKey().DisableAccessTokenEncryption();
                server.SetIdentityTokenLifetime(options.IdentityTokenLifetime);
                server.UseAspNetCore().EnableAuthorizationEndpointPassthrough().EnableEndSessionEndpointPassthrough().DisableTransportSecurityRequirement();
            });

        var app = builder.Build();
        app.UseAuthentication();
        RegisterClientsAsync(app.Services, options).GetAwaiter().GetResult();
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], (Delegate)AuthorizeAsync);
        app.MapMethods("/connect/logout", [HttpMethods.Get, HttpMethods.Post], () =>
            Results.SignOut(new Microsoft.AspNetCore.Authentication.AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]));
        app.MapGet("/", () => Results.Content(TestUserPage.Home(options), "text/html; charset=utf-8"));
        return app;
    }

    /// <summary>The test-user page (GET), or the chosen user signed in at the chosen level (POST with <c>user</c> and <c>level</c>).</summary>
    private static async Task<IResult> AuthorizeAsync(HttpContext http, LocalProviderOptions options)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted) : null;
        var user = options.Users.FirstOrDefault(u => u.Subject == form?["user"].ToString());
        var level = form?["level"].ToString();
        if (user is null || level is null || !options.Levels.TryGetValue(level, out var acr))
            return Results.Content(TestUserPage.Render(request, options), "text/html; charset=utf-8");

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Subject).SetClaim(Claims.Name, user.Name)
            .SetClaim(Claims.GivenName, user.GivenName).SetClaim(Claims.FamilyName, user.FamilyName)
            .SetClaim(Claims.Birthdate, user.Birthdate).SetClaim(PlaceOfBirthClaim, user.PlaceOfBirth)
            .SetClaim(Claims.Email, user.Email).SetClaim(Claims.AuthenticationContextReference, acr)
            .SetClaim(Claims.AuthenticationTime, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        identity.AddClaim(new Claim(Claims.Address, user.AddressJson, "JSON"));
        if (user.Groups is { Count: > 0 } groups) identity.SetClaims(GroupsClaim, System.Collections.Immutable.ImmutableArray.CreateRange(groups));
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>The key set that verifies a client's <c>private_key_jwt</c> assertions.</summary>
    private static Microsoft.IdentityModel.Tokens.JsonWebKeySet PublicKeySet(string pem)
    {
        using var rsa = System.Security.Cryptography.RSA.Create();
        rsa.ImportFromPem(pem);
        var key = Microsoft.IdentityModel.Tokens.JsonWebKeyConverter.ConvertFromRSASecurityKey(new Microsoft.IdentityModel.Tokens.RsaSecurityKey(rsa.ExportParameters(false)));
        key.Use = "sig";
        var set = new Microsoft.IdentityModel.Tokens.JsonWebKeySet();
        set.Keys.Add(key);
        return set;
    }

    private static async Task RegisterClientsAsync(IServiceProvider services, LocalProviderOptions options)
    {
        await using var scope = services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        foreach (var client in options.Clients)
        {
            var descriptor = new OpenIddictApplicationDescriptor
            {
                ClientId = client.ClientId, ClientSecret = client.ClientSecret, DisplayName = client.ClientId,
                ClientType = ClientTypes.Confidential,
                Permissions =
                {
                    Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                    Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code,
                    Permissions.Scopes.Profile, Permissions.Scopes.Email, Permissions.Scopes.Address,
                },
                Requirements = { Requirements.Features.ProofKeyForCodeExchange },
            };
            if ((client.PublicKeyPem ?? (client.PublicKeyFile is null ? null : File.ReadAllText(client.PublicKeyFile))) is { } publicKey)
                descriptor.JsonWebKeySet = PublicKeySet(publicKey);
            foreach (var uri in client.RedirectUris) descriptor.RedirectUris.Add(new Uri(uri));
            foreach (var uri in client.PostLogoutRedirectUris) descriptor.PostLogoutRedirectUris.Add(new Uri(uri));
            await manager.CreateAsync(descriptor);
        }
    }
}
