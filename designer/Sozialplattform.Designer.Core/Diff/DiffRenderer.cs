namespace Sozialplattform.Designer.Diff;

/// <summary>A readable line per change, in German or English: „Feld kinder.schule hinzugefügt (Pflichtfeld)“.</summary>
public static class DiffRenderer
{
    public static IReadOnlyList<string> Render(IEnumerable<DiffEntry> entries, string language) =>
        entries.Select(e => Line(e, language == "en")).ToList();

    public static string Line(DiffEntry entry, bool english)
    {
        var what = Subject(entry, english);
        var part = entry.Property is null ? "" : Part(entry, english);
        return entry.Change switch
        {
            ChangeType.Added when entry.Area is ChangeArea.Element or ChangeArea.Page =>
                $"{what} {(english ? "added" : "hinzugefügt")}{(entry.Detail == "required" ? english ? " (required)" : " (Pflichtangabe)" : "")}",
            ChangeType.Removed when entry.Area is ChangeArea.Element or ChangeArea.Page => $"{what} {(english ? "removed" : "entfernt")}",
            ChangeType.Moved => english ? $"{what} moved ({entry.Property}: {entry.Before} → {entry.After})" : $"{what} verschoben ({entry.Property}: {entry.Before} → {entry.After})",
            ChangeType.Added => english ? $"{what}: {part} added{Value(entry.After, english)}" : $"{what}: {part} hinzugefügt{Value(entry.After, english)}",
            ChangeType.Removed => english ? $"{what}: {part} removed{Value(entry.Before, english)}" : $"{what}: {part} entfernt{Value(entry.Before, english)}",
            _ => english ? $"{what}: {part} changed from {Quote(entry.Before)} to {Quote(entry.After)}" : $"{what}: {part} geändert von {Quote(entry.Before)} zu {Quote(entry.After)}",
        };
    }

    private static string Subject(DiffEntry entry, bool english)
    {
        if (entry.IsForm) return english ? "Form" : "Formular";
        if (entry.IsPage) return (english ? "Page " : "Seite ") + entry.Element[5..];
        var kind = entry.ElementType switch
        {
            "group" => english ? "Group" : "Gruppe",
            "repeatingGroup" => english ? "Repeating group" : "Wiederholgruppe",
            "block" => english ? "Building block" : "Baustein",
            "info" => english ? "Notice" : "Hinweis",
            _ => english ? "Field" : "Feld",
        };
        return $"{kind} {entry.Element}";
    }

    private static string Part(DiffEntry entry, bool english)
    {
        var area = entry.Area switch
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
        var detail = entry.Detail is null ? "" : $" [{entry.Detail}]";
        return $"{area} {entry.Property}{detail}";
    }

    private static string Value(string? value, bool english) => value is null ? "" : $": {Quote(value)}";

    private static string Quote(string? value) => value is null ? "—" : $"„{value}“";
}
