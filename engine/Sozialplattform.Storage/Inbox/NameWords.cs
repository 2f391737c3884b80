using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Sozialplattform.Storage.Inbox;

/// <summary>
/// How names become search words: lower case, accents dropped (Müller → muller, Yılmaz → yilmaz, Straße → strasse),
/// split at everything that is not a letter or digit. The same rule for what is indexed and what is searched.
/// </summary>
public static partial class NameWords
{
    public static IEnumerable<string> Of(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            folded.Append(Fold(char.ToLowerInvariant(c)));
        }

        return NotWordCharacters().Split(folded.ToString()).Where(w => w.Length > 0).Distinct(StringComparer.Ordinal);
    }

    private static string Fold(char c) => c switch
    {
        'ı' => "i",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'ø' => "o",
        'ł' => "l",
        'đ' => "d",
        _ => c.ToString(),
    };

    [GeneratedRegex(@"[^\p{L}\p{Nd}]+")]
    private static partial Regex NotWordCharacters();
}
