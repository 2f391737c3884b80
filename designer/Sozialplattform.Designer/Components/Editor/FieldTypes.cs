namespace Sozialplattform.Designer.Components.Editor;

/// <summary>German names of the field types for authors.</summary>
public static class FieldTypes
{
    public static readonly IReadOnlyList<string> All =
        ["text", "textarea", "integer", "decimal", "money", "date", "yesNo", "choice", "multiChoice", "email", "phone", "postalCode", "iban", "bic", "file", "address", "info"];

    public static string Name(string type) => type switch
    {
        "text" => "Text (einzeilig)",
        "textarea" => "Text (mehrzeilig)",
        "integer" => "Ganze Zahl",
        "decimal" => "Dezimalzahl",
        "money" => "Geldbetrag",
        "date" => "Datum",
        "yesNo" => "Ja/Nein",
        "choice" => "Auswahl",
        "multiChoice" => "Mehrfachauswahl",
        "email" => "E-Mail",
        "phone" => "Telefon",
        "postalCode" => "Postleitzahl",
        "iban" => "IBAN",
        "bic" => "BIC",
        "file" => "Datei",
        "address" => "Anschrift",
        "info" => "Hinweistext",
        "group" => "Gruppe",
        "repeatingGroup" => "Wiederholgruppe",
        "block" => "Baustein",
        "page" => "Seite",
        _ => type,
    };
}
