using System.Net.Mail;
using System.Text;

namespace Sozialplattform.Counselling.Seekers;

/// <summary>
/// What a seeker may choose: a pseudonym (3–40 characters, no control characters; any other character is allowed and
/// escaped wherever it is shown), a password that is not easy to guess, and optionally an e-mail address for notices.
/// </summary>
public static class SeekerInput
{
    public const int PseudonymMin = 3;
    public const int PseudonymMax = 40;
    public const int PasswordMin = 10;
    public const int PasswordMax = 200;

    // the most used passwords of German leaks that reach the minimum length; the length and variety rules catch the rest
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "1234567890", "12345678910", "0123456789", "passwort123", "password123", "passwort1234", "hallo12345", "qwertz1234",
        "qwertzuiop", "qwertyuiop", "1q2w3e4r5t", "abc1234567", "iloveyou12", "schatz1234", "sommer2024", "sommer2025", "sommer2026",
        "winter2025", "winter2026", "fussball123", "asdfghjkl1", "geheim1234", "passwort!!", "willkommen", "willkommen1",
    };

    /// <summary>The pseudonym as shown (trimmed, inner whitespace collapsed, NFC), or the problem.</summary>
    public static (string? Pseudonym, CounsellingError? Error) Pseudonym(string? typed)
    {
        var text = string.Join(' ', (typed ?? "").Normalize(NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length == 0) return (null, new("pseudonym", "pseudonymMissing"));
        if (text.Length < PseudonymMin) return (null, new("pseudonym", "pseudonymTooShort", PseudonymMin));
        if (text.Length > PseudonymMax) return (null, new("pseudonym", "pseudonymTooLong", PseudonymMax));
        if (text.Any(char.IsControl)) return (null, new("pseudonym", "pseudonymMalformed"));
        return (text, null);
    }

    /// <summary>The pseudonym as it is compared: "Anna  K" and "anna k" are the same seeker.</summary>
    public static string Normalize(string pseudonym) => pseudonym.Normalize(NormalizationForm.FormKC).ToLowerInvariant();

    /// <summary>Null when the password is strong enough, else why not.</summary>
    public static CounsellingError? Password(string? password, string? pseudonym)
    {
        if (string.IsNullOrEmpty(password)) return new("password", "passwordMissing");
        if (password.Length < PasswordMin) return new("password", "passwordTooShort", PasswordMin);
        if (password.Length > PasswordMax) return new("password", "passwordTooLong", PasswordMax);
        if (pseudonym is { Length: > 0 } && password.Contains(pseudonym, StringComparison.OrdinalIgnoreCase)) return new("password", "passwordContainsPseudonym");
        if (Common.Contains(password) || password.Distinct().Count() < 5 || IsSequence(password)) return new("password", "passwordTooSimple");
        return null;
    }

    /// <summary>An e-mail address for notices: empty is fine (none), a single plain address otherwise.</summary>
    public static (string? Email, CounsellingError? Error) Email(string? typed)
    {
        var text = (typed ?? "").Trim();
        if (text.Length == 0) return (null, null);
        return text.Length <= 254 && !text.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c is ',' or ';' or '<' or '>' or '"')
            && MailAddress.TryCreate(text, out var address) && address.Address == text && address.Host.Contains('.')
            ? (text, null) : (null, new("email", "emailMalformed"));
    }

    /// <summary>"abcdefghij", "9876543210": each character one after the other.</summary>
    private static bool IsSequence(string password)
    {
        var steps = password.Zip(password.Skip(1), (a, b) => b - a).Distinct().ToList();
        return steps.Count == 1 && Math.Abs(steps[0]) <= 1;
    }
}
