using System.Text.Json.Nodes;
using Sozialplattform.Engine.Definitions;

namespace Sozialplattform.Engine.Fields;

/// <summary>An IBAN, stored without spaces in upper case; checked by country length and the ISO 13616 mod-97 checksum.</summary>
public sealed class IbanFieldType : FormattedStringFieldType
{
    public override string Name => "iban";
    protected override string ErrorCode => "iban";
    protected override int MaxLength => 34;
    protected override string Normalize(string text) => text.Replace(" ", "").ToUpperInvariant();
    protected override bool IsValid(string text) => Iban.IsValid(text);

    public override string Format(FieldDefinition field, JsonNode value, FormatContext context) => Iban.Group(value.GetValue<string>());

    public override JsonObject Schema(FieldDefinition field)
    {
        var schema = base.Schema(field);
        schema["pattern"] = "^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$";
        return schema;
    }

    public override RenderHints Render(FieldDefinition field) => new("text", Autocomplete: "off");
}

/// <summary>IBAN checks shared by the field type and the rule helper documentation tests.</summary>
public static class Iban
{
    private static readonly Dictionary<string, int> Lengths = new()
    {
        ["AD"] = 24, ["AE"] = 23, ["AL"] = 28, ["AT"] = 20, ["AZ"] = 28, ["BA"] = 20, ["BE"] = 16, ["BG"] = 22, ["BH"] = 22,
        ["BR"] = 29, ["BY"] = 28, ["CH"] = 21, ["CR"] = 22, ["CY"] = 28, ["CZ"] = 24, ["DE"] = 22, ["DK"] = 18, ["DO"] = 28,
        ["EE"] = 20, ["EG"] = 29, ["ES"] = 24, ["FI"] = 18, ["FO"] = 18, ["FR"] = 27, ["GB"] = 22, ["GE"] = 22, ["GI"] = 23,
        ["GL"] = 18, ["GR"] = 27, ["GT"] = 28, ["HR"] = 21, ["HU"] = 28, ["IE"] = 22, ["IL"] = 23, ["IQ"] = 23, ["IS"] = 26,
        ["IT"] = 27, ["JO"] = 30, ["KW"] = 30, ["KZ"] = 20, ["LB"] = 28, ["LC"] = 32, ["LI"] = 21, ["LT"] = 20, ["LU"] = 20,
        ["LV"] = 21, ["MC"] = 27, ["MD"] = 24, ["ME"] = 22, ["MK"] = 19, ["MR"] = 27, ["MT"] = 31, ["MU"] = 30, ["NL"] = 18,
        ["NO"] = 15, ["PK"] = 24, ["PL"] = 28, ["PS"] = 29, ["PT"] = 25, ["QA"] = 29, ["RO"] = 24, ["RS"] = 22, ["SA"] = 24,
        ["SC"] = 31, ["SE"] = 24, ["SI"] = 19, ["SK"] = 24, ["SM"] = 27, ["ST"] = 25, ["SV"] = 28, ["TL"] = 23, ["TN"] = 24,
        ["TR"] = 26, ["UA"] = 29, ["VA"] = 22, ["VG"] = 24, ["XK"] = 20,
    };

    public static bool IsValid(string iban)
    {
        if (iban.Length < 15 || iban.Length > 34) return false;
        if (!Lengths.TryGetValue(iban[..2], out var length) || iban.Length != length) return false;
        if (!char.IsAsciiDigit(iban[2]) || !char.IsAsciiDigit(iban[3])) return false;
        var remainder = 0;
        foreach (var c in iban[4..] + iban[..4])
        {
            int digit;
            if (char.IsAsciiDigit(c)) digit = c - '0';
            else if (char.IsAsciiLetterUpper(c)) digit = c - 'A' + 10;
            else return false;
            remainder = digit >= 10 ? (remainder * 100 + digit) % 97 : (remainder * 10 + digit) % 97;
        }

        return remainder == 1;
    }

    /// <summary>Groups of four for reading: DE89 3704 0044 0532 0130 00.</summary>
    public static string Group(string iban) => string.Join(' ', iban.Chunk(4).Select(c => new string(c)));
}
