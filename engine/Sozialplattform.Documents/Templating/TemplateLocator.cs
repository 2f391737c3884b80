using System.Reflection;
using System.Text.RegularExpressions;

namespace Sozialplattform.Documents.Templating;

/// <summary>
/// Finds a template: for the requested language, then English, then German, it tries
/// <c>&lt;overrides&gt;/&lt;form-id&gt;/&lt;template&gt;.&lt;lang&gt;.scriban</c>, then
/// <c>&lt;overrides&gt;/&lt;template&gt;.&lt;lang&gt;.scriban</c>, then the built-in template.
/// Names are checked before they become paths, so no input can leave the overrides directory.
/// </summary>
public sealed partial class TemplateLocator(string? overridesDirectory = null)
{
    public const string Extension = ".scriban";
    private const string ResourcePrefix = "Sozialplattform.Documents.Templates.";

    public static IReadOnlyList<string> BuiltInTemplates { get; } = ["receipt", "email-confirmation", "email-authority", "cover-letter"];

    public static bool IsValidName(string name) => SafeName().IsMatch(name);

    public TemplateSource? Find(string template, string formId, string language)
    {
        foreach (var candidate in Languages(language))
        {
            var file = $"{template}.{candidate}{Extension}";
            if (overridesDirectory is not null)
            {
                foreach (var path in new[] { Path.Combine(overridesDirectory, formId, file), Path.Combine(overridesDirectory, file) })
                    if (File.Exists(path)) return new TemplateSource(template, candidate, path, File.ReadAllText(path));
            }

            if (BuiltIn(file) is { } text) return new TemplateSource(template, candidate, $"builtin:{file}", text);
        }

        return null;
    }

    private static IEnumerable<string> Languages(string language) =>
        new[] { language.ToLowerInvariant(), language.Split('-')[0].ToLowerInvariant(), "en", "de" }.Where(IsValidName).Distinct();

    private static string? BuiltIn(string file)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourcePrefix + file);
        if (stream is null) return null;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,79}$")]
    private static partial Regex SafeName();
}
