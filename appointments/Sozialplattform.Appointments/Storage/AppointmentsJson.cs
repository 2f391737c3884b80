using System.Text.Json;
using NodaTime;
using Sozialplattform.Appointments.Domain;
using Sozialplattform.Centres.Records;

namespace Sozialplattform.Appointments.Storage;

/// <summary>
/// The stored JSON of types and schedules, in the centres' JSON conventions (<see cref="CentreJson.Options"/>:
/// camelCase, enums as strings, times "09:00", dates "2026-12-24"); durations in whole minutes.
/// </summary>
public static class AppointmentsJson
{
    public static string WriteType(AppointmentType type) => JsonSerializer.Serialize(new TypeDefinition(
        type.Title, (int)type.Length.TotalMinutes, type.Way, (int)type.BufferBefore.TotalMinutes, (int)type.BufferAfter.TotalMinutes,
        (int)type.MinimumNotice.TotalMinutes, type.HorizonDays, (int)type.Interval.TotalMinutes,
        type.Assignment, type.Counsellors, type.MaxPerDay, type.MaxPerWeek, type.Questions), CentreJson.Options);

    public static AppointmentType ReadType(AppointmentTypeRow row)
    {
        var d = JsonSerializer.Deserialize<TypeDefinition>(row.Definition, CentreJson.Options) ?? throw new JsonException("null is not a type");
        return new AppointmentType
        {
            Id = row.Id, CentreId = row.CentreId, Title = d.Title, Length = Duration.FromMinutes(d.LengthMinutes), Way = d.Way,
            BufferBefore = Duration.FromMinutes(d.BufferBeforeMinutes), BufferAfter = Duration.FromMinutes(d.BufferAfterMinutes),
            MinimumNotice = Duration.FromMinutes(d.MinimumNoticeMinutes), HorizonDays = d.HorizonDays, Interval = Duration.FromMinutes(d.IntervalMinutes),
            MaxPerDay = d.MaxPerDay, MaxPerWeek = d.MaxPerWeek, Assignment = d.Assignment, Counsellors = d.Counsellors,
            Questions = d.Questions ?? BookingQuestions.Default, Active = row.Active,
        };
    }

    public static string WriteSchedule(Counsellor counsellor) =>
        JsonSerializer.Serialize(new Schedule(counsellor.Weekly, counsellor.Exceptions), CentreJson.Options);

    public static Counsellor ReadCounsellor(CounsellorRow row)
    {
        var schedule = JsonSerializer.Deserialize<Schedule>(row.Schedule, CentreJson.Options) ?? throw new JsonException("null is not a schedule");
        return new Counsellor { Id = row.Id, CentreId = row.CentreId, DisplayName = row.DisplayName, Weekly = schedule.Weekly, Exceptions = schedule.Exceptions };
    }

    private sealed record TypeDefinition(
        IReadOnlyDictionary<string, string> Title, int LengthMinutes, MeetingWay Way, int BufferBeforeMinutes, int BufferAfterMinutes,
        int MinimumNoticeMinutes, int HorizonDays, int IntervalMinutes, Assignment Assignment, IReadOnlyList<Guid> Counsellors,
        int? MaxPerDay = null, int? MaxPerWeek = null, BookingQuestions? Questions = null);

    private sealed record Schedule(IReadOnlyList<WeeklyWindow> Weekly, IReadOnlyList<DateException> Exceptions);
}
