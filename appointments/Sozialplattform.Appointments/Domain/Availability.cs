using NodaTime;

namespace Sozialplattform.Appointments.Domain;

/// <summary>One window of a counsellor's week, in local (Europe/Berlin) time.</summary>
public sealed record WeeklyWindow(IsoDayOfWeek Day, LocalTime From, LocalTime Until);

/// <summary>
/// A date that differs from the week: <see cref="Blocked"/> removes the given span (no span: the whole day),
/// otherwise the span is extra availability (also on a public holiday).
/// </summary>
public sealed record DateException(LocalDate Date, bool Blocked, LocalTime? From = null, LocalTime? Until = null);

/// <summary>A counsellor of a centre with their weekly schedule and date exceptions.</summary>
public sealed record Counsellor
{
    public required Guid Id { get; init; }
    public required Guid CentreId { get; init; }
    public required string DisplayName { get; init; }
    public IReadOnlyList<WeeklyWindow> Weekly { get; init; } = [];
    public IReadOnlyList<DateException> Exceptions { get; init; } = [];
}

/// <summary>A span a counsellor is busy: an existing booking (or hold) with its buffers.</summary>
public sealed record Busy(Guid CounsellorId, Guid TypeId, Instant Start, Instant BlockedFrom, Instant BlockedUntil);
