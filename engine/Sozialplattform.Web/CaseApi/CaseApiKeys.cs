using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using Sozialplattform.Storage.Operations;

namespace Sozialplattform.Web.CaseApi;

/// <summary>
/// The keys of the host's token server: from the configured files, else shared through the database
/// (<see cref="SharedSecrets"/>, encrypted with the data key), so every host on one database issues and accepts the same
/// tokens without files to copy. Keys an earlier version generated into <c>&lt;data&gt;/api-keys/</c> are taken over once,
/// so tokens and configurations made with them stay valid.
/// </summary>
public static class CaseApiKeys
{
    public const string SigningSecret = "case-api-signing-key";
    public const string EncryptionSecret = "case-api-encryption-key";

    public static SecurityKey Signing(CaseApiOptions options, SharedSecrets secrets, string dataDirectory)
    {
        var pem = Read(options.SigningKeyFile, secrets, SigningSecret, Path.Combine(dataDirectory, "api-keys", "signing.pem"), () =>
        {
            using var rsa = RSA.Create(3072);
            return rsa.ExportRSAPrivateKeyPem();
        });
        var key = RSA.Create();
        try
        {
            key.ImportFromPem(pem);
        }
        catch (ArgumentException)
        {
            throw new InvalidOperationException($"{CaseApiOptions.Section}:{nameof(CaseApiOptions.SigningKeyFile)}: no RSA private key in PEM form.");
        }

        return new RsaSecurityKey(key) { KeyId = Convert.ToHexString(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))[..16] };
    }

    public static SecurityKey Encryption(CaseApiOptions options, SharedSecrets secrets, string dataDirectory)
    {
        var text = Read(options.EncryptionKeyFile, secrets, EncryptionSecret, Path.Combine(dataDirectory, "api-keys", "encryption.key"),
            () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(text.Trim());
        }
        catch (FormatException)
        {
            bytes = [];
        }

        return bytes.Length == 32 ? new SymmetricSecurityKey(bytes)
            : throw new InvalidOperationException($"{CaseApiOptions.Section}:{nameof(CaseApiOptions.EncryptionKeyFile)}: the key must be 32 bytes in base64.");
    }

    private static string Read(string? configured, SharedSecrets secrets, string name, string earlierFile, Func<string> create)
    {
        if (!string.IsNullOrWhiteSpace(configured))
            return File.Exists(configured) ? File.ReadAllText(configured) : throw new InvalidOperationException($"{CaseApiOptions.Section}: the key file {configured} does not exist.");
        return secrets.GetOrCreate(name, () => File.Exists(earlierFile) ? File.ReadAllText(earlierFile) : create());
    }
}
