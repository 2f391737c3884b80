namespace Sozialplattform.Storage.Database;

/// <summary>
/// Where and how data is stored. Defaults: SQLite file <c>sozialplattform.db</c> and key file
/// <c>data.key</c> in <see cref="DataDirectory"/>.
/// </summary>
public sealed record StorageOptions
{
    public StorageProvider Provider { get; init; } = StorageProvider.Sqlite;

    /// <summary>Folder for the SQLite file and the key file; created on first start.</summary>
    public string DataDirectory { get; init; } = "data";

    /// <summary>PostgreSQL connection string, or an explicit SQLite one; empty means the SQLite file in <see cref="DataDirectory"/>.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>Base64 of a 32-byte AES key. If empty the key is read from (or created in) <see cref="KeyFile"/>.</summary>
    public string? EncryptionKey { get; init; }

    /// <summary>Key file; relative paths are taken inside <see cref="DataDirectory"/>.</summary>
    public string KeyFile { get; init; } = "data.key";

    /// <summary>Base64 of earlier data keys that only decrypt, until <c>sozial data-key rotate</c> has re-encrypted their rows.</summary>
    public string[] RetiredEncryptionKeys { get; init; } = [];

    /// <summary>Files holding retired keys (base64), relative paths inside <see cref="DataDirectory"/>.</summary>
    public string[] RetiredKeyFiles { get; init; } = [];

    public string SqliteConnectionString() =>
        string.IsNullOrWhiteSpace(ConnectionString)
            ? $"Data Source={Path.Combine(DataDirectory, "sozialplattform.db")};Pooling=True"
            : ConnectionString;
}
