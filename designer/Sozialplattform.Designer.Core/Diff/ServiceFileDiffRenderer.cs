namespace Sozialplattform.Designer.Diff;

/// <summary>
/// A readable line per service-file change, German or English, as the author named things in the editor:
/// „Checkliste: Punkt „Einkommen geprüft“ hinzugefügt“, „Bescheid „bewilligung“ geändert (2 Zeilen neu, 1 entfernt)“,
/// „E-Mail-Vorlage „Statusänderung“ (Englisch) geändert …“.
/// </summary>
public static class ServiceFileDiffRenderer
{
    private static readonly Dictionary<string, (string De, string En)> Templates = new(StringComparer.Ordinal)
    {
        ["status-changed"] = ("Statusänderung", "status changed"),
        ["case-news"] = ("Neuigkeit zum Antrag", "news on the application"),
        ["email-confirmation"] = ("Eingangsbestätigung an die Antragstellenden", "confirmation to the applicant"),
        ["email-authority"] = ("Nachricht an die Behörde", "message to the authority"),
        ["receipt"] = ("Empfangsbestätigung (PDF)", "receipt (PDF)"),
        ["cover-letter"] = ("Anschreiben (PDF)", "cover letter (PDF)"),
    };

    public static IReadOnlyList<string> Render(IEnumerable<ServiceFileChange> changes, string language) =>
        changes.Select(c => Line(c, language == "en")).ToList();

    public static string Line(ServiceFileChange change, bool english)
    {
        var verb = Verb(change.Change, english);
        var language = change.Language is null ? "" : $" ({DiffCaptions.Language(change.Language, english) ?? change.Language})";
        return change.What switch
        {
            "item" => english ? $"Checklist: item {Quote(change.Label)} {verb}" : $"Checkliste: Punkt {Quote(change.Label)} {verb}",
            "label" when change.Change == ChangeType.Changed => english
                ? $"Checklist: item {Quote(change.Label)} renamed{language} from {Quote(change.Before)} to {Quote(change.After)}"
                : $"Checkliste: Punkt {Quote(change.Label)} umbenannt{language} von {Quote(change.Before)} zu {Quote(change.After)}",
            "label" => english
                ? $"Checklist: item {Quote(change.Label)}: label{language} {verb}{Value(change.After ?? change.Before)}"
                : $"Checkliste: Punkt {Quote(change.Label)}: Bezeichnung{language} {verb}{Value(change.After ?? change.Before)}",
            "position" => english
                ? $"Checklist: item {Quote(change.Label)} moved (position {change.Before} → {change.After})"
                : $"Checkliste: Punkt {Quote(change.Label)} verschoben (Position {change.Before} → {change.After})",
            "text" => english
                ? $"{File(change, english)}: text {Quote(change.Item)}{language} {verb}{Values(change, english)}"
                : $"{File(change, english)}: Text {Quote(change.Item)}{language} {verb}{Values(change, english)}",
            _ => $"{File(change, english)}{language} {verb}{Lines(change, english)}",
        };
    }

    /// <summary>The file as the author knows it: „Bescheid „bewilligung““, „E-Mail-Vorlage „Statusänderung““, „Checkliste“.</summary>
    public static string File(ServiceFileChange change, bool english)
    {
        var name = ServiceFileDiff.NameOf(change.Path);
        return change.Kind switch
        {
            ServiceFileKind.Checklist => english ? "Checklist" : "Checkliste",
            ServiceFileKind.Letter => english ? $"Decision letter {Quote(name)}" : $"Bescheid {Quote(name)}",
            ServiceFileKind.Template when Templates.TryGetValue(name, out var caption) =>
                (name.StartsWith("email-", StringComparison.Ordinal) || name is "status-changed" or "case-news"
                    ? english ? "E-mail template" : "E-Mail-Vorlage"
                    : english ? "Template" : "Vorlage") + $" {Quote(english ? caption.En : caption.De)}",
            ServiceFileKind.Template => english ? $"Template {Quote(name)}" : $"Vorlage {Quote(name)}",
            ServiceFileKind.Texts => english ? $"Texts {change.Path}" : $"Texte {change.Path}",
            _ => english ? $"File {change.Path}" : $"Datei {change.Path}",
        };
    }

    private static string Verb(ChangeType change, bool english) => change switch
    {
        ChangeType.Added => english ? "added" : "hinzugefügt",
        ChangeType.Removed => english ? "removed" : "entfernt",
        ChangeType.Moved => english ? "moved" : "verschoben",
        _ => english ? "changed" : "geändert",
    };

    private static string Lines(ServiceFileChange change, bool english)
    {
        if (change.Change != ChangeType.Changed) return "";
        var (added, removed) = TextLineDiff.Count(TextLineDiff.Compare(change.Before, change.After, context: 0));
        return english ? $" ({added} lines new, {removed} removed)" : $" ({added} {(added == 1 ? "Zeile" : "Zeilen")} neu, {removed} entfernt)";
    }

    private static string Values(ServiceFileChange change, bool english) => change.Change switch
    {
        ChangeType.Changed => english ? $" from {Quote(change.Before)} to {Quote(change.After)}" : $" von {Quote(change.Before)} zu {Quote(change.After)}",
        _ => Value(change.After ?? change.Before),
    };

    private static string Value(string? value) => value is null ? "" : $": {Quote(Short(value))}";

    private static string Quote(string? value) => value is null ? "—" : $"„{Short(value)}“";

    private static string Short(string value) => value.Length <= 200 ? value : value[..197] + "...";
}
