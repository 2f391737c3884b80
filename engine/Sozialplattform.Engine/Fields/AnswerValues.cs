using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sozialplattform.Engine.Fields;

/// <summary>Small helpers for reading answers the same way everywhere.</summary>
public static class AnswerValues
{
    /// <summary>Null, an empty or blank string, an empty array, or an object whose parts are all empty.</summary>
    public static bool IsEmpty(JsonNode? node) => node switch
    {
        null => true,
        JsonArray array => array.Count == 0,
        JsonObject obj => obj.All(p => IsEmpty(p.Value)),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.Null => true,
            JsonValueKind.String => string.IsNullOrWhiteSpace(value.GetValue<string>()),
            _ => false,
        },
        _ => false,
    };

    public static bool TryGetString(JsonNode node, out string text)
    {
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            text = value.GetValue<string>();
            return true;
        }

        text = "";
        return false;
    }

    /// <summary>Trims, normalises to Unicode NFC and removes control characters (keeping line breaks when asked).</summary>
    public static string CleanText(string text, bool keepLineBreaks)
    {
        if (IsClean(text)) return text;
        var normalized = text.Normalize(NormalizationForm.FormC).Trim();
        var builder = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (c == '\r') continue;
            if (c == '\n' || c == '\t')
            {
                builder.Append(keepLineBreaks && c == '\n' ? '\n' : ' ');
                continue;
            }

            if (!char.IsControl(c)) builder.Append(c);
        }

        return builder.ToString();
    }

    private static bool IsClean(string text)
    {
        if (text.Length == 0 || char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])) return text.Length == 0;
        foreach (var c in text)
            if (c < ' ' || c > '~') return false;
        return true;
    }

    public static bool TryGetDecimal(JsonNode node, out decimal number)
    {
        number = 0;
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.Number) return false;
        if (value.TryGetValue(out number)) return true;
        if (value.TryGetValue(out long whole)) { number = whole; return true; }
        if (value.TryGetValue(out int small)) { number = small; return true; }
        if (value.TryGetValue(out double real) && double.IsFinite(real) && Math.Abs(real) < 7.9e27) { number = (decimal)real; return true; }
        return false;
    }

    /// <summary>The number in a normalised numeric answer (0 if it is not a number).</summary>
    public static decimal Decimal(JsonNode node) => TryGetDecimal(node, out var number) ? number : 0;

    public static int CountDecimals(decimal number)
    {
        number = Math.Abs(number);
        var count = 0;
        while (number != Math.Truncate(number) && count < 29)
        {
            number *= 10;
            count++;
        }

        return count;
    }
}
