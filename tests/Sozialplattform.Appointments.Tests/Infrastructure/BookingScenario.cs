using Microsoft.EntityFrameworkCore;
using NodaTime;
using Sozialplattform.Appointments.Booking;
using Sozialplattform.Appointments.Storage;
using Sozialplattform.Delivery.Tests.Infrastructure;
using static Sozialplattform.Appointments.Tests.Infrastructure.TestSchedules;

namespace Sozialplattform.Appointments.Tests.Infrastructure;

/// <summary>
/// A centre in Köln on a fresh real database: Anna and Ben work Monday to Friday 09:00–12:00, the first meeting lasts
/// 50 minutes plus 10 minutes after; the clock stands at Monday 2026-12-07 06:30 (Berlin) until the test moves it.
/// </summary>
public sealed class BookingScenario
{
    private BookingScenario(AppointmentsDatabase database, AppointmentSetup setup, BookingStore store, ManualClock clock)
    {
        Database = database;
        Setup = setup;
        Store = store;
        Clock = clock;
    }

    public AppointmentsDatabase Database { get; }
    public AppointmentSetup Setup { get; }
    public BookingStore Store { get; }
    public ManualClock Clock { get; }
    public Guid TypeId => FirstMeeting().Id;

    public static async Task<BookingScenario> CreateAsync(DatabaseTarget target)
    {
        var database = await AppointmentsDatabase.OpenAsync(await target.FreshAsync());
        await using (var context = database.CreateContext())
        {
            await context.Cells.ExecuteDeleteAsync();
            await context.Bookings.ExecuteDeleteAsync();
            await context.Types.ExecuteDeleteAsync();
            await context.Counsellors.ExecuteDeleteAsync();
            await context.Owners.ExecuteDeleteAsync();
        }

        var setup = new AppointmentSetup(database);
        (await setup.SaveOwnerAsync(Centre, "nrw", "Beratung Mitte", Nrw)).ShouldBeEmpty();
        (await setup.SaveCounsellorAsync(Counsellor(Anna, "Anna"))).ShouldBeEmpty();
        (await setup.SaveCounsellorAsync(Counsellor(Ben, "Ben"))).ShouldBeEmpty();
        (await setup.SaveTypeAsync(FirstMeeting(Anna))).ShouldBeEmpty();
        var clock = new ManualClock(At(2026, 12, 7, 6, 30).ToDateTimeOffset());
        return new BookingScenario(database, setup, new BookingStore(database, setup, new BookingOptions(), clock), clock);
    }

    public static readonly Instant MondayNine = At(2026, 12, 7, 9);
    public static readonly Instant MondayTen = At(2026, 12, 7, 10);
    public static readonly Instant MondayEleven = At(2026, 12, 7, 11);

    public Task<BookingOutcome> BookAsync(Instant start, string name = "Kim", string? email = null, Guid? counsellor = null) =>
        Store.BookAsync(new BookingRequest(TypeId, counsellor ?? Anna, start, name, email, "de"));

    public async Task<(int Bookings, int Cells)> CountAsync()
    {
        await using var context = Database.CreateContext();
        return (await context.Bookings.CountAsync(), await context.Cells.CountAsync());
    }
}
