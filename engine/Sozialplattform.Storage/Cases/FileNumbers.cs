using System.Globalization;
using System.Text.RegularExpressions;

namespace Sozialplattform.Storage.Cases;

/// <summary>
/// File numbers (Aktenzeichen): what a typed one may contain, and how an authority's generated ones look. The format
/// (<c>fileNumberFormat</c> in <c>authorities.json</c>) is text with <c>{year}</c> (four digits) and exactly one
/// <c>{number}</c> or <c>{number:N}</c> (the running number of the year, zero-padded to N digits), e.g.
/// <c>50.2-{year}-{number:5}</c> → <c>50.2-2026-00001</c>.
/// </summary>
public static partial class FileNumbers
{
    public const int MaxLength = 60;
    public const string DefaultFormat = "{year}-{number:5}";

    /// <summary>A typed file number in its stored form (trimmed, upper case), or null when it is empty, too long or has other characters than letters, digits, space and <c>. - /</c>.</summary>
    public static string? Normalize(string? typed)
    {
        var trimmed = typed?.Trim().ToUpperInvariant() ?? "";
        return trimmed.Length <= MaxLength && Allowed().IsMatch(trimmed) ? trimmed : null;
    }

    /// <summary>What is wrong with a configured format (in English, for the configuration check), or null.</summary>
    public static string? FormatProblem(string format)
    {
        if (Number().Matches(format).Count != 1) return "must contain {number} or {number:N} exactly once";
        if (Normalize(Format(format, 2026, 1)) is null || Format(format, 9999, 99_999_999).Length > MaxLength)
            return $"gives file numbers that are not 1–{MaxLength} letters, digits, spaces, '.', '-' or '/'";
        return null;
    }

    /// <summary>The file number of <paramref name="number"/> in <paramref name="year"/> (upper case, as stored).</summary>
    public static string Format(string? format, int year, int number) =>
        Number().Replace((format ?? DefaultFormat).Replace("{year}", year.ToString("D4", CultureInfo.InvariantCulture), StringComparison.Ordinal),
            match => number.ToString(match.Groups[1].Success ? "D" + match.Groups[1].Value : "D", CultureInfo.InvariantCulture)).ToUpperInvariant();

    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N} ./-]*$")]
    private static partial Regex Allowed();

    [GeneratedRegex(@"\{number(?::([1-9]))?\}")]
    private static partial Regex Number();
}
