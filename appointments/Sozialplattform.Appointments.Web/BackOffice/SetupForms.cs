using System.Globalization;
using Microsoft.AspNetCore.Http;
using NodaTime;
using NodaTime.Text;
using Sozialplattform.Appointments.Domain;
using Sozialplattform.Appointments.Web.Hosting;

namespace Sozialplattform.Appointments.Web.BackOffice;

/// <summary>
/// The setup forms as plain fields (no JavaScript): a type's rules in minutes and days; a counsellor's week and
/// exceptions one per line ("Mo 09:00-12:00"; "2026-12-24 gesperrt", "2026-12-24 gesperrt 09:00-12:00",
/// "2026-12-27 zusätzlich 10:00-12:00"). What cannot be read is a problem of its field, as data; the rest is checked by
/// <see cref="ScheduleCheck"/> when saved. The typed values always come back to the page, so nothing typed is lost.
/// </summary>
public static class SetupForms
{
    private static readonly string[] Days = ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"];
    private static readonly string[] Minutes = ["length", "bufferBefore", "bufferAfter", "minimumNotice", "interval"];

    /// <summary>The questions a type can ask when booking, each "NotAsked", "Optional" or "Required".</summary>
    public static readonly string[] Questions = ["questions.name", "questions.email", "questions.phone", "questions.concern"];

    public static Dictionary<string, string> Values(AppointmentType type)
    {
        var values = AppointmentTexts.Languages.ToDictionary(l => "title." + l, l => type.Title.GetValueOrDefault(l) ?? "");
        foreach (var (name, duration) in Minutes.Zip([type.Length, type.BufferBefore, type.BufferAfter, type.MinimumNotice, type.Interval]))
            values[name] = ((int)duration.TotalMinutes).ToString(CultureInfo.InvariantCulture);
        values["horizonDays"] = type.HorizonDays.ToString(CultureInfo.InvariantCulture);
        values["maxPerDay"] = type.MaxPerDay?.ToString(CultureInfo.InvariantCulture) ?? "";
        values["maxPerWeek"] = type.MaxPerWeek?.ToString(CultureInfo.InvariantCulture) ?? "";
        values["way"] = type.Way.ToString();
        values["assignment"] = type.Assignment.ToString();
        values["counsellors"] = string.Join(' ', type.Counsellors);
        foreach (var (name, ask) in Questions.Zip([type.Questions.Name, type.Questions.Email, type.Questions.Phone, type.Questions.Concern])) values[name] = ask.ToString();
        values["concernMaxLength"] = type.Questions.ConcernMaxLength.ToString(CultureInfo.InvariantCulture);
        return values;
    }

    public static Dictionary<string, string> Values(Counsellor counsellor) => new()
    {
        ["displayName"] = counsellor.DisplayName,
        ["weekly"] = string.Join('\n', counsellor.Weekly.Select(w => $"{Days[(int)w.Day - 1]} {Time(w.From)}-{Time(w.Until)}")),
        ["exceptions"] = string.Join('\n', counsellor.Exceptions.Select(e =>
            $"{LocalDatePattern.Iso.Format(e.Date)} {(e.Blocked ? "gesperrt" : "zusätzlich")}" + (e.From is { } f && e.Until is { } u ? $" {Time(f)}-{Time(u)}" : ""))),
    };

    /// <summary>The type from the form (null with the problems when a field cannot be read); counsellors only of <paramref name="centreCounsellors"/>.</summary>
    public static (Dictionary<string, string> Values, AppointmentType? Type, IReadOnlyList<AppointmentError> Errors) ReadType(
        IFormCollection form, Guid id, Guid centreId, IReadOnlyCollection<Guid> centreCounsellors)
    {
        var values = Fields(form, [.. AppointmentTexts.Languages.Select(l => "title." + l), .. Minutes, "horizonDays", "maxPerDay", "maxPerWeek", "way", "assignment",
            .. Questions, "concernMaxLength"]);
        var chosen = form["counsellors"].Select(v => Guid.TryParse(v, out var g) ? g : Guid.Empty).Where(centreCounsellors.Contains).Distinct().ToList();
        values["counsellors"] = string.Join(' ', chosen);
        var errors = new List<AppointmentError>();
        var minutes = Minutes.ToDictionary(m => m, m => Number(values, m, errors, required: true) ?? 0);
        var horizon = Number(values, "horizonDays", errors, required: true) ?? 0;
        var (perDay, perWeek) = (Number(values, "maxPerDay", errors, required: false), Number(values, "maxPerWeek", errors, required: false));
        if (!Enum.TryParse<MeetingWay>(values["way"], out var way) || !Enum.IsDefined(way)) errors.Add(new("way", "unknown"));
        if (!Enum.TryParse<Assignment>(values["assignment"], out var assignment) || !Enum.IsDefined(assignment)) errors.Add(new("assignment", "unknown"));
        var asks = Questions.ToDictionary(q => q, q => Enum.TryParse<Ask>(values[q], out var ask) && Enum.IsDefined(ask) ? ask : (Ask?)null);
        foreach (var (name, _) in asks.Where(a => a.Value is null)) errors.Add(new(name, "unknown"));
        var concernMax = Number(values, "concernMaxLength", errors, required: true) ?? 0;
        foreach (var language in AppointmentTexts.Languages)
            if (values["title." + language].Length > 120 || values["title." + language].Any(char.IsControl)) errors.Add(new("title." + language, "malformed", 120));
        if (errors.Count > 0) return (values, null, errors);
        var type = new AppointmentType
        {
            Id = id, CentreId = centreId,
            Title = AppointmentTexts.Languages.Where(l => values["title." + l].Length > 0).ToDictionary(l => l, l => values["title." + l]),
            Length = Duration.FromMinutes(minutes["length"]), BufferBefore = Duration.FromMinutes(minutes["bufferBefore"]), BufferAfter = Duration.FromMinutes(minutes["bufferAfter"]),
            MinimumNotice = Duration.FromMinutes(minutes["minimumNotice"]), Interval = Duration.FromMinutes(minutes["interval"]), HorizonDays = horizon,
            MaxPerDay = perDay, MaxPerWeek = perWeek, Way = way, Assignment = assignment, Counsellors = chosen,
            Questions = new BookingQuestions
            {
                Name = asks["questions.name"]!.Value, Email = asks["questions.email"]!.Value, Phone = asks["questions.phone"]!.Value,
                Concern = asks["questions.concern"]!.Value, ConcernMaxLength = concernMax,
            },
        };
        return (values, type, []);
    }

    public static (Dictionary<string, string> Values, Counsellor? Counsellor, IReadOnlyList<AppointmentError> Errors) ReadCounsellor(IFormCollection form, Guid id, Guid centreId)
    {
        var values = Fields(form, ["displayName", "weekly", "exceptions"]);
        var errors = new List<AppointmentError>();
        if (values["displayName"].Length > 200 || values["displayName"].Any(char.IsControl)) errors.Add(new("displayName", "malformed", 200));
        var weekly = Lines(values["weekly"]).Select((line, i) => Weekly(line) ?? Unreadable(errors, "weekly", i, line)).OfType<WeeklyWindow>().ToList();
        var exceptions = Lines(values["exceptions"]).Select((line, i) => Exception(line) ?? Unreadable(errors, "exceptions", i, line)).OfType<DateException>().ToList();
        if (errors.Count > 0) return (values, null, errors);
        return (values, new Counsellor { Id = id, CentreId = centreId, DisplayName = values["displayName"], Weekly = weekly, Exceptions = exceptions }, []);
    }

    private static Dictionary<string, string> Fields(IFormCollection form, IEnumerable<string> names) => names.ToDictionary(n => n, n => form[n].ToString().Trim());

    private static int? Number(Dictionary<string, string> values, string name, List<AppointmentError> errors, bool required)
    {
        var text = values[name];
        if (text.Length == 0 && !required) return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number <= 100_000) return number;
        errors.Add(new(name, "notANumber"));
        return null;
    }

    private static IEnumerable<string> Lines(string text) => text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);

    private static object? Unreadable(List<AppointmentError> errors, string field, int index, string line)
    {
        errors.Add(new($"{field}[{index}]", "unreadable", line.Length > 40 ? line[..40] : line));
        return null;
    }

    private static WeeklyWindow? Weekly(string line)
    {
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var day = Array.FindIndex(Days, d => parts.Length == 2 && string.Equals(d, parts[0], StringComparison.OrdinalIgnoreCase));
        return day >= 0 && Span(parts[1]) is { } span ? new WeeklyWindow((IsoDayOfWeek)(day + 1), span.From, span.Until) : null;
    }

    private static DateException? Exception(string line)
    {
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is < 2 or > 3 || LocalDatePattern.Iso.Parse(parts[0]) is not { Success: true } date) return null;
        var blocked = parts[1].ToLowerInvariant() switch { "gesperrt" => true, "zusätzlich" or "zusaetzlich" => false, _ => (bool?)null };
        if (blocked is null) return null;
        if (parts.Length == 2) return new DateException(date.Value, blocked.Value);
        return Span(parts[2]) is { } span ? new DateException(date.Value, blocked.Value, span.From, span.Until) : null;
    }

    private static (LocalTime From, LocalTime Until)? Span(string text)
    {
        var times = text.Split('-');
        var pattern = LocalTimePattern.CreateWithInvariantCulture("HH:mm");
        return times.Length == 2 && pattern.Parse(times[0]) is { Success: true } from && pattern.Parse(times[1]) is { Success: true } until ? (from.Value, until.Value) : null;
    }

    private static string Time(LocalTime time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
