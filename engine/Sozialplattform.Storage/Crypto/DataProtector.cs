using System.Security.Cryptography;
using System.Text;

namespace Sozialplattform.Storage.Crypto;

/// <summary>
/// AES-256-GCM for personal data at rest. Layout: version byte, 12-byte nonce, 16-byte tag, ciphertext.
/// The owning row's id is bound as associated data, so a ciphertext copied into another row does not decrypt.
/// </summary>
public sealed class DataProtector(byte[] key)
{
    private const byte Version = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int HeaderSize = 1 + NonceSize + TagSize;

    private readonly byte[] _key = key.Length == 32 ? key : throw new ArgumentException("AES-256 needs a 32-byte key.", nameof(key));

    public byte[] Protect(ReadOnlySpan<byte> plain, Guid owner)
    {
        var output = new byte[HeaderSize + plain.Length];
        output[0] = Version;
        var nonce = output.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(HeaderSize), output.AsSpan(1 + NonceSize, TagSize), owner.ToByteArray());
        return output;
    }

    public byte[] Unprotect(byte[] cipher, Guid owner)
    {
        if (cipher.Length < HeaderSize || cipher[0] != Version)
            throw new CryptographicException("Stored data is not in the expected encrypted format (version 1).");
        var plain = new byte[cipher.Length - HeaderSize];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(cipher.AsSpan(1, NonceSize), cipher.AsSpan(HeaderSize), cipher.AsSpan(1 + NonceSize, TagSize), plain, owner.ToByteArray());
        return plain;
    }

    public byte[] ProtectText(string text, Guid owner) => Protect(Encoding.UTF8.GetBytes(text), owner);

    public string UnprotectText(byte[] cipher, Guid owner) => Encoding.UTF8.GetString(Unprotect(cipher, owner));

    /// <summary>
    /// A secret that only this server can compute for <paramref name="owner"/> (HMAC with a key derived for
    /// <paramref name="purpose"/>), so a repeated submit can be answered with the same status link.
    /// </summary>
    public string DeriveSecret(string purpose, Guid owner)
    {
        var subKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, _key, 32, info: Encoding.UTF8.GetBytes(purpose));
        var mac = HMACSHA256.HashData(subKey, owner.ToByteArray());
        return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>
    /// A blind index value: HMAC-SHA256 of <paramref name="word"/> under a key derived for <paramref name="purpose"/>,
    /// hex of the first 16 bytes. Equal words give equal tokens; without the data key a token reveals nothing.
    /// </summary>
    public string SearchToken(string purpose, string word)
    {
        var subKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, _key, 32, info: Encoding.UTF8.GetBytes(purpose));
        return Convert.ToHexStringLower(HMACSHA256.HashData(subKey, Encoding.UTF8.GetBytes(word)).AsSpan(0, 16));
    }
}
