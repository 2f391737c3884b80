using System.Security.Cryptography;
using Sozialplattform.Storage.Database;

namespace Sozialplattform.Storage.Crypto;

/// <summary>
/// Finds the data key: from configuration (base64) if given, else from the key file, which is created
/// with a fresh random key (owner read/write only) on first start. Losing the key loses the data.
/// </summary>
public static class EncryptionKeys
{
    public static byte[] Load(StorageOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.EncryptionKey))
            return Decode(options.EncryptionKey, "Storage:EncryptionKey");

        var path = Path.IsPathRooted(options.KeyFile) ? options.KeyFile : Path.Combine(options.DataDirectory, options.KeyFile);
        if (File.Exists(path))
            return Decode(File.ReadAllText(path).Trim(), $"key file {path}");

        var key = RandomNumberGenerator.GetBytes(32);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        using (var writer = new StreamWriter(stream))
            writer.WriteLine(Convert.ToBase64String(key));
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return key;
    }

    private static byte[] Decode(string base64, string source)
    {
        byte[] key;
        try { key = Convert.FromBase64String(base64); }
        catch (FormatException) { throw new StorageConfigurationException($"The encryption key in {source} is not base64."); }
        return key.Length == 32 ? key : throw new StorageConfigurationException($"The encryption key in {source} has {key.Length} bytes; AES-256 needs 32.");
    }
}
