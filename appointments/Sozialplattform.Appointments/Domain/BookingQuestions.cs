namespace Sozialplattform.Appointments.Domain;

/// <summary>Whether a question is put to the person who books.</summary>
public enum Ask { NotAsked, Optional, Required }

/// <summary>
/// What a type asks when booking — few things, chosen by the centre: a name or pseudonym, an e-mail address (with it the
/// double opt-in), a phone number, and a short "Anliegen" of at most <see cref="ConcernMaxLength"/> characters. The
/// defaults are the minimum: a pseudonym (required) and an e-mail address or none.
/// </summary>
public sealed record BookingQuestions
{
    public const int ConcernLimit = 1000;
    public const int ConcernLimitMin = 20;

    public Ask Name { get; init; } = Ask.Required;
    public Ask Email { get; init; } = Ask.Optional;
    public Ask Phone { get; init; } = Ask.NotAsked;
    public Ask Concern { get; init; } = Ask.NotAsked;
    public int ConcernMaxLength { get; init; } = 300;

    public static BookingQuestions Default { get; } = new();
}
