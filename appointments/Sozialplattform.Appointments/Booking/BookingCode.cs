using System.Security.Cryptography;

namespace Sozialplattform.Appointments.Booking;

/// <summary>
/// The booking code a seeker without e-mail notes down: ten of 31 characters without look-alikes (0/O, 1/I/L), about
/// 49 random bits, shown as <c>ABCDE-FGHJK</c>. Only its hash is stored; with the pseudonym it opens the manage page.
/// </summary>
public static class BookingCode
{
    private const string Symbols = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public static string New()
    {
        var chars = new char[10];
        for (var i = 0; i < chars.Length; i++) chars[i] = Symbols[RandomNumberGenerator.GetInt32(Symbols.Length)];
        return new string(chars, 0, 5) + "-" + new string(chars, 5, 5);
    }

    /// <summary>Upper case, without spaces and dashes; null when it cannot be a code.</summary>
    public static string? Normalize(string? input)
    {
        var plain = new string((input ?? "").Where(c => c is not (' ' or '-')).Select(char.ToUpperInvariant).ToArray());
        return plain.Length == 10 && plain.All(c => Symbols.Contains(c)) ? plain : null;
    }
}
