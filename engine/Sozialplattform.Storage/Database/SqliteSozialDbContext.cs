using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Sozialplattform.Storage.Database;

/// <summary>The SQLite flavour of the model; its migrations live in <c>Migrations/Sqlite</c>.</summary>
public sealed class SqliteSozialDbContext(DbContextOptions<SqliteSozialDbContext> options) : SozialDbContext(options)
{
    public override StorageProvider Provider => StorageProvider.Sqlite;
}

/// <summary>Lets <c>dotnet ef migrations add … --context SqliteSozialDbContext</c> build the context without a host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSozialDbContext>
{
    public SqliteSozialDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteSozialDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
