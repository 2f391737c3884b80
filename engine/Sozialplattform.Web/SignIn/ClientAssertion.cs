using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Sozialplattform.Web.SignIn;

/// <summary><c>private_key_jwt</c> (RFC 7523): a short-lived JWT about the portal, signed with its private key, instead of a shared secret.</summary>
public static class ClientAssertion
{
    public static string Create(IdentityProviderSettings provider, string audience)
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(provider.PrivateKeyFile!));
        var key = new RsaSecurityKey(rsa.ExportParameters(includePrivateParameters: true));
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
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
