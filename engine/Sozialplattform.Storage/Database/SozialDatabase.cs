using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Sozialplattform.Storage.Crypto;

namespace Sozialplattform.Storage.Database;

/// <summary>
/// The one entry point to storage: opens the configured provider, applies its migrations and hands out
/// short-lived contexts plus the data protector. Thread-safe; create one per process.
/// </summary>
public sealed class SozialDatabase
{
    private readonly Func<SozialDbContext> _createContext;
    private readonly SemaphoreSlim _sqliteWriter = new(1, 1);

    private SozialDatabase(StorageOptions storage, DbContextOptions options, DataProtector protector)
    {
        Options = storage;
        // Contexts come from a pool: setting up a new context's services costs more than a small query (portal page views).
        _createContext = storage.Provider switch
        {
            StorageProvider.Postgres => new PooledDbContextFactory<PostgresSozialDbContext>((DbContextOptions<PostgresSozialDbContext>)options).CreateDbContext,
            _ => new PooledDbContextFactory<SqliteSozialDbContext>((DbContextOptions<SqliteSozialDbContext>)options).CreateDbContext,
        };
        Protector = protector;
    }

    public StorageOptions Options { get; }
    public StorageProvider Provider => Options.Provider;
    public DataProtector Protector { get; private set; }

    /// <summary>Opens the database, creating and migrating it to the newest schema.</summary>
    public static async Task<SozialDatabase> OpenAsync(StorageOptions storage, CancellationToken cancellationToken = default, params IInterceptor[] interceptors)
    {
        Directory.CreateDirectory(storage.DataDirectory);
        var keys = new DataProtector(EncryptionKeys.Load(storage));
        var options = BuildOptions(storage, interceptors);
        var database = new SozialDatabase(storage, options, keys);
        await using (var context = database.CreateContext())
        {
            await context.Database.MigrateAsync(cancellationToken);
            if (storage.Provider == StorageProvider.Sqlite)
                await context.Database.ExecuteSqlRawAsync(SqlitePragmas.WriteAheadLog, cancellationToken);
        }

        database.Protector = new DataProtector(keys.Ring, await IndexRoots.LoadOrCreateAsync(database, keys, cancellationToken));
        return database;
    }

    /// <summary>
    /// Waits for this process's turn to write, on SQLite only: SQLite has one writer at a time, and queueing
    /// here is far cheaper than many connections retrying on "database is locked". PostgreSQL needs no gate.
    /// </summary>
    public async ValueTask<IDisposable> EnterWriteAsync(CancellationToken cancellationToken)
    {
        if (Provider != StorageProvider.Sqlite) return NoGate.Instance;
        await _sqliteWriter.WaitAsync(cancellationToken);
        return new GateLease(_sqliteWriter);
    }

    /// <summary>A context from the pool; disposing it returns it.</summary>
    public SozialDbContext CreateContext() => _createContext();

    private static DbContextOptions BuildOptions(StorageOptions storage, IInterceptor[] interceptors)
    {
        if (storage.Provider == StorageProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(storage.ConnectionString))
                throw new StorageConfigurationException("Storage:Provider is Postgres but Storage:ConnectionString is empty.");
            return new DbContextOptionsBuilder<PostgresSozialDbContext>()
                .UseNpgsql(storage.ConnectionString)
                .AddInterceptors(interceptors)
                .Options;
        }

        return new DbContextOptionsBuilder<SqliteSozialDbContext>()
            .UseSqlite(storage.SqliteConnectionString())
            .AddInterceptors([new SqlitePragmas(), .. interceptors])
            .Options;
    }
}

internal sealed class GateLease(SemaphoreSlim gate) : IDisposable
{
    private int _released;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
    }
}

internal sealed class NoGate : IDisposable
{
    public static readonly NoGate Instance = new();

    public void Dispose() { }
}

/// <summary>The storage configuration cannot work; the message says which setting is wrong.</summary>
public sealed class StorageConfigurationException(string message) : Exception(message);
