using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.IdentityProvider;

namespace Sozialplattform.Web.Tests.Infrastructure;

/// <summary>
/// The portal (inbox and designer) with two staff single sign-on providers of the test tenant, each the local OpenID
/// Connect provider as a real Kestrel server: <see cref="Provider"/> (an authority's Keycloak, say, that must prove a
/// second factor with the acr <see cref="MfaAcr"/>) and <see cref="ExpiredProvider"/> (its ID tokens have expired when
/// they arrive). Its people carry groups that the tenant's <c>identity.json</c> maps to roles.
/// </summary>
public sealed class StaffSsoPortal : PortalFactory
{
    public const string ProviderId = "personal";
    public const string ExpiredProviderId = "personal-abgelaufen";

    /// <summary>The same provider as <see cref="ProviderId"/>, but the portal's way to its token endpoint changes the ID token on its way (<see cref="TamperedIdTokens"/>).</summary>
    public const string TamperedProviderId = "personal-manipuliert";
    public const string Secret = "personal-geheimnis-nur-fuer-tests";
    public const string MfaAcr = "urn:beispiel:acr:mfa";

    /// <summary>The local provider's page offers these "levels" (name → acr): a password alone, or with a second factor.</summary>
    public const string PasswordOnly = "passwort";
    public const string WithSecondFactor = "mfa";

    public static readonly IReadOnlyList<TestUser> Staff =
    [
        Person("anna-sb", "Anna", ["sozialamt-sachbearbeitung"]),
        Person("bernd-jc", "Bernd", ["jobcenter-sachbearbeitung"]),
        Person("frieda-leitung", "Frieda", ["sozialamt-sachbearbeitung", "sozialamt-leitung"]),
        Person("otto-betrieb", "Otto", ["betrieb"]),
        Person("carla-redaktion", "Carla", ["redaktion"]),
        Person("dora-kantine", "Dora", ["kantine", "alle-mitarbeitenden"]),
        Person("emil-zwei-stellen", "Emil", ["sozialamt-sachbearbeitung", "jobcenter-sachbearbeitung"]),
        Person("<script>alert(1)</script>", "Xaver", ["sozialamt-sachbearbeitung"], "<script>alert('name')</script>"),
    ];

    public StaffSsoPortal()
    {
        BaseUrl = $"http://127.0.0.1:{OidcPortal.FreePort()}";
        var providerUrl = $"http://127.0.0.1:{OidcPortal.FreePort()}";
        var expiredUrl = $"http://127.0.0.1:{OidcPortal.FreePort()}";
        Provider = Start(providerUrl, TimeSpan.FromMinutes(10), ProviderId, TamperedProviderId);
        ExpiredProvider = Start(expiredUrl, TimeSpan.FromMinutes(-10), ExpiredProviderId);
        File.WriteAllText(Path.Combine(Folders.Tenant, "identity.json"), $$"""
            { "staff": [
                { "id": "{{ProviderId}}", "name": "Keycloak der Stadt", "issuer": "{{providerUrl}}/", "clientId": "staff-test", "roleClaim": "groups",
                  "roles": { "sozialamt-sachbearbeitung": "caseworker:sozialamt-test", "sozialamt-leitung": ["lead:sozialamt-test"],
                             "jobcenter-sachbearbeitung": "caseworker:jobcenter-test", "betrieb": "operator", "redaktion": "author" },
                  "mfa": { "acr": ["{{MfaAcr}}"] } },
                { "id": "{{TamperedProviderId}}", "name": "Manipuliert", "issuer": "{{providerUrl}}/", "clientId": "staff-test",
                  "roles": { "sozialamt-sachbearbeitung": "caseworker:sozialamt-test", "betrieb": "operator" } },
                { "id": "{{ExpiredProviderId}}", "name": "Altes Verzeichnis", "issuer": "{{expiredUrl}}/", "clientId": "staff-test",
                  "roles": { "sozialamt-sachbearbeitung": "caseworker:sozialamt-test", "redaktion": "author" } } ] }
            """);
        UseKestrel();
        StartServer();
    }

    public string BaseUrl { get; }
    public WebApplication Provider { get; }
    public WebApplication ExpiredProvider { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Development");
        builder.UseSetting("urls", BaseUrl);
        builder.UseSetting("Designer:DataDirectory", Path.Combine(Folders.Data, "designer"));
        builder.UseSetting("Designer:CatalogDirectory", Folders.Catalog);
        foreach (var id in new[] { ProviderId, TamperedProviderId, ExpiredProviderId }) builder.UseSetting($"Sozialplattform:Identity:StaffProviders:{id}:ClientSecret", Secret);
        builder.ConfigureTestServices(services => services.PostConfigure<OpenIdConnectOptions>("staff-inbox-" + TamperedProviderId,
            options => options.Backchannel = new HttpClient(new TamperedIdTokens(subject: "otto-betrieb", groups: ["betrieb"]))));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        Provider.DisposeAsync().AsTask().GetAwaiter().GetResult();
        ExpiredProvider.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private WebApplication Start(string url, TimeSpan identityTokenLifetime, params string[] providerIds)
    {
        var provider = LocalProvider.Build(new LocalProviderOptions
        {
            Url = url,
            Users = Staff,
            Levels = new Dictionary<string, string> { [PasswordOnly] = "urn:beispiel:acr:passwort", [WithSecondFactor] = MfaAcr },
            IdentityTokenLifetime = identityTokenLifetime,
            Clients = [new LocalClient
            {
                ClientId = "staff-test", ClientSecret = Secret,
                RedirectUris = [.. providerIds.SelectMany(id => new[] { $"{BaseUrl}/posteingang/sso/{id}", $"{BaseUrl}/designer/sso/{id}" })],
                PostLogoutRedirectUris = [.. providerIds.SelectMany(id => new[] { $"{BaseUrl}/posteingang/sso/{id}/abgemeldet", $"{BaseUrl}/designer/sso/{id}/abgemeldet" })],
            }],
        });
        provider.StartAsync().GetAwaiter().GetResult();
        return provider;
    }

    private static TestUser Person(string subject, string givenName, IReadOnlyList<string> groups, string? familyName = null) =>
        new(subject, givenName, familyName ?? "Beispiel", "1980-01-01", "Köln", "Rathausplatz 1", "12345", "Teststadt", $"{givenName.ToLowerInvariant()}@example.org", groups);
}
