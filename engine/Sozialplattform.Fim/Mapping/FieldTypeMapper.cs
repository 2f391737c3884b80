using Sozialplattform.Fim.Definitions;

namespace Sozialplattform.Fim.Mapping;

/// <summary>
/// <c>datentyp</c> → field type for input, hidden and locked fields. Types we have no field type for yet
/// come back with <see cref="FieldTypeChoice.Approximated"/> set, so the caller can warn and keep the FIM type in a note.
/// </summary>
public static class FieldTypeMapper
{
    /// <summary>FIM <c>time</c> is <c>hh:mm</c>.</summary>
    public const string TimePattern = "([01][0-9]|2[0-3]):[0-5][0-9]";

    public const string DateTimePattern = "[0-9]{4}-[0-9]{2}-[0-9]{2}T([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?";

    /// <summary>Texts longer than a text box's default maximum (1000) get a multi-line box.</summary>
    public const int TextareaFromLength = 1001;

    public static FieldTypeChoice ForDataType(string dataType, int? maxLength) => dataType.ToLowerInvariant() switch
    {
        "text" or "text_latin" or "string.latin" or "string" when maxLength >= TextareaFromLength => new(ItemTypes.Textarea),
        "text" or "string" => new(ItemTypes.Text),
        "text_latin" or "string.latin" => new(ItemTypes.Text, Approximated: true),
        "date" => new(ItemTypes.Date),
        "bool" => new(ItemTypes.YesNo),
        "num" => new(ItemTypes.Decimal),
        "num_int" => new(ItemTypes.Integer),
        "num_currency" => new(ItemTypes.Money),
        "file" => new(ItemTypes.File),
        "obj" => new(ItemTypes.File, Approximated: true),
        "time" => new(ItemTypes.Text, Approximated: true, Pattern: TimePattern),
        "datetime" => new(ItemTypes.Text, Approximated: true, Pattern: DateTimePattern),
        _ => new(ItemTypes.Text, Unknown: true),
    };
}

/// <summary>The chosen field type; <see cref="Pattern"/> is set for types we express as text with a pattern.</summary>
public sealed record FieldTypeChoice(string Type, bool Approximated = false, bool Unknown = false, string? Pattern = null);
