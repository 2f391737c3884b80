namespace Sozialplattform.Web.Places;

/// <summary>One place a citizen can choose: postal code, Kreisschlüssel (null without postal-code data) and names.</summary>
public sealed record PlaceOption(string PostalCode, string? Ars, string? PlaceName, string? KreisName)
{
    public string Encode() => $"{PostalCode}|{Ars}|{PlaceName}";

    public static (string PostalCode, string? Ars, string? PlaceName)? Decode(string? value)
    {
        var parts = value?.Split('|');
        if (parts is not { Length: 3 } || parts[0].Length != 5 || !parts[0].All(char.IsAsciiDigit)) return null;
        return (parts[0], parts[1].Length == 0 ? null : parts[1], parts[2].Length == 0 ? null : parts[2]);
    }
}
