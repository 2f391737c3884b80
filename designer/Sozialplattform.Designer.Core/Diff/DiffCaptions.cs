using System.Text.Json.Nodes;

namespace Sozialplattform.Designer.Diff;

/// <summary>The words the editor uses for properties and languages, so that a change reads as the author made it.</summary>
public static class DiffCaptions
{
    private static readonly Dictionary<string, (string De, string En)> Properties = new(StringComparer.Ordinal)
    {
        ["label"] = ("Beschriftung", "label"), ["title"] = ("Titel", "title"), ["shortTitle"] = ("Kurztitel", "short title"),
        ["description"] = ("Beschreibung", "description"), ["hint"] = ("Hinweis", "hint"), ["help"] = ("Hilfetext", "help text"),
        ["text"] = ("Text", "text"), ["outputLabel"] = ("Bezeichnung im Antrag", "label in the application"),
        ["placeholder"] = ("Platzhalter", "placeholder"), ["unit"] = ("Einheit", "unit"),
        ["visibleIf"] = ("Regel „sichtbar, wenn“", "rule \"visible if\""), ["requiredIf"] = ("Regel „Pflicht, wenn“", "rule \"required if\""),
        ["readOnlyIf"] = ("Regel „schreibgeschützt, wenn“", "rule \"read-only if\""), ["value"] = ("berechneter Wert", "computed value"),
        ["required"] = ("Pflichtangabe", "required"), ["softRequired"] = ("Empfohlen (nur Warnung)", "recommended (warning only)"),
        ["readOnly"] = ("Schreibgeschützt", "read-only"), ["minLength"] = ("Mindestlänge", "minimum length"),
        ["maxLength"] = ("Höchstlänge", "maximum length"), ["pattern"] = ("Muster", "pattern"), ["min"] = ("Mindestwert", "minimum"),
        ["max"] = ("Höchstwert", "maximum"), ["decimals"] = ("Nachkommastellen", "decimals"), ["minSelected"] = ("mindestens auszuwählen", "minimum selected"),
        ["maxSelected"] = ("höchstens auszuwählen", "maximum selected"), ["accept"] = ("erlaubte Dateitypen", "accepted file types"),
        ["maxSize"] = ("Höchstgröße je Datei", "maximum file size"), ["maxFiles"] = ("Höchstzahl der Dateien", "maximum number of files"),
        ["international"] = ("auch ausländische Angaben", "international"), ["type"] = ("Feldtyp", "field type"),
        ["options"] = ("Auswahlmöglichkeit", "option"), ["codeList"] = ("Codeliste", "code list"), ["validations"] = ("Prüfung", "check"),
        ["languages"] = ("Sprachen", "languages"), ["topic"] = ("Thema", "topic"), ["keywords"] = ("Suchbegriffe", "keywords"),
        ["legalBasis"] = ("Rechtsgrundlage", "legal basis"), ["service"] = ("Leistung (LeiKa/OZG)", "service (LeiKa/OZG)"),
        ["requiredDocuments"] = ("Unterlagen", "required documents"), ["serviceInfo"] = ("Informationen zur Leistung", "service information"),
        ["access"] = ("Anmeldung", "sign-in"), ["routing"] = ("Zuständigkeit", "routing"), ["declarations"] = ("Erklärung", "declaration"),
    };

    private static readonly Dictionary<string, (string De, string En)> Languages = new(StringComparer.Ordinal)
    {
        ["de"] = ("Deutsch", "German"), ["en"] = ("Englisch", "English"), ["tr"] = ("Türkisch", "Turkish"),
        ["ar"] = ("Arabisch", "Arabic"), ["uk"] = ("Ukrainisch", "Ukrainian"), ["ru"] = ("Russisch", "Russian"),
    };

    public static string? Property(string name, bool english) =>
        Properties.TryGetValue(name, out var caption) ? english ? caption.En : caption.De
        : ServicePageText(name) is { } text ? english ? $"service page: {name[(name.IndexOf('.') + 1)..]}" : $"Leistungsseite: {text}"
        : null;

    /// <summary>The caption of a service page text (<c>serviceInfo.eligibility</c> → „Wer bekommt es?“), as its panel shows it.</summary>
    private static string? ServicePageText(string name) =>
        name.StartsWith("serviceInfo.", StringComparison.Ordinal) ? Sozialplattform.Designer.Service.ServiceTexts.All.FirstOrDefault(t => t.Id == name)?.Caption : null;

    public static string? Language(string code, bool english) => Languages.TryGetValue(code, out var name) ? english ? name.En : name.De : null;

    /// <summary>The labels (pages: titles) of every element of both versions by data path — the newer text where both have one.</summary>
    public static IReadOnlyDictionary<string, JsonObject> Labels(JsonObject before, JsonObject after)
    {
        var labels = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var index in new[] { ElementIndex.Of(before), ElementIndex.Of(after) })
            foreach (var (name, element) in index)
                if ((element.Json["label"] ?? element.Json["title"]) is JsonObject label) labels[name] = label;
        return labels;
    }
}
