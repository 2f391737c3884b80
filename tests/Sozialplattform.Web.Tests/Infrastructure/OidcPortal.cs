using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sozialplattform.IdentityProvider;

namespace Sozialplattform.Web.Tests.Infrastructure;

/// <summary>
/// The local OpenID Connect provider (like BundID) and the portal, each a real Kestrel server on a free loopback port;
/// the test tenant's <c>identity.json</c> names the provider, its client secret comes from configuration. The portal
/// runs in Development (the only environment that accepts an http issuer) without the development sign-in, and its
/// clock can be moved on (<see cref="Clock"/>) to age a session.
/// </summary>
public sealed class OidcPortal : PortalFactory
{
    public const string ProviderId = "bundid-lokal";
    public const string Secret = "geheim-nur-fuer-tests";

    /// <param name="extraLevels">More levels on the provider's page (name → acr value), e.g. one the tenant does not map.</param>
    /// <param name="privateKeyJwt">The portal authenticates with <c>private_key_jwt</c> (a fresh RSA key; the provider holds its public half) instead of the secret.</param>
    /// <param name="identityTokenLifetime">How long the provider's ID tokens are valid (negative: already expired when they arrive).</param>
    /// <param name="tokenTransport">The portal's way to the provider's token endpoint, when a test puts something in between.</param>
    public OidcPortal(IReadOnlyDictionary<string, string>? extraLevels = null, bool privateKeyJwt = false, TimeSpan? identityTokenLifetime = null,
        HttpMessageHandler? tokenTransport = null)
    {
        _tokenTransport = tokenTransport;
        BaseUrl = $"http://127.0.0.1:{FreePort()}";
        var levels = new Dictionary<string, string>(new LocalProviderOptions().Levels);
        foreach (var (name, acr) in extraLevels ?? new Dictionary<string, string>()) levels[name] = acr;
        string? publicKey = null;
        if (privateKeyJwt)
        {
            using var rsa = System.Security.Cryptography.RSA.Create(2048);
            PrivateKeyFile = Path.Combine(Folders.Root, "portal-key.pem");
            File.WriteAllText(PrivateKeyFile, rsa.ExportPkcs8PrivateKeyPem());
            publicKey = rsa.ExportSubjectPublicKeyInfoPem();
        }

        ProviderOptions = new LocalProviderOptions
        {
            Url = $"http://127.0.0.1:{FreePort()}",
            Levels = levels,
            IdentityTokenLifetime = identityTokenLifetime ?? new LocalProviderOptions().IdentityTokenLifetime,
            Clients = [new LocalClient
            {
                ClientId = "portal-test", ClientSecret = privateKeyJwt ? null : Secret, PublicKeyPem = publicKey,
                RedirectUris = [$"{BaseUrl}/anmelden/oidc/{ProviderId}"], PostLogoutRedirectUris = [$"{BaseUrl}/abgemeldet/oidc/{ProviderId}"],
            }],
        };
        Provider = LocalProvider.Build(ProviderOptions);
        Provider.StartAsync().GetAwaiter().GetResult();
        File.WriteAllText(Path.Combine(Folders.Tenant, "identity.json"), $$"""
            { "providers": [ { "id": "{{ProviderId}}", "name": "BundID (lokal)", "issuer": "{{ProviderOptions.Url}}/", "clientId": "portal-test", "clientAuthentication": "{{(privateKeyJwt ? "privateKeyJwt" : "clientSecret")}}",
              "levels": { "http://eidas.europa.eu/LoA/low": "low", "http://eidas.europa.eu/LoA/substantial": "substantial", "http://eidas.europa.eu/LoA/high": "high" } } ] }
            """);
        UseKestrel();
        StartServer();
    }

    private readonly HttpMessageHandler? _tokenTransport;

    public string BaseUrl { get; }

    /// <summary>The portal's private key for <c>private_key_jwt</c> (PEM), or null when it uses the client secret.</summary>
    public string? PrivateKeyFile { get; }
    public LocalProviderOptions ProviderOptions { get; }
    public WebApplication Provider { get; }
    public ShiftedClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Development");
        builder.UseSetting("urls", BaseUrl);
        if (PrivateKeyFile is null) builder.UseSetting($"Sozialplattform:Identity:Providers:{ProviderId}:ClientSecret", Secret);
        else builder.UseSetting($"Sozialplattform:Identity:Providers:{ProviderId}:PrivateKeyFile", PrivateKeyFile);
        builder.ConfigureTestServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
            if (_tokenTransport is { } transport)
                services.PostConfigure<Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectOptions>("oidc-" + ProviderId, options => options.Backchannel = new HttpClient(transport));
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Provider.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The wall clock, moved on by what a test adds (to age a login without waiting).</summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
}
