using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Sozialplattform.Web.CaseApi;

/// <summary>
/// The keys of the host's token server: from the configured files, else generated on the first start into
/// <c>&lt;data&gt;/api-keys/</c> (owner read/write only) — as the host keeps its data key and its data-protection keys, so
/// every host on the same data folder issues and accepts the same tokens. Operators who run hosts on several machines
/// configure the files (or share the data folder).
/// </summary>
public static class CaseApiKeys
{
    public static SecurityKey Signing(CaseApiOptions options, string dataDirectory)
    {
        var pem = ReadOrCreate(options.SigningKeyFile, Path.Combine(dataDirectory, "api-keys", "signing.pem"), () =>
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

    public static SecurityKey Encryption(CaseApiOptions options, string dataDirectory)
    {
        var text = ReadOrCreate(options.EncryptionKeyFile, Path.Combine(dataDirectory, "api-keys", "encryption.key"), () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
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

    private static string ReadOrCreate(string? configured, string generated, Func<string> create)
    {
        if (!string.IsNullOrWhiteSpace(configured))
            return File.Exists(configured) ? File.ReadAllText(configured) : throw new InvalidOperationException($"{CaseApiOptions.Section}: the key file {configured} does not exist.");
        if (File.Exists(generated)) return File.ReadAllText(generated);
        Directory.CreateDirectory(Path.GetDirectoryName(generated)!);
        try
        {
            using (var stream = new FileStream(generated, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            using (var writer = new StreamWriter(stream))
                writer.Write(create());
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(generated, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        catch (IOException) when (File.Exists(generated))
        {
            // Another host on the same data folder wrote it first: use theirs.
        }

        return File.ReadAllText(generated);
    }
}
