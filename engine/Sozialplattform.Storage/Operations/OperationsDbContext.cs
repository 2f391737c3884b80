using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Sozialplattform.Storage.Database;

namespace Sozialplattform.Storage.Operations;

/// <summary>
/// What several hosts of the platform share to run as one: the Data Protection key ring (cookies, antiforgery), the
/// leases of sweep jobs, shared secrets (the case API's token keys) and the catalog's shared home (published form
/// versions, designer drafts, author accounts, the blocks and code lists of FIM uploads). In the platform's database with its own migrations history table, so these tables never touch
/// the platform's migration snapshot.
/// </summary>
public abstract class OperationsDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public const string HistoryTable = "__operations_migrations";

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<JobLease> JobLeases => Set<JobLease>();
    public DbSet<SharedSecret> SharedSecrets => Set<SharedSecret>();
    public DbSet<PublishedFormVersion> PublishedFormVersions => Set<PublishedFormVersion>();
    public DbSet<DesignerDraftRow> DesignerDrafts => Set<DesignerDraftRow>();
    public DbSet<DesignerAuthorRow> DesignerAuthors => Set<DesignerAuthorRow>();
    public DbSet<SharedCatalogFile> SharedCatalogFiles => Set<SharedCatalogFile>();
    public DbSet<DesignerProposalRow> DesignerProposals => Set<DesignerProposalRow>();
    public DbSet<TenantRoutingEditRow> TenantRoutingEdits => Set<TenantRoutingEditRow>();
    public DbSet<UsageCounterRow> UsageCounters => Set<UsageCounterRow>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<DataProtectionKey>(e =>
        {
            e.ToTable("data_protection_keys");
            e.HasKey(k => k.Id);
            e.Property(k => k.FriendlyName).HasMaxLength(200);
        });
        model.Entity<JobLease>(e =>
        {
            e.ToTable("job_leases");
            e.HasKey(l => l.Job);
            e.Property(l => l.Job).HasMaxLength(100);
            e.Property(l => l.Holder).HasMaxLength(200);
        });
        model.Entity<SharedSecret>(e =>
        {
            e.ToTable("shared_secrets");
            e.HasKey(s => s.Name);
            e.Property(s => s.Name).HasMaxLength(100);
        });
        model.Entity<PublishedFormVersion>(e =>
        {
            e.ToTable("published_form_versions");
            e.HasKey(v => new { v.FormId, v.Version });
            e.Property(v => v.FormId).HasMaxLength(100);
            e.Property(v => v.Version).HasMaxLength(40);
            e.Property(v => v.ContentHash).HasMaxLength(100);
            e.Property(v => v.PublishedBy).HasMaxLength(200);
            e.Property(v => v.ProposedBy).HasMaxLength(300).HasDefaultValue("");
            e.Property(v => v.ApprovedBy).HasMaxLength(300).HasDefaultValue("");
            e.Property(v => v.ServiceFiles).HasDefaultValue("{}");
        });
        model.Entity<DesignerDraftRow>(e =>
        {
            e.ToTable("designer_drafts");
            e.HasKey(d => d.FormId);
            e.Property(d => d.FormId).HasMaxLength(100);
            e.Property(d => d.ETag).HasMaxLength(100);
            e.Property(d => d.BaseVersion).HasMaxLength(40);
            e.Property(d => d.SavedBy).HasMaxLength(200);
        });
        model.Entity<DesignerAuthorRow>(e =>
        {
            e.ToTable("designer_authors");
            e.HasKey(a => a.Login);
            e.Property(a => a.Login).HasMaxLength(300);
            e.Property(a => a.DisplayName).HasMaxLength(300);
            e.Property(a => a.Role).HasMaxLength(20).HasDefaultValue("editor");
        });
        model.Entity<DesignerProposalRow>(e =>
        {
            e.ToTable("designer_proposals");
            e.HasKey(p => p.Id);
            e.Property(p => p.Id).HasMaxLength(40);
            e.Property(p => p.FormId).HasMaxLength(100);
            e.Property(p => p.ETag).HasMaxLength(100);
            e.Property(p => p.Version).HasMaxLength(40);
            e.Property(p => p.Status).HasMaxLength(20);
            e.Property(p => p.ProposedBy).HasMaxLength(300);
            e.Property(p => p.ReviewedBy).HasMaxLength(300);
            e.Property(p => p.Comment).HasMaxLength(2000);
            e.Property(p => p.PublishedBy).HasMaxLength(300);
            e.Property(p => p.ServiceFiles).HasMaxLength(100);
            e.HasIndex(p => new { p.FormId, p.Status });
        });
        model.Entity<SharedCatalogFile>(e =>
        {
            e.ToTable("shared_catalog_files");
            e.HasKey(f => f.Path);
            e.Property(f => f.Path).HasMaxLength(300);
            e.Property(f => f.ContentHash).HasMaxLength(100);
            e.Property(f => f.AddedBy).HasMaxLength(200);
        });
        model.Entity<TenantRoutingEditRow>(e =>
        {
            e.ToTable("tenant_routing_edits");
            e.HasKey(r => r.Id);
            e.Property(r => r.TenantId).HasMaxLength(100);
            e.Property(r => r.Service).HasMaxLength(100);
            e.Property(r => r.Role).HasMaxLength(100);
            e.Property(r => r.SavedBy).HasMaxLength(300);
            e.HasIndex(r => new { r.TenantId, r.Service, r.Revision }).IsUnique();
        });
        model.Entity<UsageCounterRow>(e =>
        {
            e.ToTable("usage_counters");
            e.HasKey(c => new { c.Day, c.FormId, c.FormVersion, c.PageId, c.Kind, c.Detail });
            e.Property(c => c.Day).HasMaxLength(10);
            e.Property(c => c.FormId).HasMaxLength(100);
            e.Property(c => c.FormVersion).HasMaxLength(40);
            e.Property(c => c.PageId).HasMaxLength(100);
            e.Property(c => c.Kind).HasMaxLength(20);
            e.Property(c => c.Detail).HasMaxLength(300);
            e.HasIndex(c => new { c.FormId, c.FormVersion });
        });
    }
}

public sealed class SqliteOperationsDbContext(DbContextOptions<SqliteOperationsDbContext> options) : OperationsDbContext(options);

public sealed class PostgresOperationsDbContext(DbContextOptions<PostgresOperationsDbContext> options) : OperationsDbContext(options);

/// <summary>Lets <c>dotnet ef migrations add … --context SqliteOperationsDbContext</c> build the context without a host.</summary>
internal sealed class SqliteOperationsDesignTimeFactory : IDesignTimeDbContextFactory<SqliteOperationsDbContext>
{
    public SqliteOperationsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteOperationsDbContext>().UseSqlite("Data Source=design-time.db", o => o.MigrationsHistoryTable(OperationsDbContext.HistoryTable)).Options);
}

internal sealed class PostgresOperationsDesignTimeFactory : IDesignTimeDbContextFactory<PostgresOperationsDbContext>
{
    public PostgresOperationsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresOperationsDbContext>().UseNpgsql("Host=localhost;Database=design_time", o => o.MigrationsHistoryTable(OperationsDbContext.HistoryTable)).Options);
}

/// <summary>Opens the operations tables in the platform's database and applies their migrations.</summary>
public sealed class OperationsDatabase
{
    private readonly Func<OperationsDbContext> _create;

    private OperationsDatabase(SozialDatabase platform, Func<OperationsDbContext> create)
    {
        Platform = platform;
        _create = create;
    }

    public SozialDatabase Platform { get; }

    public OperationsDbContext CreateContext() => _create();

    public static async Task<OperationsDatabase> OpenAsync(SozialDatabase platform, CancellationToken cancellationToken = default)
    {
        var create = AreaContexts.Factory<OperationsDbContext, SqliteOperationsDbContext, PostgresOperationsDbContext>(platform.Options, OperationsDbContext.HistoryTable);
        var database = new OperationsDatabase(platform, create);
        await using var context = database.CreateContext();
        await context.Database.MigrateAsync(cancellationToken);
        return database;
    }

    /// <summary>Migrations of this context not yet applied (empty when the schema is current).</summary>
    public async Task<IReadOnlyList<string>> PendingMigrationsAsync(CancellationToken cancellationToken = default)
    {
        await using var context = CreateContext();
        return [.. await context.Database.GetPendingMigrationsAsync(cancellationToken)];
    }
}
