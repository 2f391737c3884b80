using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Sozialplattform.Storage.Database;

namespace Sozialplattform.Counselling.Storage;

/// <summary>
/// The online counselling's tables, in the platform's database (same file or server) with their own migrations and
/// history table <c>__counselling_migrations</c> — the pattern of the centres' and appointments' tables, so no area
/// touches another's or the platform's migration snapshot.
/// </summary>
public abstract class CounsellingDbContext(DbContextOptions options) : DbContext(options)
{
    public const string HistoryTable = "__counselling_migrations";

    public DbSet<SeekerRow> Seekers => Set<SeekerRow>();
    public DbSet<ConversationRow> Conversations => Set<ConversationRow>();
    public DbSet<MessageRow> Messages => Set<MessageRow>();
    public DbSet<AttachmentRow> Attachments => Set<AttachmentRow>();
    public DbSet<TeamMemberRow> Team => Set<TeamMemberRow>();
    public DbSet<AbsenceRow> Absences => Set<AbsenceRow>();
    public DbSet<CentreSettingsRow> CentreSettings => Set<CentreSettingsRow>();
    public DbSet<TextBlockRow> TextBlocks => Set<TextBlockRow>();
    public DbSet<VideoCallRow> VideoCalls => Set<VideoCallRow>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<SeekerRow>(e =>
        {
            e.ToTable("counselling_seekers");
            e.HasKey(s => s.Id);
            e.Property(s => s.Tenant).HasMaxLength(64);
            e.Property(s => s.PseudonymIndex).HasMaxLength(64);
            e.Property(s => s.PasswordHash).HasMaxLength(200);
            e.Property(s => s.RecoveryCodeHash).HasMaxLength(64);
            e.Property(s => s.Language).HasMaxLength(8);
            e.Property(s => s.SecurityStamp).HasMaxLength(64);
            e.HasIndex(s => new { s.Tenant, s.PseudonymIndex }).IsUnique();
        });
        model.Entity<ConversationRow>(e =>
        {
            e.ToTable("counselling_conversations");
            e.HasKey(c => c.Id);
            e.Property(c => c.Tenant).HasMaxLength(64);
            e.Property(c => c.Topic).HasMaxLength(64);
            e.Property(c => c.State).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(c => c.SeekerId);
            e.HasIndex(c => new { c.CentreId, c.State });
        });
        model.Entity<MessageRow>(e =>
        {
            e.ToTable("counselling_messages");
            e.HasKey(m => m.Id);
            e.Property(m => m.Author).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(m => new { m.ConversationId, m.At });
        });
        model.Entity<AttachmentRow>(e =>
        {
            e.ToTable("counselling_attachments");
            e.HasKey(a => a.Id);
            e.Property(a => a.MediaType).HasMaxLength(64);
            e.Property(a => a.Sha256).HasMaxLength(64);
            e.HasIndex(a => new { a.ConversationId, a.MessageId });
        });
        model.Entity<TeamMemberRow>(e =>
        {
            e.ToTable("counselling_team");
            e.HasKey(t => new { t.AccountId, t.CentreId });
            e.Property(t => t.Role).HasConversion<string>().HasMaxLength(16);
            e.Property(t => t.DisplayName).HasMaxLength(40);
            e.HasIndex(t => t.CentreId);
        });
        model.Entity<AbsenceRow>(e =>
        {
            e.ToTable("counselling_absences");
            e.HasKey(a => new { a.AccountId, a.CentreId });
            e.HasIndex(a => new { a.CentreId, a.DeputyId });
        });
        model.Entity<CentreSettingsRow>(e =>
        {
            e.ToTable("counselling_centre_settings");
            e.HasKey(c => c.CentreId);
        });
        model.Entity<TextBlockRow>(e =>
        {
            e.ToTable("counselling_text_blocks");
            e.HasKey(b => b.Id);
            e.Property(b => b.Title).HasMaxLength(80);
            e.HasIndex(b => b.CentreId);
        });
        model.Entity<VideoCallRow>(e =>
        {
            e.ToTable("counselling_video_calls");
            e.HasKey(v => v.Id);
            e.Property(v => v.State).HasConversion<string>().HasMaxLength(16);
            e.Property(v => v.CounsellorConnection).HasMaxLength(64);
            e.Property(v => v.SeekerConnection).HasMaxLength(64);
            e.HasIndex(v => new { v.ConversationId, v.State });
        });
    }
}

public sealed class SqliteCounsellingDbContext(DbContextOptions<SqliteCounsellingDbContext> options) : CounsellingDbContext(options);

public sealed class PostgresCounsellingDbContext(DbContextOptions<PostgresCounsellingDbContext> options) : CounsellingDbContext(options);

/// <summary>Lets <c>dotnet ef migrations add … --context SqliteCounsellingDbContext</c> build the context without a host.</summary>
internal sealed class SqliteCounsellingDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCounsellingDbContext>
{
    public SqliteCounsellingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCounsellingDbContext>().UseSqlite("Data Source=design-time.db", o => o.MigrationsHistoryTable(CounsellingDbContext.HistoryTable)).Options);
}

internal sealed class PostgresCounsellingDesignTimeFactory : IDesignTimeDbContextFactory<PostgresCounsellingDbContext>
{
    public PostgresCounsellingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresCounsellingDbContext>().UseNpgsql("Host=localhost;Database=design_time", o => o.MigrationsHistoryTable(CounsellingDbContext.HistoryTable)).Options);
}

/// <summary>Opens the counselling's tables in the platform's database and applies their migrations.</summary>
public sealed class CounsellingDatabase
{
    private readonly Func<CounsellingDbContext> _create;

    private CounsellingDatabase(SozialDatabase platform, Func<CounsellingDbContext> create)
    {
        Platform = platform;
        _create = create;
    }

    /// <summary>The platform database: its data protector wraps the conversation keys, its write gate serialises SQLite writers, its audit log records access.</summary>
    public SozialDatabase Platform { get; }

    public CounsellingDbContext CreateContext() => _create();

    public static async Task<CounsellingDatabase> OpenAsync(SozialDatabase platform, CancellationToken cancellationToken = default)
    {
        var database = new CounsellingDatabase(platform,
            AreaContexts.Factory<CounsellingDbContext, SqliteCounsellingDbContext, PostgresCounsellingDbContext>(platform.Options, CounsellingDbContext.HistoryTable));
        await using var context = database.CreateContext();
        await context.Database.MigrateAsync(cancellationToken);
        return database;
    }
}
