using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Sozialplattform.Centres.Accounts;
using Sozialplattform.Storage.Database;

namespace Sozialplattform.Centres.Storage;

/// <summary>
/// The centres' tables, in the platform's database (same file or server) but with their own migrations and history
/// table, so this area's schema changes never touch the platform's migrations.
/// </summary>
public abstract class CentresDbContext(DbContextOptions options) : DbContext(options)
{
    public const string HistoryTable = "__centres_migrations";

    public DbSet<CentreRow> Centres => Set<CentreRow>();
    public DbSet<CentreChangeRow> Changes => Set<CentreChangeRow>();
    public DbSet<CentreAccountRow> Accounts => Set<CentreAccountRow>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<CentreRow>(e =>
        {
            e.ToTable("centres");
            e.HasKey(c => c.Id);
            e.Property(c => c.Tenant).HasMaxLength(64);
            e.Property(c => c.ExternalId).HasMaxLength(300);
            e.Property(c => c.CarrierKey).HasMaxLength(300);
            e.Property(c => c.Name).HasMaxLength(200);
            e.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(c => c.Revision).IsConcurrencyToken();
            e.HasIndex(c => new { c.Tenant, c.ExternalId }).IsUnique();
            e.HasIndex(c => new { c.Tenant, c.CarrierKey });
            // the cross-host change check sums the revisions of a tenant's centres: from the index, not the rows with their JSON
            e.HasIndex(c => new { c.Tenant, c.Revision });
        });
        model.Entity<CentreChangeRow>(e =>
        {
            e.ToTable("centre_changes");
            e.HasKey(c => c.Id);
            e.HasIndex(c => new { c.CentreId, c.Id });
            e.Property(c => c.Who).HasMaxLength(200);
            e.Property(c => c.Action).HasMaxLength(32);
            e.Property(c => c.Field).HasMaxLength(300);
        });
        model.Entity<CentreAccountRow>(e =>
        {
            e.ToTable("centre_accounts");
            e.HasKey(a => a.Id);
            e.HasIndex(a => new { a.Tenant, a.Login }).IsUnique();
            e.Property(a => a.Tenant).HasMaxLength(64);
            e.Property(a => a.Login).HasMaxLength(200);
            e.Property(a => a.DisplayName).HasMaxLength(200);
            e.Property(a => a.CarrierKey).HasMaxLength(300);
            e.Property(a => a.Role).HasConversion<string>().HasMaxLength(16);
            e.Property(a => a.SecurityStamp).HasMaxLength(64);
            e.Property(a => a.Email).HasMaxLength(CentreAccounts.EmailLength);
        });
    }
}

public sealed class SqliteCentresDbContext(DbContextOptions<SqliteCentresDbContext> options) : CentresDbContext(options);

public sealed class PostgresCentresDbContext(DbContextOptions<PostgresCentresDbContext> options) : CentresDbContext(options);

/// <summary>Lets <c>dotnet ef migrations add … --context SqliteCentresDbContext</c> build the context without a host.</summary>
internal sealed class SqliteCentresDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCentresDbContext>
{
    public SqliteCentresDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCentresDbContext>().UseSqlite("Data Source=design-time.db", o => o.MigrationsHistoryTable(CentresDbContext.HistoryTable)).Options);
}

internal sealed class PostgresCentresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresCentresDbContext>
{
    public PostgresCentresDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresCentresDbContext>().UseNpgsql("Host=localhost;Database=design_time", o => o.MigrationsHistoryTable(CentresDbContext.HistoryTable)).Options);
}

/// <summary>Opens the centres' tables in the platform's database and applies their migrations.</summary>
public sealed class CentresDatabase
{
    private readonly Func<CentresDbContext> _create;

    private CentresDatabase(SozialDatabase platform, Func<CentresDbContext> create)
    {
        Platform = platform;
        _create = create;
    }

    public SozialDatabase Platform { get; }

    public CentresDbContext CreateContext() => _create();

    public static async Task<CentresDatabase> OpenAsync(SozialDatabase platform, CancellationToken cancellationToken = default)
    {
        var create = AreaContexts.Factory<CentresDbContext, SqliteCentresDbContext, PostgresCentresDbContext>(platform.Options, CentresDbContext.HistoryTable);
        var database = new CentresDatabase(platform, create);
        await using var context = database.CreateContext();
        await context.Database.MigrateAsync(cancellationToken);
        return database;
    }
}
