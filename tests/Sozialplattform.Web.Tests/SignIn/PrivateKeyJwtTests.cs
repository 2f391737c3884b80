using Sozialplattform.Web.Tests.Infrastructure;
using static Sozialplattform.Web.Tests.Infrastructure.OidcLogin;

namespace Sozialplattform.Web.Tests.SignIn;

/// <summary>
/// <c>private_key_jwt</c>: the portal proves itself at the provider's token endpoint with an assertion signed by its
/// private key, and the local provider (which holds only the public key and no secret) accepts it — or refuses a key it does not know.
/// </summary>
public sealed class PrivateKeyJwtTests
{
    [Fact]
    public async Task The_portal_signs_in_with_a_client_assertion_instead_of_a_secret()
    {
        using var portal = new OidcPortal(privateKeyJwt: true);
        portal.ProviderOptions.Clients.ShouldHaveSingleItem().ClientSecret.ShouldBeNull("the provider knows no secret of the portal");

        var place = await StartSignedInAsync(portal.Browser(), "login-substantial", "erika-mustermann");

        place.Path.ShouldEndWith("/ort");
        place.Text(".site-header__account span").ShouldBe("Angemeldet: Erika Mustermann");
    }

    [Fact]
    public async Task An_assertion_signed_with_another_key_is_refused_at_the_token_endpoint_and_signs_nobody_in()
    {
        using var portal = new OidcPortal(privateKeyJwt: true);
        using (var other = System.Security.Cryptography.RSA.Create(2048)) File.WriteAllText(portal.PrivateKeyFile!, other.ExportPkcs8PrivateKeyPem());

        var refused = await StartSignedInAsync(portal.Browser(), "login-substantial", "erika-mustermann");

        refused.Path.ShouldBe("/de/anmelden");
        refused.SummaryErrors.ShouldBe(["Die Anmeldung beim Nutzerkonto ist nicht gelungen oder wurde abgebrochen. Bitte versuchen Sie es noch einmal."]);
        refused.Document.QuerySelector(".site-header__account").ShouldBeNull();
    }
}
