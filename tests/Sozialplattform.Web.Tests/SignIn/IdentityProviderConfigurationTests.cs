using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Sozialplattform.Engine.Definitions;
using Sozialplattform.Web.SignIn;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.SignIn;

/// <summary>A tenant's <c>identity.json</c> and the providers' secrets: read as configured, and every wrong setting named before the host answers anyone.</summary>
public sealed class IdentityProviderConfigurationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sp-identity-").FullName;

    private const string Valid = """
        { "providers": [ { "id": "bundid", "name": "BundID", "issuer": "https://id.example.org/", "clientId": "portal",
          "levels": { "urn:low": "low", "urn:substantial": "substantial" }, "claims": { "family_name": "nachname" } } ] }
        """;

    private IReadOnlyList<IdentityProviderSettings> Read(string json, params (string Key, string Value)[] settings)
    {
        File.WriteAllText(Path.Combine(_folder, "identity.json"), json);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();
        return IdentityProviderReader.Read(_folder, configuration, allowHttp: false);
    }

    [Fact]
    public void A_provider_is_read_with_its_secret_from_configuration_its_levels_and_its_claim_names()
    {
        var provider = Read(Valid, ("Sozialplattform:Identity:Providers:bundid:ClientSecret", "s3cret")).Single();

        (provider.Scheme, provider.ClientSecret, provider.CallbackPath).ShouldBe(("oidc-bundid", "s3cret", "/anmelden/oidc/bundid"));
        provider.AcrFor(TrustLevel.Low).ShouldBe("urn:low");
        provider.AcrFor(TrustLevel.Substantial).ShouldBe("urn:substantial");
        provider.AcrFor(TrustLevel.High).ShouldBeNull();
        provider.Claims["family_name"].ShouldBe("nachname");
        provider.Claims["given_name"].ShouldBe("given_name");
    }

    [Fact]
    public void Without_the_file_the_tenant_has_no_provider() =>
        IdentityProviderReader.Read(_folder, new ConfigurationBuilder().Build(), allowHttp: false).ShouldBeEmpty();

    [Theory]
    [InlineData("""{ "providers": [ { "id": "bundid", "issuer": "https://id.example.org/", "clientId": "portal", "levels": { "urn:low": "low" } } ] }""",
        "Sozialplattform:Identity:Providers:bundid:ClientSecret (or …:ClientSecretFile) is not set")]
    [InlineData("""{ "providers": [ { "id": "bundid", "issuer": "http://id.example.org/", "clientId": "portal", "levels": { "urn:low": "low" } } ] }""",
        "'issuer' 'http://id.example.org/' must use https")]
    [InlineData("""{ "providers": [ { "id": "bundid", "issuer": "https://id.example.org/", "levels": { "urn:low": "low" } } ] }""", "'clientId' is missing")]
    [InlineData("""{ "providers": [ { "id": "bundid", "issuer": "https://id.example.org/", "clientId": "portal", "levels": { "urn:low": "niedrig" } } ] }""",
        "'levels' maps 'urn:low' to 'niedrig'")]
    [InlineData("""{ "providers": [ { "id": "bundid", "issuer": "https://id.example.org/", "clientId": "portal", "clientSecret": "oops", "levels": { "urn:low": "low" } } ] }""",
        "'clientSecret' does not belong in the catalog")]
    [InlineData("""{ "providers": [ { "id": "bundid", "issuer": "https://id.example.org/", "clientId": "portal", "levels": { "urn:low": "low" }, "claims": { "shoe_size": "x" } } ] }""",
        "'claims' names 'shoe_size', which the platform does not know")]
    [InlineData("""{ "providers": [ { "id": "bundid", "issuer": "https://id.example.org/", "clientId": "portal", "clientAuthentication": "privateKeyJwt", "levels": { "urn:low": "low" } } ] }""",
        "Sozialplattform:Identity:Providers:bundid:PrivateKeyFile is not set")]
    public void Each_wrong_setting_is_named(string json, string expected)
    {
        // The secret is configured unless the case is about it.
        (string, string)[] settings = expected.Contains("ClientSecret (or", StringComparison.Ordinal) ? [] : [("Sozialplattform:Identity:Providers:bundid:ClientSecret", "x")];
        var error = Should.Throw<IdentityConfigurationException>(() => Read(json, settings));
        error.Message.ShouldContain(expected);
        error.Message.ShouldContain("identity.json providers[0]");
    }

    [Fact]
    public void A_host_whose_tenant_names_a_provider_without_its_secret_does_not_start_and_says_which_setting_is_missing()
    {
        using var portal = new PortalFactory();
        File.WriteAllText(Path.Combine(portal.Folders.Tenant, "identity.json"), Valid);

        var error = Should.Throw<IdentityConfigurationException>(() => portal.CreateClient());

        error.Message.ShouldStartWith("The citizen identity providers cannot be used:");
        error.Message.ShouldContain("Sozialplattform:Identity:Providers:bundid:ClientSecret (or …:ClientSecretFile) is not set");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
