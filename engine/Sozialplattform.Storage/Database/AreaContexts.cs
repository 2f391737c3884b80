using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Sozialplattform.Storage.Database;

/// <summary>
/// Contexts of an area's own DbContext (centres, appointments, …) in the platform's database: the same file or server
/// as the platform, pooled, with the area's own migrations history table, so its schema changes never touch the
/// platform's migration snapshot. On SQLite its connections get the platform's pragmas (<see cref="SqlitePragmas"/>). One provider-specific subclass per provider carries the area's migrations.
/// </summary>
public static class AreaContexts
{
    public static Func<TArea> Factory<TArea, TSqlite, TPostgres>(StorageOptions storage, string historyTable)
        where TArea : DbContext
        where TSqlite : TArea
        where TPostgres : TArea
    {
        if (storage.Provider == StorageProvider.Postgres)
            return new PooledDbContextFactory<TPostgres>(new DbContextOptionsBuilder<TPostgres>()
                .UseNpgsql(storage.ConnectionString, o => o.MigrationsHistoryTable(historyTable)).Options).CreateDbContext;
        return new PooledDbContextFactory<TSqlite>(new DbContextOptionsBuilder<TSqlite>()
            .UseSqlite(storage.SqliteConnectionString(), o => o.MigrationsHistoryTable(historyTable))
            .AddInterceptors(new SqlitePragmas()).Options).CreateDbContext;
    }
}
