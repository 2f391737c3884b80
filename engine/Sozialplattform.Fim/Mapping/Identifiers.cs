using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Sozialplattform.Fim.Mapping;

/// <summary>
/// Turns FIM ids and versions into the identifiers of our format: keys (JavaScript identifiers),
/// form/block ids (<c>fim-g00000082</c>), code-list ids (canonical URIs, ASCII) and semantic versions.
/// </summary>
public static partial class Identifiers
{
    public const int MaxKeyLength = 64;

    /// <summary><c>F00000001</c> stays; other characters become <c>_</c>; a leading digit gets a <c>_</c> prefix.</summary>
    public static string Key(string fimId)
    {
        var key = NotKeyCharacter().Replace(fimId.Trim(), "_");
        if (key.Length == 0 || char.IsAsciiDigit(key[0])) key = "_" + key;
        return key.Length > MaxKeyLength ? key[..MaxKeyLength] : key;
    }

    public static bool IsKey(string text) => KeyPattern().IsMatch(text);

    /// <summary><c>G00000082</c> → <c>fim-g00000082</c>.</summary>
    public static string FimDefinitionId(string fimId)
    {
        var id = "fim-" + NotIdCharacter().Replace(Transliterate(fimId.Trim()).ToLowerInvariant(), "-").Trim('-');
        id = RepeatedDash().Replace(id, "-");
        return id.Length > 64 ? id[..64].TrimEnd('-') : id;
    }

    /// <summary>A genericode canonical URI as code-list id: umlauts transliterated, other characters outside <c>A-Za-z0-9:._-</c> as <c>-</c>.</summary>
    public static string CodeListId(string text) => Clean(text, NotCodeListIdCharacter(), 200, "codeliste");

    public static string CodeListVersion(string? text) => Clean(text ?? "", NotCodeListVersionCharacter(), 64, "0");

    /// <summary>FIM 2 <c>1.0</c> → <c>1.0.0</c>; FIM 3 <c>1.2.0</c> stays; null when the text is no version.</summary>
    public static string? SemanticVersion(string? version)
    {
        var match = VersionPattern().Match(version?.Trim() ?? "");
        if (!match.Success) return null;
        var parts = Enumerable.Range(1, 3)
            .Select(i => match.Groups[i].Success ? int.Parse(match.Groups[i].Value, CultureInfo.InvariantCulture) : 0);
        return string.Join('.', parts);
    }

    private static string Clean(string text, Regex invalid, int maxLength, string fallback)
    {
        var cleaned = RepeatedDash().Replace(invalid.Replace(Transliterate(text.Trim()), "-"), "-").Trim('-', '.', ':', '_');
        if (cleaned.Length > maxLength) cleaned = cleaned[..maxLength];
        return cleaned.Length == 0 ? fallback : cleaned;
    }

    public static string Transliterate(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
            builder.Append(c switch
            {
                'ä' => "ae", 'ö' => "oe", 'ü' => "ue", 'Ä' => "Ae", 'Ö' => "Oe", 'Ü' => "Ue", 'ß' => "ss",
                _ => c.ToString(),
            });
        return builder.ToString();
    }

    [GeneratedRegex("[^A-Za-z0-9_]")]
    private static partial Regex NotKeyCharacter();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,63}$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("[^a-z0-9-]")]
    private static partial Regex NotIdCharacter();

    [GeneratedRegex("[^A-Za-z0-9:._-]")]
    private static partial Regex NotCodeListIdCharacter();

    [GeneratedRegex("[^A-Za-z0-9._-]")]
    private static partial Regex NotCodeListVersionCharacter();

    [GeneratedRegex("-{2,}")]
    private static partial Regex RepeatedDash();

    [GeneratedRegex(@"^v?(\d{1,9})(?:\.(\d{1,9}))?(?:\.(\d{1,9}))?$")]
    private static partial Regex VersionPattern();
}
