using System.Net.Mail;
using Sozialplattform.Appointments.Domain;

namespace Sozialplattform.Appointments.Booking;

/// <summary>What the person who books typed, as the form sent it (anything, or nothing).</summary>
public sealed record SeekerAnswers(string? Name, string? Email, string? Phone = null, string? Concern = null)
{
    /// <summary>
    /// The answers as stored: trimmed, empty as null, and a question the type does not ask is dropped whatever was sent
    /// (a hand-made post cannot store a phone number the centre never asked for). The name is "" when not given.
    /// </summary>
    public SeekerAnswers For(BookingQuestions questions) => new(
        questions.Name == Ask.NotAsked ? "" : Name?.Trim() ?? "",
        questions.Email == Ask.NotAsked ? null : Blank(Email),
        questions.Phone == Ask.NotAsked ? null : Blank(Phone),
        questions.Concern == Ask.NotAsked ? null : Blank(Concern?.Replace("\r\n", "\n")));

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>A problem with one answer, as data: the field, why, and what the message needs (e.g. the length limit).</summary>
public sealed record InputProblem(string Field, BookingRefusal Reason, params object[] Arguments);

/// <summary>
/// Checks the answers against the type's questions (<see cref="BookingQuestions"/>): every problem at once, each with
/// its field. A name or pseudonym of at most 80 characters without control characters; one plain e-mail address; a
/// phone number of digits with the usual separators; an "Anliegen" within the type's limit (line breaks allowed).
/// </summary>
public static class SeekerInput
{
    public const int MaxNameLength = 80;
    public const int MaxPhoneLength = 30;

    public static IReadOnlyList<InputProblem> Check(BookingQuestions questions, SeekerAnswers answers)
    {
        var given = answers.For(questions);
        var problems = new List<InputProblem>();
        if (CheckName(given.Name, questions.Name) is { } name) problems.Add(new("name", name, MaxNameLength));
        if ((Missing(questions.Email, given.Email) ? BookingRefusal.EmailMissing : CheckEmail(given.Email)) is { } email) problems.Add(new("email", email));
        if ((Missing(questions.Phone, given.Phone) ? BookingRefusal.PhoneMissing : CheckPhone(given.Phone)) is { } phone) problems.Add(new("phone", phone, MaxPhoneLength));
        if (CheckConcern(given.Concern, questions) is { } concern) problems.Add(new("concern", concern, questions.ConcernMaxLength));
        return problems;
    }

    public static BookingRefusal? CheckName(string? name, Ask ask = Ask.Required)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0) return ask == Ask.Required ? BookingRefusal.NameMissing : null;
        if (trimmed.Length > MaxNameLength) return BookingRefusal.NameTooLong;
        return trimmed.Any(char.IsControl) ? BookingRefusal.NameMalformed : null;
    }

    /// <summary>One plain address (no display name, no list), a domain with a dot, at most 254 characters.</summary>
    public static BookingRefusal? CheckEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email)) return null;
        var trimmed = email.Trim();
        var valid = trimmed.Length <= 254 && !trimmed.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or ',' or ';')
            && MailAddress.TryCreate(trimmed, out var address) && address.Address == trimmed && address.Host.Contains('.') && !address.Host.EndsWith('.');
        return valid ? null : BookingRefusal.EmailMalformed;
    }

    /// <summary>Digits with spaces, "+", "-", "/", "(", ")"; at least 5 digits, at most <see cref="MaxPhoneLength"/> characters.</summary>
    public static BookingRefusal? CheckPhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return null;
        var trimmed = phone.Trim();
        var valid = trimmed.Length <= MaxPhoneLength && trimmed.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '/' or '(' or ')')
            && trimmed.Count(char.IsAsciiDigit) >= 5;
        return valid ? null : BookingRefusal.PhoneMalformed;
    }

    private static BookingRefusal? CheckConcern(string? concern, BookingQuestions questions)
    {
        if (concern is null) return questions.Concern == Ask.Required ? BookingRefusal.ConcernMissing : null;
        if (concern.Length > questions.ConcernMaxLength) return BookingRefusal.ConcernTooLong;
        return concern.Any(c => char.IsControl(c) && c is not '\n' and not '\t') ? BookingRefusal.ConcernMalformed : null;
    }

    private static bool Missing(Ask ask, string? value) => ask == Ask.Required && value is null;

}
