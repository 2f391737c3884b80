using System.Reflection;
using System.Text.RegularExpressions;

namespace Sozialplattform.Documents.Templating;

/// <summary>
/// Finds a template. The first that exists wins, each layer for the requested language, then English, then German:
/// <list type="number">
/// <item><c>&lt;overrides&gt;/&lt;form-id&gt;/&lt;template&gt;.&lt;lang&gt;.scriban</c> — the operator forces one service's wording;</item>
/// <item>the service's own template, stored with the form version (<see cref="ServiceTemplates"/>, made in the designer);</item>
/// <item><c>&lt;overrides&gt;/&lt;template&gt;.&lt;lang&gt;.scriban</c> — the operator's wording for every service without its own;</item>
/// <item>the built-in template.</item>
/// </list>
/// Layers 3 and 4 are searched language by language as before (a general override in Turkish beats the built-in English).
/// Names are checked before they become paths, so no input can leave the overrides directory.
/// </summary>
public sealed partial class TemplateLocator(string? overridesDirectory = null)
{
    public const string Extension = ".scriban";
    private const string ResourcePrefix = "Sozialplattform.Documents.Templates.";

    public static IReadOnlyList<string> BuiltInTemplates { get; } = ["receipt", "email-confirmation", "email-authority", "cover-letter"];

    public static bool IsValidName(string name) => SafeName().IsMatch(name);

    public TemplateSource? Find(string template, string formId, string language) => Find(template, formId, language, null);

    /// <summary>As <see cref="Find(string, string, string)"/>, with the templates of the form version in use (null: it has none).</summary>
    public TemplateSource? Find(string template, string formId, string language, ServiceTemplates? service)
    {
        if (!IsValidName(template)) return null;
        var languages = Languages(language).ToList();
        if (overridesDirectory is not null && IsValidName(formId))
        {
            foreach (var candidate in languages)
            {
                var path = Path.Combine(overridesDirectory, formId, $"{template}.{candidate}{Extension}");
                if (File.Exists(path)) return new TemplateSource(template, candidate, path, File.ReadAllText(path));
            }
        }

        if (service is not null)
        {
            foreach (var candidate in languages)
                if (service.File(ServiceTemplates.PathOf(template, candidate)) is { } text)
                    return new TemplateSource(template, candidate, $"{service.Origin}/{ServiceTemplates.PathOf(template, candidate)}", text);
        }

        foreach (var candidate in languages)
        {
            var file = $"{template}.{candidate}{Extension}";
            if (overridesDirectory is not null)
            {
                var path = Path.Combine(overridesDirectory, file);
                if (File.Exists(path)) return new TemplateSource(template, candidate, path, File.ReadAllText(path));
            }

            if (BuiltIn(file) is { } text) return new TemplateSource(template, candidate, $"builtin:{file}", text);
        }

        return null;
    }

    /// <summary>The built-in text of a template in exactly this language, or null (the designer starts a service's own from it).</summary>
    public static string? BuiltInText(string template, string language) =>
        IsValidName(template) && IsValidName(language) ? BuiltIn($"{template}.{language}{Extension}") : null;

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
