using System.Globalization;
using System.Text.Json.Nodes;
using Sozialplattform.Fim.Definitions;
using Sozialplattform.Fim.Diagnostics;
using Sozialplattform.Fim.Model;

namespace Sozialplattform.Fim.Mapping;

/// <summary>A field's <c>inhalt</c> as the answer's initial value, in the JSON type of the field type.</summary>
public sealed class DefaultValueMapper(DiagnosticBag diagnostics)
{
    public JsonNode? Map(string content, string type, FimIdentity field, int line)
    {
        if (content.Length == 0) return null;
        JsonNode? value = type switch
        {
            ItemTypes.Text or ItemTypes.Textarea or ItemTypes.Choice => JsonValue.Create(content),
            ItemTypes.YesNo => YesNo(content),
            ItemTypes.Integer or ItemTypes.Decimal or ItemTypes.Money
                when decimal.TryParse(content.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                => JsonValue.Create(number),
            ItemTypes.Date when DateOnly.TryParseExact(content, ["yyyy-MM-dd", "dd.MM.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                => JsonValue.Create(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            _ => null,
        };
        if (value is null) diagnostics.Warning(DiagnosticCodes.ContentIgnored, field, line, ("type", type), ("value", content));
        return value;
    }

    private static JsonNode? YesNo(string content) => content.Trim().ToLowerInvariant() switch
    {
        "true" or "ja" or "wahr" or "1" => JsonValue.Create(true),
        "false" or "nein" or "falsch" or "0" => JsonValue.Create(false),
        _ => null,
    };
}
