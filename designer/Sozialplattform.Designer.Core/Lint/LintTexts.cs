using System.Text.Json;
using System.Text.RegularExpressions;
using Sozialplattform.Catalog.Lint;
using Sozialplattform.Engine.Definitions;

namespace Sozialplattform.Designer.Lint;

/// <summary>
/// The catalog lint's findings as the author reads them: code and arguments (<see cref="LintFinding.Code"/>) become text
/// in the designer's language, embedded from <c>Lint/Texts/&lt;lang&gt;.json</c> (<c>{0}</c>, <c>{1}</c> … are the
/// arguments in order). A missing text falls back to German, then to the finding's English message; the command line
/// keeps printing the English message. The engine's definition problems likewise (<see cref="DefinitionProblem.Key"/>,
/// one of <see cref="DefinitionProblemCodes"/>), from <c>Lint/Texts/engine.&lt;lang&gt;.json</c>.
/// </summary>
public static partial class LintTexts
{
    public static readonly IReadOnlyList<string> Languages = ["de", "en"];

    /// <summary>Keys in the engine texts that are no problem: the words for a rule's kind (argument <c>rule kind</c>).</summary>
    public const string RuleKindPrefix = "rule-kind.";

    private static readonly Dictionary<string, IReadOnlyDictionary<string, string>> Texts = Languages.ToDictionary(l => l, Load);

    private static readonly Dictionary<string, IReadOnlyDictionary<string, string>> EngineTexts = Languages.ToDictionary(l => l, l => Load("engine." + l));

    public static IReadOnlyDictionary<string, string> Of(string language) => Texts.GetValueOrDefault(language) ?? Texts["de"];

    /// <summary>The texts of the engine's problems (and of <see cref="RuleKindPrefix"/>) in <paramref name="language"/>.</summary>
    public static IReadOnlyDictionary<string, string> OfEngine(string language) => EngineTexts.GetValueOrDefault(language) ?? EngineTexts["de"];

    /// <summary>
    /// An engine problem in <paramref name="language"/>. <paramref name="name"/> may show an argument differently (the
    /// lint shows an element's label for its key): it gets the argument's name (<see cref="ProblemArgumentsAttribute"/>)
    /// and value and returns null to keep the value.
    /// </summary>
    public static string Text(DefinitionProblem problem, string language = "de", Func<string, string, string?>? name = null)
    {
        if (!OfEngine(language).TryGetValue(problem.Key, out var text) && !OfEngine("de").TryGetValue(problem.Key, out text)) return problem.Message;
        var names = DefinitionProblemCodes.Arguments.GetValueOrDefault(problem.Key) ?? [];
        var arguments = problem.Arguments.Select((value, i) => i < names.Count ? Argument(names[i], value, language, name) : value).ToList();
        return Placeholder().Replace(text, m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) is var i && i < arguments.Count ? arguments[i] : m.Value);
    }

    /// <summary>The indexes of the placeholders (<c>{0}</c>, <c>{1}</c> …) a text uses.</summary>
    public static IReadOnlySet<int> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();

    private static string Argument(string argument, string value, string language, Func<string, string, string?>? name)
    {
        if (argument == "rule kind")
            return OfEngine(language).GetValueOrDefault(RuleKindPrefix + value) ?? OfEngine("de").GetValueOrDefault(RuleKindPrefix + value) ?? value;
        return name?.Invoke(argument, value) ?? value;
    }

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();

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
