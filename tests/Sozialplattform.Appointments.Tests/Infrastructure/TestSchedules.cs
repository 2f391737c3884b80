using NodaTime;
using Sozialplattform.Appointments.Domain;
using Sozialplattform.Appointments.Slots;

namespace Sozialplattform.Appointments.Tests.Infrastructure;

/// <summary>A centre in Köln (NRW) with counsellors who work Monday to Friday 09:00–12:00 and a 50-minute first meeting.</summary>
public static class TestSchedules
{
    public const string Nrw = "05";
    public static readonly Guid Centre = Guid.Parse("00000000-0000-0000-0000-00000000c001");
    public static readonly Guid Anna = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    public static readonly Guid Ben = Guid.Parse("00000000-0000-0000-0000-0000000000b2");

    public static Counsellor Counsellor(Guid id, string name = "Beraterin", params WeeklyWindow[] weekly) => new()
    {
        Id = id,
        CentreId = Centre,
        DisplayName = name,
        Weekly = weekly.Length > 0 ? weekly
            : [.. new[] { IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday }
                .Select(d => new WeeklyWindow(d, new LocalTime(9, 0), new LocalTime(12, 0)))],
    };

    public static AppointmentType FirstMeeting(params Guid[] counsellors) => new()
    {
        Id = Guid.Parse("00000000-0000-0000-0000-00000000e001"),
        CentreId = Centre,
        Title = new Dictionary<string, string> { ["de"] = "Erstgespräch" },
        Length = Duration.FromMinutes(50),
        BufferAfter = Duration.FromMinutes(10),
        MinimumNotice = Duration.FromHours(2),
        Interval = Duration.FromMinutes(30),
        HorizonDays = 14,
        Counsellors = counsellors.Length > 0 ? counsellors : [Anna],
    };

    /// <summary>Local Berlin time as an instant (the earlier one when it exists twice).</summary>
    public static Instant At(int year, int month, int day, int hour, int minute = 0) =>
        SlotEngine.Berlin.AtLeniently(new LocalDateTime(year, month, day, hour, minute)).ToInstant();

    public static string Local(Instant instant) => instant.InZone(SlotEngine.Berlin).ToString("yyyy-MM-dd HH:mm", null);

    public static Busy BusyWith(AppointmentType type, Guid counsellor, Instant start)
    {
        var (from, until) = type.Blocked(start);
        return new Busy(counsellor, type.Id, start, from, until);
    }
}
