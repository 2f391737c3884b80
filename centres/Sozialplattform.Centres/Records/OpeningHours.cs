using NodaTime;

namespace Sozialplattform.Centres.Records;

/// <summary>Weekly opening times plus exceptions, in local time of Europe/Berlin.</summary>
public sealed record OpeningHours
{
    public IReadOnlyList<WeeklyHours> Weekly { get; init; } = [];

    /// <summary>Dates with other hours or closed (holidays, team days); they replace the weekly hours of that date.</summary>
    public IReadOnlyList<HoursException> Exceptions { get; init; } = [];

    /// <summary>Closed on the statutory public holidays of the centre's state.</summary>
    public bool ClosedOnPublicHolidays { get; init; } = true;

    public bool IsEmpty => Weekly.Count == 0 && Exceptions.Count == 0;
}

/// <summary>One opening on a weekday; <see cref="Closes"/> 00:00 means midnight at the end of that day.</summary>
public sealed record WeeklyHours(IsoDayOfWeek Day, LocalTime Opens, LocalTime Closes)
{
    public bool EndsAtMidnight => Closes == LocalTime.Midnight;
}

/// <summary>A date that differs from the week: closed (no <see cref="Hours"/>) or open at the given times only.</summary>
public sealed record HoursException(LocalDate Date)
{
    public IReadOnlyList<TimeRange> Hours { get; init; } = [];

    public Texts Note { get; init; } = Texts.Empty;
}

public sealed record TimeRange(LocalTime Opens, LocalTime Closes)
{
    public bool EndsAtMidnight => Closes == LocalTime.Midnight;
}
