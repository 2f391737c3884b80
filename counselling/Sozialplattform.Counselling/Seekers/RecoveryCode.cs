using System.Security.Cryptography;
using Sozialplattform.Storage.Crypto;

namespace Sozialplattform.Counselling.Seekers;

/// <summary>
/// The code that resets a forgotten password without losing the conversations: 20 characters of an alphabet without
/// look-alikes (100 random bits) in groups of four, shown once; stored only as SHA-256 (enough for 100 random bits).
/// </summary>
public static class RecoveryCode
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // 32 symbols: 5 bits each

    public static string New()
    {
        var chars = new char[20];
        for (var i = 0; i < chars.Length; i++) chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return string.Join('-', Enumerable.Range(0, 5).Select(g => new string(chars, g * 4, 4)));
    }

    /// <summary>As typed, with or without dashes and spaces, in either case.</summary>
    public static string Hash(string code) => SecretHashing.Hash(Normalize(code));

    public static bool Matches(string code, string storedHash) => SecretHashing.Matches(Normalize(code), storedHash);

    private static string Normalize(string code) => new(code.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
}
