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

    public OidcPortal(IReadOnlyDictionary<string, string>? extraLevels = null)
    {
        BaseUrl = $"http://127.0.0.1:{FreePort()}";
        var levels = new Dictionary<string, string>(new LocalProviderOptions().Levels);
        foreach (var (name, acr) in extraLevels ?? new Dictionary<string, string>()) levels[name] = acr;
        ProviderOptions = new LocalProviderOptions
        {
            Url = $"http://127.0.0.1:{FreePort()}",
            Levels = levels,
            Clients = [new LocalClient
            {
                ClientId = "portal-test", ClientSecret = Secret,
                RedirectUris = [$"{BaseUrl}/anmelden/oidc/{ProviderId}"], PostLogoutRedirectUris = [$"{BaseUrl}/abgemeldet/oidc/{ProviderId}"],
            }],
        };
        Provider = LocalProvider.Build(ProviderOptions);
        Provider.StartAsync().GetAwaiter().GetResult();
        File.WriteAllText(Path.Combine(Folders.Tenant, "identity.json"), $$"""
            { "providers": [ { "id": "{{ProviderId}}", "name": "BundID (lokal)", "issuer": "{{ProviderOptions.Url}}/", "clientId": "portal-test",
              "levels": { "http://eidas.europa.eu/LoA/low": "low", "http://eidas.europa.eu/LoA/substantial": "substantial", "http://eidas.europa.eu/LoA/high": "high" } } ] }
            """);
        UseKestrel();
        StartServer();
    }

    public string BaseUrl { get; }
    public LocalProviderOptions ProviderOptions { get; }
    public WebApplication Provider { get; }
    public ShiftedClock Clock { get; } = new();

    /// <summary>A browser without JavaScript over real HTTP: its own cookies for the portal and the provider, redirects followed by <see cref="PortalClient"/>.</summary>
    public PortalClient Browser() =>
        new(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(BaseUrl) });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Development");
        builder.UseSetting("urls", BaseUrl);
        builder.UseSetting($"Sozialplattform:Identity:Providers:{ProviderId}:ClientSecret", Secret);
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Provider.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private static int FreePort()
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
