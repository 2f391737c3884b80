using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Sozialplattform.Storage.Database;

/// <summary>The PostgreSQL flavour of the model; its migrations live in <c>Migrations/Postgres</c>.</summary>
public sealed class PostgresSozialDbContext(DbContextOptions<PostgresSozialDbContext> options) : SozialDbContext(options)
{
    public override StorageProvider Provider => StorageProvider.Postgres;
}

/// <summary>Lets <c>dotnet ef migrations add … --context PostgresSozialDbContext</c> build the context without a server.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresSozialDbContext>
{
    public PostgresSozialDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresSozialDbContext>().UseNpgsql("Host=localhost;Database=design_time").Options);
}
