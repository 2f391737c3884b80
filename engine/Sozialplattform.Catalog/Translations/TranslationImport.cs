using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Sozialplattform.Catalog.Translations;

/// <summary>What an import did and found, text by text.</summary>
public sealed record TranslationReport(
    string Language,
    IReadOnlyList<string> Applied,
    IReadOnlyList<string> Missing,
    IReadOnlyList<TranslationProblem> Changed,
    IReadOnlyList<TranslationProblem> Suspicious,
    IReadOnlyList<string> Unknown)
{
    public bool Clean => Missing.Count == 0 && Changed.Count == 0 && Suspicious.Count == 0 && Unknown.Count == 0;
}

/// <summary>
/// A text the import did not take as it is, and why: <see cref="Reason"/> in English (the command line) and the same as
/// data — <see cref="Kind"/> and <see cref="Arguments"/> — for the designer to say in German.
/// </summary>
public sealed record TranslationProblem(string Id, string Reason, bool Applied)
{
    public TranslationProblemKind Kind { get; init; }

    /// <summary>SourceChanged: the German text now, the German text translated; PlaceholderLost: the placeholders; TooLong: target and source length.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];
}

public enum TranslationProblemKind { SourceChanged, PlaceholderLost, TooLong }

/// <summary>
/// Sets a translation file's texts into a definition. Taken: a non-empty target whose German source is still the
/// definition's. Not taken: a source that changed since the export (the translation may be of the old wording), a target
/// that lost a placeholder such as <c>{n}</c> (the portal fills those in). Taken but reported: a target much longer than
/// its source. Reported: texts of the definition the file leaves empty or lacks, and ids the definition does not have.
/// </summary>
public static partial class TranslationImport
{
    public static TranslationReport Apply(JsonObject definition, TranslationFile file)
    {
        var (report, changes) = Plan(definition, file);
        foreach (var (text, value) in changes) text.Set(file.Language, value);
        return report;
    }

    /// <summary>What <see cref="Apply"/> would set, text by text, and its report — nothing is changed.</summary>
    public static (TranslationReport Report, IReadOnlyList<(LocatedText Text, string Value)> Changes) Plan(JsonObject definition, TranslationFile file)
    {
        var changes = new List<(LocatedText, string)>();
        CheckTarget(file.Language, file.Original);
        var texts = FormTexts.Locate(definition).ToDictionary(t => t.Id, StringComparer.Ordinal);
        var (applied, changed, suspicious, unknown) = (new List<string>(), new List<TranslationProblem>(), new List<TranslationProblem>(), new List<string>());
        var given = new HashSet<string>(StringComparer.Ordinal);

        foreach (var entry in file.Entries)
        {
            if (!texts.TryGetValue(entry.Id, out var text)) { unknown.Add(entry.Id); continue; }
            var target = entry.Target.Trim();
            if (target.Length == 0) continue;
            given.Add(entry.Id);
            var german = CatalogJson.GermanText(text.Text);
            if (entry.Source != german)
            {
                changed.Add(new TranslationProblem(entry.Id, $"the German text is now „{german}“, the file translates „{entry.Source}“", Applied: false) { Kind = TranslationProblemKind.SourceChanged, Arguments = [german, entry.Source] });
                continue;
            }
            var lost = FormTexts.Placeholders(german).Except(FormTexts.Placeholders(target)).ToList();
            if (lost.Count > 0)
            {
                suspicious.Add(new TranslationProblem(entry.Id, $"placeholder {string.Join(", ", lost)} is missing in the translation", Applied: false) { Kind = TranslationProblemKind.PlaceholderLost, Arguments = [string.Join(", ", lost)] });
                continue;
            }
            if (target.Length > german.Length * 3 + 20)
                suspicious.Add(new TranslationProblem(entry.Id, $"{target.Length} characters for a German text of {german.Length}", Applied: true) { Kind = TranslationProblemKind.TooLong, Arguments = [$"{target.Length}", $"{german.Length}"] });
            changes.Add((text, target));
            applied.Add(entry.Id);
        }

        var missing = texts.Values.Where(t => !given.Contains(t.Id) && !HasLanguage(t.Text, file.Language)).Select(t => t.Id).ToList();
        return (new TranslationReport(file.Language, applied, missing, changed, suspicious, unknown), changes);
    }

    /// <summary>The file a translator gets: every text of the definition with its current translation, if any.</summary>
    public static TranslationFile Export(JsonObject definition, string original, string language)
    {
        CheckTarget(language, original);
        return new TranslationFile(original, language, FormTexts.Units(definition, language).Select(u => new TranslationEntry(u.Id, u.Context, u.German, u.Target ?? "")).ToList());
    }

    private static void CheckTarget(string language, string original)
    {
        if (!LanguageCode().IsMatch(language) || language == "de")
            throw new TranslationFileException(original, 0, $"'{language}' is no target language: a two-letter code other than de (German is the source)");
    }

    private static bool HasLanguage(JsonNode text, string language) => CatalogJson.TextLanguages(text).Contains(language);

    [GeneratedRegex("^[a-z]{2}$")]
    private static partial Regex LanguageCode();
}
