using System.Net.Mail;

namespace Sozialplattform.Appointments.Booking;

/// <summary>The few things a seeker types: a name or pseudonym (required, short) and an e-mail address (optional).</summary>
public static class SeekerInput
{
    public const int MaxNameLength = 80;

    public static BookingRefusal? CheckName(string? name)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0) return BookingRefusal.NameMissing;
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

    public static string? NormalizeEmail(string? email) => string.IsNullOrWhiteSpace(email) ? null : email.Trim();

    public static string NormalizeName(string name) => name.Trim();
}
