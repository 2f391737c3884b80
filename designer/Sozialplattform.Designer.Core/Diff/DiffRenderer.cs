using System.Text.Json.Nodes;

namespace Sozialplattform.Designer.Diff;

/// <summary>
/// A readable line per change, in German or English, in the author's words: the element by its label with the data path
/// beside it, the property by its caption in the editor — „Feld „Klasse“ (kinder.klasse) hinzugefügt (Pflichtangabe)“,
/// „Feld „Vorname“ (kinder.vorname): Beschriftung (Englisch) geändert von …“.
/// </summary>
public static class DiffRenderer
{
    public static IReadOnlyList<string> Render(IEnumerable<DiffEntry> entries, string language, IReadOnlyDictionary<string, JsonObject>? labels = null) =>
        entries.Select(e => Line(e, language == "en", labels)).ToList();

    public static string Line(DiffEntry entry, bool english, IReadOnlyDictionary<string, JsonObject>? labels = null)
    {
        if (entry.Area == ChangeArea.ServiceFile) return ServiceFileDiffRenderer.Line(ServiceFileChange.FromEntry(entry), english);
        var what = Subject(entry, english, labels);
        var part = entry.Property is null ? "" : Part(entry, english);
        return entry.Change switch
        {
            ChangeType.Added when entry.Area is ChangeArea.Element or ChangeArea.Page =>
                $"{what} {(english ? "added" : "hinzugefügt")}{(entry.Detail == "required" ? english ? " (required)" : " (Pflichtangabe)" : "")}",
            ChangeType.Removed when entry.Area is ChangeArea.Element or ChangeArea.Page => $"{what} {(english ? "removed" : "entfernt")}",
            ChangeType.Moved => english ? $"{what} moved ({entry.Before} → {entry.After})" : $"{what} verschoben ({entry.Before} → {entry.After})",
            ChangeType.Added => english ? $"{what}: {part} added{Value(entry.After)}" : $"{what}: {part} hinzugefügt{Value(entry.After)}",
            ChangeType.Removed => english ? $"{what}: {part} removed{Value(entry.Before)}" : $"{what}: {part} entfernt{Value(entry.Before)}",
            _ => english ? $"{what}: {part} changed from {Quote(entry.Before)} to {Quote(entry.After)}" : $"{what}: {part} geändert von {Quote(entry.Before)} zu {Quote(entry.After)}",
        };
    }

    private static string Subject(DiffEntry entry, bool english, IReadOnlyDictionary<string, JsonObject>? labels)
    {
        if (entry.IsForm) return english ? "Form" : "Formular";
        var kind = entry.IsPage ? english ? "Page" : "Seite" : entry.ElementType switch
        {
            "group" => english ? "Group" : "Gruppe",
            "repeatingGroup" => english ? "Repeating group" : "Wiederholgruppe",
            "block" => english ? "Building block" : "Baustein",
            "info" => english ? "Notice" : "Hinweis",
            _ => english ? "Field" : "Feld",
        };
        var name = entry.IsPage ? entry.Element[5..] : entry.Element;
        return labels is not null && labels.TryGetValue(entry.Element, out var label) && Text(label, english) is { Length: > 0 } text
            ? $"{kind} {Quote(text)} ({name})"
            : $"{kind} {name}";
    }

    private static string? Text(JsonObject label, bool english) =>
        (english ? label["en"] : null)?.ToString() ?? label["de"]?.ToString() ?? label.Select(p => p.Value?.ToString()).FirstOrDefault(v => v is { Length: > 0 });

    private static string Part(DiffEntry entry, bool english)
    {
        var caption = DiffCaptions.Property(entry.Property!, english) ?? $"{Area(entry.Area, english)} {entry.Property}";
        var detail = entry.Detail is null ? "" : $" ({DiffCaptions.Language(entry.Detail, english) ?? entry.Detail})";
        return caption + detail;
    }

    private static string Area(ChangeArea area, bool english) => area switch
    {
        ChangeArea.Text => english ? "text" : "Text",
        ChangeArea.Rule => english ? "rule" : "Regel",
        ChangeArea.Constraint => english ? "constraint" : "Vorgabe",
        ChangeArea.Option => english ? "option" : "Auswahlmöglichkeit",
        ChangeArea.CodeList => english ? "code list" : "Codeliste",
        ChangeArea.Validation => english ? "check" : "Prüfung",
        ChangeArea.Declaration => english ? "declaration" : "Erklärung",
        ChangeArea.Type => english ? "type" : "Typ",
        _ => english ? "property" : "Eigenschaft",
    };

    private static string Value(string? value) => value is null ? "" : $": {Quote(value)}";

    private static string Quote(string? value) => value is null ? "—" : $"„{value}“";
}
