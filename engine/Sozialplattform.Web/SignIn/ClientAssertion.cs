using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Sozialplattform.Web.SignIn;

/// <summary>
/// <c>private_key_jwt</c> (RFC 7523): a short-lived JWT about the portal, signed with its private key, instead of a shared
/// secret. Its header type is <c>client-authentication+jwt</c> (draft-ietf-oauth-rfc7523bis), which keeps it from being
/// mistaken for another kind of JWT; strict providers (OpenIddict) require it, the others ignore the header type.
/// </summary>
public static class ClientAssertion
{
    public static string Create(OidcClientSettings provider, string audience)
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(provider.PrivateKeyFile!));
        var key = new RsaSecurityKey(rsa.ExportParameters(includePrivateParameters: true));
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            TokenType = "client-authentication+jwt",
            Issuer = provider.ClientId,
            Audience = audience,
            Claims = new Dictionary<string, object> { ["sub"] = provider.ClientId, ["jti"] = Guid.NewGuid().ToString("N") },
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(2),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }
}
