using NodaTime;
using NodaTime.Text;
using Sozialplattform.Centres.Records;
using Sozialplattform.Centres.Validation;

namespace Sozialplattform.Centres.Import;

/// <summary>
/// The short text forms of opening hours, exceptions and offers that people type — in a CSV cell and on the centres'
/// edit page: <c>mo 09:00-12:00</c>; <c>2026-12-24 geschlossen</c> or <c>2026-12-31 09:00-12:00 | Silvester</c>;
/// <c>schuldnerberatung = 50667 50600-50999 K05315 L05 online | Hinweis</c>. Malformed parts become errors at
/// <c>path</c>, never a half-read value.
/// </summary>
public static class CentreLines
{
    private static readonly string[] Days = ["mo", "di", "mi", "do", "fr", "sa", "so"];
    private static readonly LocalTimePattern Time = LocalTimePattern.CreateWithInvariantCulture("HH:mm");
    private static readonly LocalDatePattern Date = LocalDatePattern.Iso;

    public static string Hours(WeeklyHours hours) => $"{Days[(int)hours.Day - 1]} {Range(hours.Opens, hours.Closes)}";

    public static string Catchment(Catchment catchment) =>
        string.Join(' ', catchment.PostalCodes.Concat(catchment.Municipalities.Select(m => "G" + m)).Concat(catchment.Kreise.Select(k => "K" + k)).Concat(catchment.States.Select(s => "L" + s)).Concat(catchment.Online ? ["online"] : []));

    /// <summary>An exception as one line; its note in German (the edit page's language of notes).</summary>
    public static string Exception(HoursException exception) =>
        $"{Date.Format(exception.Date)} {(exception.Hours.Count == 0 ? "geschlossen" : string.Join(", ", exception.Hours.Select(h => Range(h.Opens, h.Closes))))}{Note(exception.Note)}";

    public static string Offer(Offer offer) => $"{offer.Topic} = {Catchment(offer.Catchment)}{Note(offer.Note)}";

    /// <summary>Openings separated by commas or lines.</summary>
    public static List<WeeklyHours> ReadHours(string? value, string path, List<CentreError> errors)
    {
        var hours = new List<WeeklyHours>();
        foreach (var part in Parts(value, ','))
        {
            var pieces = part.Split(' ', 2, StringSplitOptions.TrimEntries);
            var day = pieces.Length == 2 ? Array.IndexOf(Days, pieces[0].ToLowerInvariant()) : -1;
            if (day < 0 || ReadRange(pieces[1]) is not { } range)
            {
                errors.Add(new(path, "hoursMalformed", part));
                continue;
            }

            hours.Add(new WeeklyHours((IsoDayOfWeek)(day + 1), range.Opens, range.Closes));
        }

        return hours;
    }

    /// <summary>Offers separated by semicolons or lines, each optionally with <c>| note</c> in German (<paramref name="before"/> keeps the translations of an unchanged note).</summary>
    public static List<Offer> ReadOffers(string? value, string path, List<CentreError> errors, IReadOnlyList<Offer>? before = null)
    {
        var offers = new List<Offer>();
        foreach (var part in Parts(value, ';'))
        {
            var (text, note) = SplitNote(part);
            var pieces = text.Split('=', 2, StringSplitOptions.TrimEntries);
            var words = pieces.Length == 2 ? Words(pieces[1]) : [];
            foreach (var unknown in words.Where(w => w != "online" && w[0] is not ('K' or 'L' or 'G') && !char.IsAsciiDigit(w[0])))
                errors.Add(new(path, "catchmentEntryUnknown", unknown));
            offers.Add(new Offer(pieces[0], new Catchment
            {
                PostalCodes = words.Where(w => char.IsAsciiDigit(w[0])).ToList(),
                Municipalities = words.Where(w => w.StartsWith('G')).Select(w => w[1..]).ToList(),
                Kreise = words.Where(w => w.StartsWith('K')).Select(w => w[1..]).ToList(),
                States = words.Where(w => w.StartsWith('L')).Select(w => w[1..]).ToList(),
                Online = words.Contains("online"),
            }) { Note = Kept(note, before?.FirstOrDefault(o => o.Topic == pieces[0])?.Note) });
        }

        return offers;
    }

    /// <summary>One exception per line: a date, then <c>geschlossen</c> or times, optionally <c>| note</c>.</summary>
    public static List<HoursException> ReadExceptions(string? value, string path, List<CentreError> errors, IReadOnlyList<HoursException>? before = null)
    {
        var exceptions = new List<HoursException>();
        foreach (var line in Parts(value, '\n'))
        {
            var (text, note) = SplitNote(line);
            var pieces = text.Split(' ', 2, StringSplitOptions.TrimEntries);
            var date = Date.Parse(pieces[0]);
            var ranges = pieces.Length < 2 || pieces[1].ToLowerInvariant() is "geschlossen" or "closed" ? [] : pieces[1].Split(',', StringSplitOptions.TrimEntries).Select(ReadRange).ToList();
            if (!date.Success || ranges.Any(r => r is null))
            {
                errors.Add(new(path, "exceptionMalformed", line));
                continue;
            }

            exceptions.Add(new HoursException(date.Value)
            {
                Hours = ranges.Select(r => r!).ToList(), Note = Kept(note, before?.FirstOrDefault(e => e.Date == date.Value)?.Note),
            });
        }

        return exceptions;
    }

    private static TimeRange? ReadRange(string text)
    {
        var times = text.Split('-', StringSplitOptions.TrimEntries);
        if (times.Length != 2) return null;
        var (opens, closes) = (Time.Parse(times[0]), Time.Parse(times[1] == "24:00" ? "00:00" : times[1]));
        return opens.Success && closes.Success ? new TimeRange(opens.Value, closes.Value) : null;
    }

    private static string Range(LocalTime opens, LocalTime closes) => $"{Time.Format(opens)}-{Time.Format(closes)}";

    private static string Note(Texts note) => note.TryGetValue(Texts.German, out var german) ? " | " + german : "";

    /// <summary>The German note as typed; the other languages stay while the German text is unchanged (else they would translate something else).</summary>
    private static Texts Kept(string? german, Texts? before) =>
        german is null ? Texts.Empty
        : before is not null && before.TryGetValue(Texts.German, out var old) && old == german ? before
        : Texts.De(german);

    private static (string Text, string? Note) SplitNote(string part) =>
        part.IndexOf('|') is >= 0 and var bar ? (part[..bar].Trim(), part[(bar + 1)..].Trim() is { Length: > 0 } note ? note : null) : (part, null);

    private static IEnumerable<string> Parts(string? value, char separator) =>
        (value ?? "").Split([separator, '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static List<string> Words(string value) => value.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries).ToList();
}
