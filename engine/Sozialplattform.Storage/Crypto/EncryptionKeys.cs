using System.Security.Cryptography;
using Sozialplattform.Storage.Database;

namespace Sozialplattform.Storage.Crypto;

/// <summary>
/// Finds the data keys. The current key: from configuration (base64) if given, else from the key file, which is created
/// with a fresh random key (owner read/write only) on first start. Retired keys (decrypt only): from
/// <c>Storage:RetiredEncryptionKeys</c> and <c>Storage:RetiredKeyFiles</c>. A malformed, short or repeated key stops
/// the start naming where it came from — never the key. Losing a key that data is still under loses that data.
/// </summary>
public static class EncryptionKeys
{
    public static DataKeyRing Load(StorageOptions options)
    {
        var current = !string.IsNullOrWhiteSpace(options.EncryptionKey)
            ? (Key: Decode(options.EncryptionKey, "Storage:EncryptionKey"), Source: "Storage:EncryptionKey")
            : CurrentFromFile(options);

        var retired = new List<(DataKey Key, string Source)>();
        for (var i = 0; i < options.RetiredEncryptionKeys.Length; i++)
            retired.Add((Decode(options.RetiredEncryptionKeys[i], $"Storage:RetiredEncryptionKeys:{i}"), $"Storage:RetiredEncryptionKeys:{i}"));
        for (var i = 0; i < options.RetiredKeyFiles.Length; i++)
        {
            var path = InData(options, options.RetiredKeyFiles[i]);
            if (!File.Exists(path))
                throw new StorageConfigurationException($"The retired key file {path} (Storage:RetiredKeyFiles:{i}) does not exist.");
            retired.Add((Decode(File.ReadAllText(path).Trim(), $"retired key file {path}"), $"retired key file {path}"));
        }

        var seen = new Dictionary<string, string>(StringComparer.Ordinal) { [current.Key.IdText] = current.Source };
        foreach (var (key, source) in retired)
            if (!seen.TryAdd(key.IdText, source))
                throw new StorageConfigurationException(
                    $"The data key {key.IdText} is given twice ({seen[key.IdText]} and {source}): a key is either current or retired, and listed once.");
        return new DataKeyRing(current.Key, [.. retired.Select(r => r.Key)]);
    }

    private static (DataKey Key, string Source) CurrentFromFile(StorageOptions options)
    {
        var path = InData(options, options.KeyFile);
        if (File.Exists(path))
            return (Decode(File.ReadAllText(path).Trim(), $"key file {path}"), $"key file {path}");

        var key = RandomNumberGenerator.GetBytes(DataKey.Size);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        using (var writer = new StreamWriter(stream))
            writer.WriteLine(Convert.ToBase64String(key));
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return (new DataKey(key), $"key file {path}");
    }

    private static string InData(StorageOptions options, string file) =>
        Path.IsPathRooted(file) ? file : Path.Combine(options.DataDirectory, file);

    private static DataKey Decode(string base64, string source)
    {
        byte[] key;
        try { key = Convert.FromBase64String(base64.Trim()); }
        catch (FormatException) { throw new StorageConfigurationException($"The encryption key in {source} is not base64."); }
        return key.Length == DataKey.Size
            ? new DataKey(key)
            : throw new StorageConfigurationException($"The encryption key in {source} has {key.Length} bytes; AES-256 needs {DataKey.Size}.");
    }
}
