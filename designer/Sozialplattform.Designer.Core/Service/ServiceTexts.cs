using System.Text.Json.Nodes;
using Sozialplattform.Catalog;
using Sozialplattform.Catalog.Translations;
using Sozialplattform.Designer.Documents;
using Sozialplattform.Designer.Editing;
using Sozialplattform.Designer.Translations;
using Sozialplattform.Engine.Definitions;

namespace Sozialplattform.Designer.Service;

/// <summary>One text of the service page: its address in the definition and its German caption.</summary>
public sealed record ServiceText(string Id, string Caption, bool Multiline, int MaxLength);

/// <summary>The texts the service page shows, as the engine's types (what the portal's components take).</summary>
public sealed record ServicePage(LocalizedText Title, LocalizedText Description, ServiceInformation Info, IReadOnlyList<LocalizedText> RequiredDocuments);

/// <summary>
/// What the portal's service page and the Sozialleistungsfinder say about a service — title, short title, description
/// and the information texts of <c>serviceInfo</c> — edited per language with the translation view's checks: a
/// translation needs the German text first, keeps its placeholders (<c>{n}</c>) and is flagged when much longer than the
/// German (DraftTranslations). Each change is one undoable edit of the draft.
/// </summary>
public static class ServiceTexts
{
    public static IReadOnlyList<ServiceText> All { get; } =
    [
        new("title", "Titel", false, 200),
        new("shortTitle", "Kurztitel (Sozialleistungsfinder, Listen)", false, 80),
        new("description", "Beschreibung — Was ist das?", true, 5_000),
        new("serviceInfo.eligibility", "Wer bekommt es?", true, 5_000),
        new("serviceInfo.deadlines", "Fristen", true, 5_000),
        new("serviceInfo.paidFrom", "Ab wann wird gezahlt?", true, 5_000),
        new("serviceInfo.costs", "Kosten", true, 5_000),
        new("serviceInfo.processingTime", "Wie lange dauert es?", true, 5_000),
        new("serviceInfo.afterSubmission", "Was passiert nach dem Absenden?", true, 5_000),
    ];

    /// <summary>The text in one language ("" when there is none).</summary>
    public static string Get(JsonObject definition, string id, string language)
    {
        var node = Node(definition, id);
        return node switch
        {
            JsonObject texts => texts[language]?.ToString() ?? "",
            JsonValue plain when language == "de" => plain.ToString(),
            _ => "",
        };
    }

    /// <summary>The edit that sets the text, or why not (German, for the author; nothing changes then) and the translation checks' report.</summary>
    public static (IEdit? Edit, string? Problem, TranslationReport? Report) Set(JsonObject definition, string formId, string id, string language, string value)
    {
        var text = All.Single(t => t.Id == id);
        value = value.Trim();
        if (value.Length > text.MaxLength) return (null, $"„{text.Caption}“ ist länger als {text.MaxLength:N0} Zeichen. Nichts geändert.", null);
        if (value.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t')) return (null, $"„{text.Caption}“ enthält Steuerzeichen. Nichts geändert.", null);
        if (language == "de")
        {
            if (value.Length == 0 && id is "title") return (null, "Der Titel darf nicht leer sein. Nichts geändert.", null);
            return (German(definition, id, value), null, null);
        }

        if (Get(definition, id, "de").Length == 0) return (null, $"Zuerst den deutschen Text von „{text.Caption}“ schreiben: er ist die Quelle jeder Übersetzung. Nichts geändert.", null);
        var unit = FormTexts.Units(definition, language).FirstOrDefault(u => u.Id == id);
        if (unit is null) return (null, $"„{text.Caption}“ wurde nicht gefunden. Nichts geändert.", null);
        var (edit, report) = DraftTranslations.Set(definition, formId, language, unit, value);
        var refused = report.Suspicious.FirstOrDefault(s => !s.Applied);
        return (edit, refused is null ? null : $"Nicht übernommen: {refused.Reason}", report.Suspicious.Count > 0 ? report : null);
    }

    private static IEdit German(JsonObject definition, string id, string value)
    {
        if (!id.StartsWith("serviceInfo.", StringComparison.Ordinal)) return new SetText(DocumentPath.Root, id, "de", value);
        var name = id["serviceInfo.".Length..];
        if (definition["serviceInfo"] is JsonObject) return new SetText(DocumentPath.Root.Property("serviceInfo"), name, "de", value);
        return new SetProperty(DocumentPath.Root, "serviceInfo", new JsonObject { [name] = new JsonObject { ["de"] = value } }, $"Leistungsinfo: {name} angelegt");
    }

    private static JsonNode? Node(JsonObject definition, string id) =>
        id.StartsWith("serviceInfo.", StringComparison.Ordinal) ? (definition["serviceInfo"] as JsonObject)?[id["serviceInfo.".Length..]] : definition[id];

    /// <summary>The languages the form declares (German first).</summary>
    public static IReadOnlyList<string> Languages(JsonObject definition) =>
        ["de", .. (definition["languages"] as JsonArray ?? []).Select(l => l?.ToString() ?? "").Where(l => l.Length > 0 && l != "de")];

    /// <summary>
    /// The draft's texts of the service page as the engine reads them (every language; a plain string is German), so the
    /// portal's own component can show the page of the unsaved draft — also when the draft does not load yet.
    /// </summary>
    public static ServicePage Page(JsonObject definition) => new(
        Localized(definition["title"]),
        Localized(definition["description"]),
        new ServiceInformation(
            Localized(Node(definition, "serviceInfo.eligibility")), Localized(Node(definition, "serviceInfo.deadlines")),
            Localized(Node(definition, "serviceInfo.paidFrom")), Localized(Node(definition, "serviceInfo.costs")),
            Localized(Node(definition, "serviceInfo.processingTime")), Localized(Node(definition, "serviceInfo.afterSubmission"))),
        (definition["requiredDocuments"] as JsonArray ?? []).Select(Localized).Where(t => !t.IsEmpty).ToList());

    private static LocalizedText Localized(JsonNode? node) => node switch
    {
        JsonObject texts => new LocalizedText(texts.Where(t => t.Value is JsonValue v && v.TryGetValue<string>(out var text) && text.Length > 0)
            .ToDictionary(t => t.Key, t => t.Value!.GetValue<string>())),
        JsonValue plain when plain.TryGetValue<string>(out var text) && text.Length > 0 => LocalizedText.German(text),
        _ => LocalizedText.Empty,
    };

    /// <summary>German text of a node, as the lint reads it.</summary>
    public static string GermanOf(JsonNode? node) => node is null ? "" : CatalogJson.GermanText(node);
}
