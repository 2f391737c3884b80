using BenchmarkDotNet.Attributes;
using NodaTime;
using Sozialplattform.Appointments.Domain;
using Sozialplattform.Appointments.Slots;

namespace Sozialplattform.Benchmarks.Appointments;

/// <summary>
/// The free slots of a team of 10 counsellors over 60 days with 500 existing bookings (each with a buffer), round
/// robin — what the slots page and every booking's check compute. Target: ≤ 5 ms median.
/// </summary>
[MemoryDiagnoser]
public class SlotEngineBenchmarks
{
    private SlotQuery _query = null!;

    [GlobalSetup]
    public void Setup()
    {
        var centre = Guid.NewGuid();
        var weekdays = new[] { IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday };
        var counsellors = Enumerable.Range(0, 10).Select(i => new Counsellor
        {
            Id = Guid.NewGuid(), CentreId = centre, DisplayName = $"Beratung {i}",
            Weekly = [.. weekdays.SelectMany(d => new[] { new WeeklyWindow(d, new LocalTime(8, 0), new LocalTime(12, 30)), new WeeklyWindow(d, new LocalTime(13, 30), new LocalTime(17, 0)) })],
            Exceptions = [new DateException(new LocalDate(2027, 2, 1).PlusDays(i * 3), Blocked: true)],
        }).ToList();
        var type = new AppointmentType
        {
            Id = Guid.NewGuid(), CentreId = centre, Title = new Dictionary<string, string> { ["de"] = "Erstgespräch" },
            Length = Duration.FromMinutes(50), BufferAfter = Duration.FromMinutes(10), Interval = Duration.FromMinutes(15),
            MinimumNotice = Duration.FromHours(2), HorizonDays = 60, MaxPerDay = 6, Counsellors = [.. counsellors.Select(c => c.Id)],
        };
        var now = SlotEngine.Berlin.AtStrictly(new LocalDateTime(2027, 1, 11, 7, 0)).ToInstant();
        _query = new SlotQuery(type, counsellors, "05", [], now);

        var random = new Random(15);
        var busy = new List<Busy>();
        while (busy.Count < 500)
        {
            var free = SlotEngine.FreeSlots(_query with { Busy = busy });
            var slot = free[random.Next(free.Count)];
            var (from, until) = type.Blocked(slot.Start);
            busy.Add(new Busy(slot.CounsellorId, type.Id, slot.Start, from, until));
        }

        _query = _query with { Busy = busy };
        Console.WriteLine($"// {busy.Count} bookings, {SlotEngine.FreeSlots(_query).Count} free slots offered");
    }

    [Benchmark]
    public int FreeSlots() => SlotEngine.FreeSlots(_query).Count;
}
