using System.Security.Cryptography;

namespace Sozialplattform.Storage.Crypto;

/// <summary>
/// One 32-byte data key and its id: the first four bytes of its SHA-256, written into every ciphertext it makes
/// (layout version 2), so a reader knows which key to take and an operator can count the rows under each key.
/// The id reveals nothing usable about the key; error messages name the id, never the key.
/// </summary>
public sealed class DataKey
{
    public const int Size = 32;
    public const int IdSize = 4;

    public DataKey(byte[] material)
    {
        if (material.Length != Size) throw new ArgumentException($"A data key has {Size} bytes.", nameof(material));
        Material = material;
        Id = SHA256.HashData(material).AsSpan(0, IdSize).ToArray();
    }

    internal byte[] Material { get; }

    public byte[] Id { get; }

    /// <summary>The id as eight lowercase hex digits, as <c>sozial data-key status</c> and error messages show it.</summary>
    public string IdText => Convert.ToHexStringLower(Id);

    public static DataKey NewRandom() => new(RandomNumberGenerator.GetBytes(Size));
}
