using System.Text.Json.Nodes;
using Sozialplattform.Catalog.Lint;
using Sozialplattform.Catalog.Translations;
using Sozialplattform.Designer.Documents;
using Sozialplattform.Designer.Editing;

namespace Sozialplattform.Designer.Translations;

/// <summary>
/// The translations of a draft in the designer: how complete each portal language is, the file for translators, and an
/// import turned into one undoable edit (text by text, so the draft keeps its formatting) with the import's report.
/// The same texts and rules as <c>sozial translations export/import</c> (<see cref="TranslationImport"/>).
/// </summary>
public static class DraftTranslations
{
    public sealed record LanguageState(string Language, int Total, int Missing)
    {
        public int Percent => Total == 0 ? 100 : (Total - Missing) * 100 / Total;
    }

    /// <summary>The largest translation file the designer takes (a form's texts in XLIFF are far below it).</summary>
    public const long MaxUploadBytes = 10 * 1024 * 1024;

    /// <summary>The languages a translator can work on: the portal's, without German (the source).</summary>
    public static IReadOnlyList<string> Targets { get; } = TranslationCompleteness.PortalLanguages.Where(l => l != "de").ToList();

    public static IReadOnlyList<LanguageState> Completeness(JsonObject definition) => Targets.Select(language =>
    {
        var units = FormTexts.Units(definition, language);
        return new LanguageState(language, units.Count, units.Count(u => u.Target is null));
    }).ToList();

    public static TranslationFile Export(JsonObject definition, string formId, string language) =>
        TranslationImport.Export(definition, $"designer:{formId}", language);

    /// <summary>The edit that sets the file's translations into the draft (null when there is nothing to set), and the report.</summary>
    public static (IEdit? Edit, TranslationReport Report) Import(JsonObject definition, TranslationFile file)
    {
        var (report, changes) = TranslationImport.Plan(definition, file);
        var edits = changes.Where(c => c.Text.Array is null)
            .Select(c => (IEdit)new SetText(DocumentPath.Parse(c.Text.OwnerPath), c.Text.Property, file.Language, c.Value)).ToList();
        foreach (var array in changes.Where(c => c.Text.Array is not null).GroupBy(c => c.Text.Array!))
        {
            var copy = (JsonArray)array.Key.DeepClone();
            foreach (var (text, value) in array) copy[text.Index] = text.WithLanguage(file.Language, value);
            var first = array.First().Text;
            edits.Add(new SetProperty(DocumentPath.Parse(first.OwnerPath), first.Property, copy, $"{first.Property} ({file.Language}) übersetzt"));
        }
        return (edits.Count == 0 ? null : new EditGroup($"Übersetzung ({file.Language}) importiert: {edits.Count} Texte", edits), report);
    }

    /// <summary>
    /// One text typed beside the German: the same checks as a file with that one text; an empty box removes the
    /// translation (a text in a list, such as a document name, keeps it: remove it in the element's properties).
    /// </summary>
    public static (IEdit? Edit, TranslationReport Report) Set(JsonObject definition, string formId, string language, TextUnit unit, string value)
    {
        var file = new TranslationFile($"designer:{formId}", language, [new TranslationEntry(unit.Id, unit.Context, unit.German, value.Trim())]);
        var (edit, report) = Import(definition, file);
        if (value.Trim().Length > 0 || unit.Target is null) return (edit, report);
        var text = FormTexts.Locate(definition).FirstOrDefault(t => t.Id == unit.Id && t.Array is null);
        return (text is null ? null : new SetText(DocumentPath.Parse(text.OwnerPath), text.Property, language, ""), report);
    }

}
