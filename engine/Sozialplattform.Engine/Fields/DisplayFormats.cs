using System.Globalization;

namespace Sozialplattform.Engine.Fields;

/// <summary>How numbers, money and dates are written for readers of one language.</summary>
public static class DisplayFormats
{
    public static CultureInfo Culture(string language)
    {
        try
        {
            return language switch
            {
                "en" => CultureInfo.GetCultureInfo("en-GB"),
                "de" => CultureInfo.GetCultureInfo("de-DE"),
                _ => CultureInfo.GetCultureInfo(language),
            };
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.GetCultureInfo("de-DE");
        }
    }

    public static string Number(decimal number, string language, int? decimals = null) =>
        decimals is { } d ? number.ToString("N" + d, Culture(language)) : number.ToString("#,0.##########", Culture(language));

    public static string Money(decimal amount, string language)
    {
        var format = (NumberFormatInfo)Culture(language).NumberFormat.Clone();
        format.CurrencySymbol = "€";
        return language == "de" ? amount.ToString("#,0.00", format) + " €" : amount.ToString("C2", format);
    }

    public static string Date(DateOnly date, string language) => language switch
    {
        "de" => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
        "en" => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")),
        _ => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    public static string FileSize(long bytes, string language) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{Number(Math.Round(bytes / 1024m, 1), language)} KB",
        _ => $"{Number(Math.Round(bytes / (1024m * 1024m), 1), language)} MB",
    };

    /// <summary>Reads a number typed by a person: "1.234,56" (German) or "1234.56"; null if it is not one.</summary>
    public static decimal? ParseTypedNumber(string text)
    {
        text = text.Trim().Replace(" ", "").Replace("\u00A0", "").Replace("€", "");
        if (text.Length == 0) return null;
        var lastComma = text.LastIndexOf(',');
        var lastDot = text.LastIndexOf('.');
        string invariant;
        if (lastComma > lastDot) invariant = text.Replace(".", "").Replace(',', '.');
        else if (lastDot > lastComma && lastComma >= 0) invariant = text.Replace(",", "");
        else if (lastDot >= 0 && text.Count(c => c == '.') > 1) invariant = text.Replace(".", "");
        else if (lastDot >= 0 && text.Length - lastDot - 1 == 3 && text.IndexOf('.') == lastDot && !text.StartsWith('0')) invariant = text.Replace(".", "");
        else invariant = text;
        return decimal.TryParse(invariant, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
    }
}
