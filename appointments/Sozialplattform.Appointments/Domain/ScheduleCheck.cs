using NodaTime;
using Sozialplattform.Appointments.Slots;

namespace Sozialplattform.Appointments.Domain;

/// <summary>Checks a type and a counsellor's schedule completely (every problem at once) before they are saved.</summary>
public static class ScheduleCheck
{
    public static IReadOnlyList<AppointmentError> Check(AppointmentType type)
    {
        var errors = new List<AppointmentError>();
        if (!type.Title.TryGetValue("de", out var title) || string.IsNullOrWhiteSpace(title)) errors.Add(new("title.de", "required"));
        foreach (var (path, value) in new[] { ("length", type.Length), ("bufferBefore", type.BufferBefore), ("bufferAfter", type.BufferAfter), ("interval", type.Interval), ("minimumNotice", type.MinimumNotice) })
            if (!SlotGrid.Fits(value)) errors.Add(new(path, "notOnGrid", value.TotalMinutes));
        if (type.Length <= Duration.Zero) errors.Add(new("length", "mustBePositive"));
        if (type.Interval <= Duration.Zero) errors.Add(new("interval", "mustBePositive"));
        if (type.HorizonDays is < 1 or > 366) errors.Add(new("horizonDays", "outOfRange", 1, 366));
        if (type.MaxPerDay is < 1) errors.Add(new("maxPerDay", "mustBePositive"));
        if (type.MaxPerWeek is < 1) errors.Add(new("maxPerWeek", "mustBePositive"));
        if (type.Counsellors.Count == 0) errors.Add(new("counsellors", "required"));
        var questions = type.Questions;
        foreach (var (name, ask) in new[] { ("name", questions.Name), ("email", questions.Email), ("phone", questions.Phone), ("concern", questions.Concern) })
            if (!Enum.IsDefined(ask)) errors.Add(new($"questions.{name}", "unknown"));
        if (questions.ConcernMaxLength is < BookingQuestions.ConcernLimitMin or > BookingQuestions.ConcernLimit)
            errors.Add(new("concernMaxLength", "outOfRange", BookingQuestions.ConcernLimitMin, BookingQuestions.ConcernLimit));
        return errors;
    }

    public static IReadOnlyList<AppointmentError> Check(Counsellor counsellor)
    {
        var errors = new List<AppointmentError>();
        if (string.IsNullOrWhiteSpace(counsellor.DisplayName)) errors.Add(new("displayName", "required"));
        for (var i = 0; i < counsellor.Weekly.Count; i++)
            Span(errors, $"weekly[{i}]", counsellor.Weekly[i].From, counsellor.Weekly[i].Until);
        for (var i = 0; i < counsellor.Exceptions.Count; i++)
        {
            var exception = counsellor.Exceptions[i];
            if (exception.From is { } from && exception.Until is { } until) Span(errors, $"exceptions[{i}]", from, until);
            else if (exception.From is not null || exception.Until is not null || !exception.Blocked) errors.Add(new($"exceptions[{i}]", "spanIncomplete"));
        }

        return errors;
    }

    private static void Span(List<AppointmentError> errors, string path, LocalTime from, LocalTime until)
    {
        if (!SlotGrid.Fits(from) || !SlotGrid.Fits(until)) errors.Add(new(path, "notOnGrid", from.ToString("HH:mm", null), until.ToString("HH:mm", null)));
        if (until <= from) errors.Add(new(path, "endsBeforeStart", from.ToString("HH:mm", null), until.ToString("HH:mm", null)));
    }
}
