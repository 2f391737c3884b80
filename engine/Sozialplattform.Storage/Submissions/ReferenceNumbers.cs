using System.Security.Cryptography;

namespace Sozialplattform.Storage.Submissions;

/// <summary>
/// Reference numbers like <c>SP-2026-7K3M-Q9TD</c>: the year plus 40 random bits in Crockford's base32
/// (no I, L, O, U), so they are easy to read out on the phone and cannot be guessed from one another.
/// </summary>
public static class ReferenceNumbers
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New(DateTime now)
    {
        Span<byte> random = stackalloc byte[8];
        RandomNumberGenerator.Fill(random);
        Span<char> code = stackalloc char[8];
        for (var i = 0; i < code.Length; i++) code[i] = Alphabet[random[i] & 31];
        return $"SP-{now.Year:D4}-{code[..4]}-{code[4..]}";
    }
}
