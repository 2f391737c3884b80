using System.Security.Cryptography;
using System.Text;

namespace Sozialplattform.Storage.Crypto;

/// <summary>
/// AES-256-GCM for personal data at rest under the host's <see cref="DataKeyRing"/>. Layout version 2: version byte,
/// 4-byte key id, 12-byte nonce, 16-byte tag, ciphertext; version 1 (no key id: version, nonce, tag, ciphertext) was
/// written before key rotation existed and stays readable with any key of the ring. The owning row's id is bound as
/// associated data, so a ciphertext copied into another row does not decrypt.
/// Blind indexes and derived secrets are HMACs under keys expanded from a separate index root
/// (<see cref="IndexRoot"/>), which does not change when the data key is rotated — see docs/OPERATIONS.md.
/// </summary>
public sealed class DataProtector
{
    public const byte LegacyVersion = 1;
    public const byte Version = 2;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int LegacyHeaderSize = 1 + NonceSize + TagSize;
    private const int HeaderSize = 1 + DataKey.IdSize + NonceSize + TagSize;

    private readonly byte[] _indexRoot;

    /// <summary>One key and no retired ones; the index root taken from that key (what a database without one gets).</summary>
    public DataProtector(byte[] key) : this(DataKeyRing.Of(key)) { }

    /// <param name="indexRoot">The HKDF pseudo-random key of blind indexes and derived secrets; default: extracted from the current key.</param>
    public DataProtector(DataKeyRing ring, byte[]? indexRoot = null)
    {
        Ring = ring;
        _indexRoot = indexRoot ?? IndexRootOf(ring.Current);
        if (_indexRoot.Length != 32) throw new ArgumentException("The index root has 32 bytes.", nameof(indexRoot));
    }

    public DataKeyRing Ring { get; }

    /// <summary>The first bytes every ciphertext under the current key starts with (version and key id).</summary>
    public byte[] CurrentPrefix => [Version, .. Ring.Current.Id];

    /// <summary>
    /// The index root a key had before rotation existed: HKDF-Extract of the key (no salt). Expanding it per purpose gives
    /// exactly the sub-keys <c>HKDF.DeriveKey(key, info: purpose)</c> gave, so stored tokens and handed-out secrets stay valid.
    /// </summary>
    public static byte[] IndexRootOf(DataKey key) => HKDF.Extract(HashAlgorithmName.SHA256, key.Material);

    internal byte[] IndexRoot => _indexRoot;

    public byte[] Protect(ReadOnlySpan<byte> plain, Guid owner)
    {
        var key = Ring.Current;
        var output = new byte[HeaderSize + plain.Length];
        output[0] = Version;
        key.Id.CopyTo(output, 1);
        var nonce = output.AsSpan(1 + DataKey.IdSize, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key.Material, TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(HeaderSize), output.AsSpan(1 + DataKey.IdSize + NonceSize, TagSize), owner.ToByteArray());
        return output;
    }

    public byte[] Unprotect(byte[] cipher, Guid owner)
    {
        if (cipher.Length >= HeaderSize && cipher[0] == Version)
        {
            var key = Ring.Find(cipher.AsSpan(1, DataKey.IdSize)) ?? throw new DataKeyMissingException(KeyIdOf(cipher));
            return Decrypt(key, cipher.AsSpan(1 + DataKey.IdSize), owner);
        }

        if (cipher.Length >= LegacyHeaderSize && cipher[0] == LegacyVersion)
        {
            foreach (var key in Ring.All)
            {
                try { return Decrypt(key, cipher.AsSpan(1), owner); }
                catch (AuthenticationTagMismatchException) { }
            }

            throw new CryptographicException(
                $"Stored data of layout version 1 (written before key ids) decrypts with none of this host's data keys ({string.Join(", ", Ring.All.Select(k => k.IdText))}): " +
                "the key it was written with is missing from Sozialplattform:Storage:EncryptionKey and RetiredEncryptionKeys.");
        }

        throw new CryptographicException("Stored data is not in an encrypted format this version knows (version 1 or 2).");
    }

    /// <summary>The same plaintext encrypted again under the current key (the rotation's one step per value).</summary>
    public byte[] Reprotect(byte[] cipher, Guid owner) => Protect(Unprotect(cipher, owner), owner);

    /// <summary>Whether <paramref name="cipher"/> is already under the current key.</summary>
    public bool IsUnderCurrentKey(ReadOnlySpan<byte> cipher) => cipher.StartsWith(CurrentPrefix);

    /// <summary>The key id a ciphertext names (eight hex digits), <c>v1</c> for layout version 1, <c>unknown</c> otherwise.</summary>
    public static string KeyIdOf(ReadOnlySpan<byte> cipher) =>
        cipher.Length >= 1 + DataKey.IdSize && cipher[0] == Version ? Convert.ToHexStringLower(cipher.Slice(1, DataKey.IdSize))
        : cipher.Length >= 1 && cipher[0] == LegacyVersion ? "v1"
        : "unknown";

    private static byte[] Decrypt(DataKey key, ReadOnlySpan<byte> body, Guid owner)
    {
        var plain = new byte[body.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key.Material, TagSize);
        aes.Decrypt(body[..NonceSize], body[(NonceSize + TagSize)..], body.Slice(NonceSize, TagSize), plain, owner.ToByteArray());
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
        var mac = HMACSHA256.HashData(SubKey(purpose), owner.ToByteArray());
        return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>
    /// A blind index value: HMAC-SHA256 of <paramref name="word"/> under a key derived for <paramref name="purpose"/>,
    /// hex of the first 16 bytes. Equal words give equal tokens; without the index root a token reveals nothing.
    /// </summary>
    public string SearchToken(string purpose, string word) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(SubKey(purpose), Encoding.UTF8.GetBytes(word)).AsSpan(0, 16));

    private byte[] SubKey(string purpose) => HKDF.Expand(HashAlgorithmName.SHA256, _indexRoot, 32, Encoding.UTF8.GetBytes(purpose));
}

/// <summary>A ciphertext names a key this host does not have; the message names the key id, never a key.</summary>
public sealed class DataKeyMissingException(string keyId) : CryptographicException(
    $"Stored data is encrypted under the data key {keyId}, which this host does not have: add it to " +
    "Sozialplattform:Storage:RetiredEncryptionKeys (or the key files) until 'sozial data-key rotate' has re-encrypted it.")
{
    public string KeyId { get; } = keyId;
}
