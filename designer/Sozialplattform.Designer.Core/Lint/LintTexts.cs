using System.Text.Json;
using Sozialplattform.Catalog.Lint;

namespace Sozialplattform.Designer.Lint;

/// <summary>
/// The catalog lint's findings as the author reads them: code and arguments (<see cref="LintFinding.Code"/>) become text
/// in the designer's language, embedded from <c>Lint/Texts/&lt;lang&gt;.json</c> (<c>{0}</c>, <c>{1}</c> … are the
/// arguments in order). A missing text falls back to German, then to the finding's English message; the command line
/// keeps printing the English message.
/// </summary>
public static class LintTexts
{
    public static readonly IReadOnlyList<string> Languages = ["de", "en"];

    private static readonly Dictionary<string, IReadOnlyDictionary<string, string>> Texts = Languages.ToDictionary(l => l, Load);

    public static IReadOnlyDictionary<string, string> Of(string language) => Texts.GetValueOrDefault(language) ?? Texts["de"];

    public static string Text(LintFinding finding, string language = "de")
    {
        if (!Of(language).TryGetValue(finding.Code, out var text) && !Of("de").TryGetValue(finding.Code, out text)) return finding.Message;
        for (var i = 0; i < finding.Arguments.Count; i++) text = text.Replace("{" + i + "}", finding.Arguments[i], StringComparison.Ordinal);
        return text;
    }

    private static IReadOnlyDictionary<string, string> Load(string language)
    {
        using var stream = typeof(LintTexts).Assembly.GetManifestResourceStream($"Sozialplattform.Designer.Lint.Texts.{language}.json");
        return stream is null ? new Dictionary<string, string>() : JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? new Dictionary<string, string>();
    }
}
