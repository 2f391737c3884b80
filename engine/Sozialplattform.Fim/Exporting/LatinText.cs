using System.Globalization;
using System.Text;

namespace Sozialplattform.Fim.Exporting;

/// <summary>
/// Makes text conform to String.Latin 1.1 (DIN SPEC 91379, the XSD type of most XDatenfelder texts):
/// typographic characters get their plain equivalents (quotes, dashes, ellipsis, ≤ ≥, no-break space),
/// anything else outside the set becomes "?". Returns how many characters were changed.
/// </summary>
public static class LatinText
{
    /// <summary>The single characters of String.Latin 1.1 (latinchars.xsd), as inclusive ranges.</summary>
    private static readonly (int From, int To)[] Allowed =
    [
        (0x9, 0xA), (0xD, 0xD), (0x20, 0x7E), (0xA1, 0xAC), (0xAE, 0x107), (0x10A, 0x11B), (0x11E, 0x123), (0x126, 0x131),
        (0x134, 0x15B), (0x15E, 0x16B), (0x16E, 0x17E), (0x18F, 0x18F), (0x1A0, 0x1A1), (0x1AF, 0x1B0), (0x1B7, 0x1B7),
        (0x1CD, 0x1D4), (0x1DE, 0x1DF), (0x1E4, 0x1F0), (0x1F4, 0x1F5), (0x1FA, 0x1FF), (0x218, 0x21B), (0x21E, 0x21F),
        (0x22A, 0x22B), (0x22E, 0x233), (0x259, 0x259), (0x292, 0x292), (0x1E02, 0x1E03), (0x1E0A, 0x1E0B), (0x1E10, 0x1E11),
        (0x1E1E, 0x1E21), (0x1E24, 0x1E27), (0x1E30, 0x1E31), (0x1E40, 0x1E41), (0x1E44, 0x1E45), (0x1E56, 0x1E57),
        (0x1E60, 0x1E63), (0x1E6A, 0x1E6B), (0x1E80, 0x1E85), (0x1E8C, 0x1E93), (0x1E9E, 0x1E9E), (0x1EA0, 0x1EA7),
        (0x1EAA, 0x1EAC), (0x1EAE, 0x1EC1), (0x1EC4, 0x1ED3), (0x1ED6, 0x1EDD), (0x1EE4, 0x1EF9), (0x20AC, 0x20AC),
    ];

    public static bool IsLatin(char c)
    {
        if (c is >= ' ' and <= '~') return true;
        foreach (var (from, to) in Allowed)
            if (c >= from && c <= to) return true;
        return false;
    }

    public static (string Text, int Changed) Normalize(string text)
    {
        // Below U+0300 (where the combining marks start) every character is already composed (NFC), so a text of allowed
        // characters there stays as it is — without asking ICU, whose first normalisation cost the export ~25 ms.
        if (IsComposedLatin(text)) return (text, 0);
        var composed = text.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(composed.Length);
        var changed = 0;
        foreach (var c in composed)
        {
            if (IsLatin(c))
            {
                builder.Append(c);
                continue;
            }

            changed++;
            builder.Append(Replacement(c));
        }

        return (builder.ToString(), changed);
    }

    private static bool IsComposedLatin(string text)
    {
        foreach (var c in text)
            if (c >= '\u0300' || !IsLatin(c)) return false;
        return true;
    }

    private static string Replacement(char c) => c switch
    {
        '„' or '“' or '”' or '‟' or '«' or '»' => "\"",
        '‚' or '‘' or '’' or '‛' or '′' or '‹' or '›' => "'",
        '–' or '—' or '‒' or '―' or '−' or '‐' or '‑' => "-",
        '…' => "...",
        '•' or '·' => "-",
        '≤' => "<=",
        '≥' => ">=",
        '\u00A0' or '\u2007' or '\u202F' or '\u2009' or '\u2002' or '\u2003' => " ",
        '\u200B' or '\u00AD' or '\uFEFF' => "",
        _ when char.GetUnicodeCategory(c) == UnicodeCategory.Control => " ",
        _ => "?",
    };
}
