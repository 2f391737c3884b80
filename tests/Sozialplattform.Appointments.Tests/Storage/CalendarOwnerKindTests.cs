using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Sozialplattform.Appointments.Keeping;
using Sozialplattform.Appointments.Storage;
using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Storage.Database;

namespace Sozialplattform.Appointments.Tests.Storage;

/// <summary>
/// The owner kind of a calendar on the real databases: calendars made before authorities could own one become centre
/// calendars by the migration, with everything else as it was; an authority's calendar keeps its kind and authority
/// through later saves.
/// </summary>
public abstract class CalendarOwnerKindTests(DatabaseTarget target)
{
    [SkippableFact]
    public async Task A_calendar_made_before_owner_kinds_is_migrated_to_a_centre_calendar_unchanged()
    {
        var platform = await target.FreshAsync();
        var centreId = Guid.NewGuid();
        var create = AreaContexts.Factory<AppointmentsDbContext, SqliteAppointmentsDbContext, PostgresAppointmentsDbContext>(platform.Options, AppointmentsDbContext.HistoryTable);
        await using (var context = create())
        {
            var before = context.Database.GetMigrations().Single(m => m.EndsWith("_BookingAnswersAndOwner", StringComparison.Ordinal));
            await context.GetService<IMigrator>().MigrateAsync(before);
            var id = target.Provider == StorageProvider.Sqlite ? (object)centreId.ToString().ToUpperInvariant() : centreId;
            await context.Database.ExecuteSqlRawAsync(
                "INSERT INTO appointment_owners (\"CentreId\", \"Tenant\", \"NeutralName\", \"State\") VALUES ({0}, 'nrw', 'Beratung Mitte', '05')", id);
        }

        var database = await AppointmentsDatabase.OpenAsync(platform);

        var owner = (await new AppointmentSetup(database).OwnerAsync(centreId)).ShouldNotBeNull();
        (owner.Kind, owner.AuthorityId, owner.Tenant, owner.NeutralName, owner.State).ShouldBe((OwnerKind.Centre, (string?)null, "nrw", "Beratung Mitte", "05"));
    }

    [SkippableFact]
    public async Task An_authority_calendar_keeps_its_kind_and_authority_when_its_name_is_saved_again()
    {
        var database = await AppointmentsDatabase.OpenAsync(await target.FreshAsync());
        var calendarId = Guid.NewGuid();
        var setup = new AppointmentSetup(database);
        (await setup.SaveOwnerAsync(calendarId, "nrw", "Sozialamt Sprechstunde", "05", OwnerKind.Authority, "sozialamt-a")).ShouldBeEmpty();

        (await setup.SaveOwnerAsync(calendarId, "nrw", "Sozialamt Beratungszeit", null)).ShouldBeEmpty(); // the setup page saves without a kind

        await using var context = database.CreateContext();
        var row = await context.Owners.AsNoTracking().SingleAsync(o => o.CentreId == calendarId);
        (row.Kind, row.AuthorityId, row.NeutralName, row.State).ShouldBe((OwnerKind.Authority, "sozialamt-a", "Sozialamt Beratungszeit", (string?)null));
        (await context.Owners.CountAsync(o => o.Tenant == "nrw" && o.Kind == OwnerKind.Authority && o.AuthorityId == "sozialamt-a")).ShouldBe(1);
    }
}

public sealed class CalendarOwnerKindSqliteTests(SqliteTarget target) : CalendarOwnerKindTests(target), IClassFixture<SqliteTarget>;

public sealed class CalendarOwnerKindPostgresTests(PostgresTarget target) : CalendarOwnerKindTests(target), IClassFixture<PostgresTarget>;
