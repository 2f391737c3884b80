using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Sozialplattform.Storage.Crypto;

namespace Sozialplattform.Storage.Database;

/// <summary>
/// The one entry point to storage: opens the configured provider, applies its migrations and hands out
/// short-lived contexts plus the data protector. Thread-safe; create one per process.
/// </summary>
public sealed class SozialDatabase
{
    private readonly DbContextOptions _options;

    private SozialDatabase(StorageOptions storage, DbContextOptions options, DataProtector protector)
    {
        Options = storage;
        _options = options;
        Protector = protector;
    }

    public StorageOptions Options { get; }
    public StorageProvider Provider => Options.Provider;
    public DataProtector Protector { get; }

    /// <summary>Opens the database, creating and migrating it to the newest schema.</summary>
    public static async Task<SozialDatabase> OpenAsync(StorageOptions storage, CancellationToken cancellationToken = default, params IInterceptor[] interceptors)
    {
        Directory.CreateDirectory(storage.DataDirectory);
        var protector = new DataProtector(EncryptionKeys.Load(storage));
        var options = BuildOptions(storage, interceptors);
        var database = new SozialDatabase(storage, options, protector);
        await using var context = database.CreateContext();
        await context.Database.MigrateAsync(cancellationToken);
        if (storage.Provider == StorageProvider.Sqlite)
            await context.Database.ExecuteSqlRawAsync(SqlitePragmas.WriteAheadLog, cancellationToken);
        return database;
    }

    public SozialDbContext CreateContext() => Options.Provider switch
    {
        StorageProvider.Postgres => new PostgresSozialDbContext((DbContextOptions<PostgresSozialDbContext>)_options),
        _ => new SqliteSozialDbContext((DbContextOptions<SqliteSozialDbContext>)_options),
    };

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

/// <summary>The storage configuration cannot work; the message says which setting is wrong.</summary>
public sealed class StorageConfigurationException(string message) : Exception(message);
