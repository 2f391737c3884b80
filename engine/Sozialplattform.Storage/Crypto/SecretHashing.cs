using System.Security.Cryptography;
using System.Text;

namespace Sozialplattform.Storage.Crypto;

/// <summary>
/// Random secrets (status-page and draft links) and their stored form. The secrets carry 256 bits of
/// randomness, so a plain SHA-256 is enough here; passwords use <see cref="PasswordHashing"/> instead.
/// </summary>
public static class SecretHashing
{
    public static string NewSecret() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool Matches(string secret, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(storedHash));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
