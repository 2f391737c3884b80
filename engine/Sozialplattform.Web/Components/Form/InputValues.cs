using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sozialplattform.Web.Components.Form;

/// <summary>
/// A raw answer as the text an input shows again: strings as given, numbers with the decimal comma in German,
/// lists as their items. By JSON kind only — what an input means is the field type's business.
/// </summary>
public static class InputValues
{
    public static string Text(JsonNode? answer, string language) => answer switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => Number(value, language),
        JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>() ? "true" : "false",
        _ => "",
    };

    public static IReadOnlyList<string> List(JsonNode? answer, string language) => answer switch
    {
        JsonArray items => items.Select(i => Text(i, language)).ToList(),
        null => [],
        _ => [Text(answer, language)],
    };

    public static string Part(JsonNode? answer, string part, string language) => Text((answer as JsonObject)?[part], language);

    private static string Number(JsonValue value, string language)
    {
        var text = value.TryGetValue(out decimal number) ? number.ToString(CultureInfo.InvariantCulture) : value.ToJsonString();
        return language == "de" ? text.Replace('.', ',') : text;
    }
}
