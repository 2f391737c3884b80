using Microsoft.Data.Sqlite;

namespace Sozialplattform.Storage.Database;

/// <summary>
/// One host per SQLite database. SQLite lets a second process open the same file, and two portal hosts on it would each
/// run the sweeps and gate their writes only within themselves; several hosts need PostgreSQL. A host holds an exclusive
/// lock on <c>&lt;database&gt;.host-lock</c> while it runs; the operating system releases it when the process ends, also
/// after a crash, so a restarted host never waits for a stale lock. The command line (<c>sozial</c>) takes no lock: it may
/// work beside the running host, as before.
/// </summary>
public sealed class SqliteHostLock : IDisposable
{
    private readonly FileStream? _held;

    private SqliteHostLock(FileStream? held) => _held = held;

    public string? LockFile => _held?.Name;

    /// <summary>Takes the lock for a SQLite database; PostgreSQL and in-memory databases need none.</summary>
    public static SqliteHostLock Acquire(StorageOptions storage)
    {
        if (storage.Provider != StorageProvider.Sqlite) return new SqliteHostLock(null);
        var database = new SqliteConnectionStringBuilder(storage.SqliteConnectionString()).DataSource;
        if (string.IsNullOrEmpty(database) || database == ":memory:" || database.StartsWith("file::memory:", StringComparison.Ordinal))
            return new SqliteHostLock(null);

        var lockFile = Path.GetFullPath(database) + ".host-lock";
        Directory.CreateDirectory(Path.GetDirectoryName(lockFile)!);
        try
        {
            return new SqliteHostLock(new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException error) when (File.Exists(lockFile))
        {
            throw new StorageConfigurationException(
                $"Another Sozialplattform host is already running on the SQLite database '{Path.GetFullPath(database)}' " +
                $"(it holds '{lockFile}'; {error.Message}). SQLite serves one host: stop the other host, give this one its own " +
                "Sozialplattform:Storage:DataDirectory, or run several hosts on PostgreSQL (docs/DEPLOYMENT.md).");
        }
    }

    public void Dispose() => _held?.Dispose();
}
