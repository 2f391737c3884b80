using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Sozialplattform.Storage.Database;

namespace Sozialplattform.Appointments.Storage;

/// <summary>
/// The appointments' tables, in the platform's database (same file or server) with their own migrations and history
/// table <c>__appointments_migrations</c> — the pattern of the centres' tables, so neither area touches the other's
/// or the platform's migration snapshot.
/// </summary>
public abstract class AppointmentsDbContext(DbContextOptions options) : DbContext(options)
{
    public const string HistoryTable = "__appointments_migrations";

    public DbSet<CalendarOwnerRow> Owners => Set<CalendarOwnerRow>();
    public DbSet<AppointmentTypeRow> Types => Set<AppointmentTypeRow>();
    public DbSet<CounsellorRow> Counsellors => Set<CounsellorRow>();
    public DbSet<BookingRow> Bookings => Set<BookingRow>();
    public DbSet<BookingCellRow> Cells => Set<BookingCellRow>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<CalendarOwnerRow>(e =>
        {
            e.ToTable("appointment_owners");
            e.HasKey(o => o.CentreId);
            e.Property(o => o.Tenant).HasMaxLength(64);
            e.Property(o => o.NeutralName).HasMaxLength(120);
            e.Property(o => o.State).HasMaxLength(2);
            e.Property(o => o.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(o => o.AuthorityId).HasMaxLength(64);
            e.HasIndex(o => new { o.Tenant, o.AuthorityId });
        });
        model.Entity<AppointmentTypeRow>(e =>
        {
            e.ToTable("appointment_types");
            e.HasKey(t => t.Id);
            e.HasIndex(t => t.CentreId);
        });
        model.Entity<CounsellorRow>(e =>
        {
            e.ToTable("appointment_counsellors");
            e.HasKey(c => c.Id);
            e.HasIndex(c => c.CentreId);
            e.Property(c => c.DisplayName).HasMaxLength(200);
            e.Property(c => c.FeedTokenHash).HasMaxLength(64);
        });
        model.Entity<BookingRow>(e =>
        {
            e.ToTable("appointment_bookings");
            e.HasKey(b => b.Id);
            e.Property(b => b.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(b => b.Language).HasMaxLength(8);
            e.Property(b => b.CodeHash).HasMaxLength(64);
            e.Property(b => b.ManageTokenHash).HasMaxLength(64);
            e.Property(b => b.ConfirmTokenHash).HasMaxLength(64);
            e.Property(b => b.OwnerToken).HasMaxLength(32);
            e.HasIndex(b => b.OwnerToken);
            e.Property(b => b.Sequence).IsConcurrencyToken();
            e.HasIndex(b => b.CodeHash).IsUnique();
            e.HasIndex(b => new { b.CounsellorId, b.Start });
            e.HasIndex(b => new { b.CentreId, b.Start });
        });
        model.Entity<BookingCellRow>(e =>
        {
            e.ToTable("appointment_booking_cells");
            e.HasKey(c => new { c.CounsellorId, c.Cell });
            e.HasIndex(c => c.BookingId);
        });
    }
}

public sealed class SqliteAppointmentsDbContext(DbContextOptions<SqliteAppointmentsDbContext> options) : AppointmentsDbContext(options);

public sealed class PostgresAppointmentsDbContext(DbContextOptions<PostgresAppointmentsDbContext> options) : AppointmentsDbContext(options);

/// <summary>Lets <c>dotnet ef migrations add … --context SqliteAppointmentsDbContext</c> build the context without a host.</summary>
internal sealed class SqliteAppointmentsDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppointmentsDbContext>
{
    public SqliteAppointmentsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAppointmentsDbContext>().UseSqlite("Data Source=design-time.db", o => o.MigrationsHistoryTable(AppointmentsDbContext.HistoryTable)).Options);
}

internal sealed class PostgresAppointmentsDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppointmentsDbContext>
{
    public PostgresAppointmentsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAppointmentsDbContext>().UseNpgsql("Host=localhost;Database=design_time", o => o.MigrationsHistoryTable(AppointmentsDbContext.HistoryTable)).Options);
}

/// <summary>Opens the appointments' tables in the platform's database and applies their migrations.</summary>
public sealed class AppointmentsDatabase
{
    private readonly Func<AppointmentsDbContext> _create;

    private AppointmentsDatabase(SozialDatabase platform, Func<AppointmentsDbContext> create)
    {
        Platform = platform;
        _create = create;
    }

    /// <summary>The platform database: its data protector encrypts names and addresses, its write gate serialises SQLite writers.</summary>
    public SozialDatabase Platform { get; }

    public AppointmentsDbContext CreateContext() => _create();

    public static async Task<AppointmentsDatabase> OpenAsync(SozialDatabase platform, CancellationToken cancellationToken = default)
    {
        var database = new AppointmentsDatabase(platform,
            AreaContexts.Factory<AppointmentsDbContext, SqliteAppointmentsDbContext, PostgresAppointmentsDbContext>(platform.Options, AppointmentsDbContext.HistoryTable));
        await using var context = database.CreateContext();
        await context.Database.MigrateAsync(cancellationToken);
        return database;
    }
}
