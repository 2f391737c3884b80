using System.Security.Claims;
using Microsoft.Extensions.Configuration;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Web.SignIn;
using Sozialplattform.Web.StaffSignIn;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.StaffSignIn;

/// <summary>The staff providers of a tenant's <c>identity.json</c>: read as configured, every wrong setting named before the host answers anyone, and the role mapping's verdicts.</summary>
public sealed class StaffProviderConfigurationTests : IDisposable
{
    private const string Secret = "Sozialplattform:Identity:StaffProviders:keycloak:ClientSecret";
    private readonly string _folder = Directory.CreateTempSubdirectory("sp-staff-").FullName;

    private const string Valid = """
        { "staff": [ { "id": "keycloak", "name": "Keycloak", "issuer": "https://login.example.org/realms/stadt/", "clientId": "sozialplattform",
          "roleClaim": "roles", "roles": { "sb": "caseworker:sozialamt", "leitung": ["lead:sozialamt", "author"], "betrieb": "operator" },
          "mfa": { "amr": ["mfa"] } } ] }
        """;

    private IReadOnlyList<StaffProviderSettings> Read(string json, params (string Key, string Value)[] settings)
    {
        File.WriteAllText(Path.Combine(_folder, "identity.json"), json);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();
        return StaffProviderReader.Read(_folder, configuration, allowHttp: false);
    }

    [Fact]
    public void A_provider_is_read_with_its_secret_its_role_mapping_and_its_second_factor_per_area()
    {
        var provider = Read(Valid, (Secret, "s3cret")).Single();
        var providers = new StaffProviders([provider]);

        (provider.ClientSecret, provider.RoleClaim).ShouldBe(("s3cret", "roles"));
        provider.Scopes.ShouldBe(["openid", "profile"]);
        provider.Roles["leitung"].ShouldBe([new StaffRole(StaffArea.Inbox, CaseworkerRole.Lead, "sozialamt"), StaffRole.Author]);
        provider.Mfa!.Amr.ShouldBe(["mfa"]);
        var inbox = providers.Find(StaffArea.Inbox, "keycloak")!;
        var designer = providers.Find(StaffArea.Designer, "keycloak")!;
        (inbox.Scheme, inbox.CallbackPath).ShouldBe(("staff-inbox-keycloak", "/posteingang/sso/keycloak"));
        (designer.Scheme, designer.CallbackPath).ShouldBe(("staff-designer-keycloak", "/designer/sso/keycloak"));
    }

    [Fact]
    public void A_provider_without_an_author_role_is_not_offered_by_the_designer()
    {
        var providers = new StaffProviders(Read(Valid.Replace("\"lead:sozialamt\", \"author\"", "\"lead:sozialamt\"", StringComparison.Ordinal), (Secret, "x")));

        providers.For(StaffArea.Designer).ShouldBeEmpty();
        providers.For(StaffArea.Inbox).ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData("""{ "staff": [ { "id": "keycloak", "issuer": "https://login.example.org/", "clientId": "c", "roles": { "sb": "caseworker:sozialamt" } } ] }""",
        "Sozialplattform:Identity:StaffProviders:keycloak:ClientSecret (or …:ClientSecretFile) is not set")]
    [InlineData("""{ "staff": [ { "id": "keycloak", "issuer": "http://login.example.org/", "clientId": "c", "roles": { "sb": "caseworker:sozialamt" } } ] }""",
        "'issuer' 'http://login.example.org/' must use https")]
    [InlineData("""{ "staff": [ { "id": "keycloak", "issuer": "https://login.example.org/", "clientId": "c", "clientSecret": "oops", "roles": { "sb": "operator" } } ] }""",
        "'clientSecret' does not belong in the catalog")]
    [InlineData("""{ "staff": [ { "id": "keycloak", "issuer": "https://login.example.org/", "clientId": "c" } ] }""", "'roles' is missing")]
    [InlineData("""{ "staff": [ { "id": "keycloak", "issuer": "https://login.example.org/", "clientId": "c", "roles": { "sb": "admin" } } ] }""",
        "'roles' maps 'sb' to 'admin'; a role is caseworker:<authority>, lead:<authority>, operator or author")]
    [InlineData("""{ "staff": [ { "id": "keycloak", "issuer": "https://login.example.org/", "clientId": "c", "roles": { "sb": "caseworker:" } } ] }""",
        "'roles' maps 'sb' to 'caseworker:'")]
    [InlineData("""{ "staff": [ { "id": "keycloak", "issuer": "https://login.example.org/", "clientId": "c", "roles": { "sb": "operator" }, "mfa": { "acr": [] } } ] }""",
        "'mfa' names no 'acr' or 'amr' value")]
    [InlineData("""{ "staff": [ { "id": "keycloak", "issuer": "https://login.example.org/", "clientId": "c", "clientAuthentication": "privateKeyJwt", "roles": { "sb": "operator" } } ] }""",
        "Sozialplattform:Identity:StaffProviders:keycloak:PrivateKeyFile is not set")]
    [InlineData("""{ "staff": [ { "id": "keycloak", "issuer": "https://a.example.org/", "clientId": "c", "roles": { "sb": "operator" } }, { "id": "keycloak", "issuer": "https://b.example.org/", "clientId": "c", "roles": { "sb": "operator" } } ] }""",
        "'id' 'keycloak' is used twice")]
    public void Each_wrong_setting_is_named(string json, string expected)
    {
        (string, string)[] settings = expected.Contains("ClientSecret (or", StringComparison.Ordinal) ? [] : [(Secret, "x")];
        var error = Should.Throw<IdentityConfigurationException>(() => Read(json, settings));
        error.Message.ShouldStartWith("The staff single sign-on providers cannot be used:");
        error.Message.ShouldContain(expected);
        error.Message.ShouldContain("identity.json staff[");
    }

    [Fact]
    public void A_host_whose_mapping_names_an_authority_the_tenant_does_not_have_does_not_start_and_says_which()
    {
        using var portal = new PortalFactory();
        File.WriteAllText(Path.Combine(portal.Folders.Tenant, "identity.json"), Valid);

        var error = Should.Throw<IdentityConfigurationException>(() => portal.CreateClient());

        error.Message.ShouldContain("'roles' maps 'sb' to 'caseworker:sozialamt', but the tenant has no authority 'sozialamt' (authorities.json)");
        error.Message.ShouldContain("Sozialplattform:Identity:StaffProviders:keycloak:ClientSecret (or …:ClientSecretFile) is not set");
    }

    [Theory]
    [InlineData(new[] { "sb" }, null, "caseworker:sozialamt")]
    [InlineData(new[] { "sb", "leitung" }, null, "lead:sozialamt")]
    [InlineData(new[] { "betrieb" }, null, "operator")]
    [InlineData(new[] { "sb", "betrieb" }, StaffRoleMapping.Ambiguous, null)]
    [InlineData(new[] { "kantine" }, StaffRoleMapping.NoRole, null)]
    [InlineData(new string[0], StaffRoleMapping.NoRole, null)]
    public void The_inbox_opens_for_exactly_one_place(string[] roles, string? refusal, string? role)
    {
        var provider = Read(Valid, (Secret, "x")).Single();

        var decision = StaffRoleMapping.Decide(provider, Token(roles, amr: "mfa"));

        decision.Refusal.ShouldBe(refusal);
        decision.Role.ShouldBe(role is null ? null : StaffRole.Parse(role));
    }

    [Fact]
    public void Without_the_second_factor_the_provider_must_prove_nothing_opens_and_the_designer_needs_an_author_role()
    {
        var provider = Read(Valid, (Secret, "x")).Single();

        StaffRoleMapping.Decide(provider, Token(["sb"], amr: "pwd")).Refusal.ShouldBe(StaffRoleMapping.NoSecondFactor);
        StaffRoleMapping.Decide(provider.For(StaffArea.Designer), Token(["sb"], amr: "mfa")).Refusal.ShouldBe(StaffRoleMapping.NoRole);
        StaffRoleMapping.Decide(provider.For(StaffArea.Designer), Token(["leitung"], amr: "mfa")).Role.ShouldBe(StaffRole.Author);
    }

    private static ClaimsPrincipal Token(IEnumerable<string> roles, string amr) =>
        new(new ClaimsIdentity([new Claim("sub", "x"), new Claim("amr", amr), .. roles.Select(r => new Claim("roles", r))], "oidc"));

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
