using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Sozialplattform.Appointments.Booking;
using Sozialplattform.Appointments.Domain;
using Sozialplattform.Appointments.Slots;
using Sozialplattform.Appointments.Storage;
using Sozialplattform.Benchmarks.Delivery;
using Sozialplattform.Storage.Database;

namespace Sozialplattform.Benchmarks.Appointments;

/// <summary>
/// Bookings one after another on SQLite, each the whole step a seeker's request takes: load the type's bookings,
/// check the slot, store the booking with its cells. 200 bookings per iteration (the tables emptied before each).
/// Target: ≥ 200 bookings/s.
/// </summary>
[MemoryDiagnoser]
public class BookingThroughputBenchmarks
{
    private const int Bookings = 200;
    private BookingStore _store = null!;
    private AppointmentsDatabase _database = null!;
    private List<BookingRequest> _requests = null!;
    private Func<Task> _cleanup = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var (platform, cleanup) = await BenchmarkDatabases.CreateAsync(StorageProvider.Sqlite);
        _cleanup = cleanup;
        _database = await AppointmentsDatabase.OpenAsync(platform);
        var setup = new AppointmentSetup(_database);
        var centre = Guid.NewGuid();
        await setup.SaveOwnerAsync(centre, "bench", "Beratung Mitte", "05");
        var all = Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None).ToArray();
        var counsellors = Enumerable.Range(0, 10).Select(i => new Counsellor
        {
            Id = Guid.NewGuid(), CentreId = centre, DisplayName = $"Beratung {i}",
            Weekly = [.. all.Select(d => new WeeklyWindow(d, new LocalTime(8, 0), new LocalTime(18, 0)))],
        }).ToList();
        foreach (var counsellor in counsellors) await setup.SaveCounsellorAsync(counsellor);
        var type = new AppointmentType
        {
            Id = Guid.NewGuid(), CentreId = centre, Title = new Dictionary<string, string> { ["de"] = "Erstgespräch" },
            Length = Duration.FromMinutes(50), BufferAfter = Duration.FromMinutes(10), Interval = Duration.FromMinutes(60),
            MinimumNotice = Duration.FromDays(1), HorizonDays = 60, Counsellors = [.. counsellors.Select(c => c.Id)],
        };
        await setup.SaveTypeAsync(type);
        _store = new BookingStore(_database, setup);
        var free = await _store.FreeSlotsAsync(type.Id);
        // spread over the team and the weeks, as real bookings are
        _requests = Enumerable.Range(0, Bookings).Select(i => free[i * (free.Count / Bookings)])
            .Select((slot, i) => new BookingRequest(type.Id, slot.CounsellorId, slot.Start, $"Person {i}", null, "de")).ToList();
    }

    [IterationSetup]
    public void Empty()
    {
        using var context = _database.CreateContext();
        context.Cells.ExecuteDelete();
        context.Bookings.ExecuteDelete();
    }

    [Benchmark(OperationsPerInvoke = Bookings)]
    public async Task<int> BookOneAfterAnother()
    {
        var booked = 0;
        foreach (var request in _requests)
            if (await _store.BookAsync(request) is Booked) booked++;
        return booked == Bookings ? booked : throw new InvalidOperationException($"only {booked} of {Bookings} booked");
    }

    [GlobalCleanup]
    public Task CleanupAsync() => _cleanup();
}
