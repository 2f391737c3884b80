namespace Sozialplattform.Storage.Crypto;

/// <summary>
/// The keys a host holds: the current key, which encrypts everything new, and retired keys, which only decrypt what
/// was written under them until <c>sozial data-key rotate</c> has re-encrypted it (docs/OPERATIONS.md, "The data key").
/// </summary>
public sealed class DataKeyRing
{
    private readonly Dictionary<string, DataKey> _byId;

    public DataKeyRing(DataKey current, IReadOnlyList<DataKey>? retired = null)
    {
        Current = current;
        Retired = retired ?? [];
        _byId = new Dictionary<string, DataKey>(StringComparer.Ordinal);
        foreach (var key in Retired.Prepend(current))
            if (!_byId.TryAdd(key.IdText, key))
                throw new ArgumentException($"The data key {key.IdText} is given twice.");
    }

    public DataKey Current { get; }

    /// <summary>Keys that decrypt but never encrypt, oldest first as configured.</summary>
    public IReadOnlyList<DataKey> Retired { get; }

    /// <summary>Current first: the order in which a version-1 ciphertext (no key id) is tried.</summary>
    public IEnumerable<DataKey> All => Retired.Prepend(Current);

    public DataKey? Find(ReadOnlySpan<byte> id) => _byId.GetValueOrDefault(Convert.ToHexStringLower(id));

    public static DataKeyRing Of(byte[] current, params byte[][] retired) => new(new DataKey(current), [.. retired.Select(k => new DataKey(k))]);
}
