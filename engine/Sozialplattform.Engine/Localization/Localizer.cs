using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Sozialplattform.Engine.Definitions;
using Sozialplattform.Engine.Fields;

namespace Sozialplattform.Engine.Localization;

/// <summary>
/// Turns error codes and text keys into text in one language: the built-in <c>messages.&lt;lang&gt;.json</c>
/// (embedded), overridable per field by the definition's <c>messages</c>. Falls back to German.
/// </summary>
public sealed partial class Localizer
{
    public static readonly Localizer Default = new();

    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> _catalogs = new();

    /// <summary>The languages with a built-in message file.</summary>
    public IReadOnlyList<string> Languages { get; } =
        typeof(Localizer).Assembly.GetManifestResourceNames()
            .Select(n => MessageResource().Match(n))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .Order()
            .ToList();

    public string Text(string key, string language) =>
        Catalog(language).TryGetValue(key, out var text) ? text
        : Catalog(LocalizedText.SourceLanguage).TryGetValue(key, out text) ? text
        : key;

    /// <summary>The message for one error: the field's own message for the code if it has one, else the built-in text.</summary>
    public string Message(string code, IReadOnlyDictionary<string, object?> args, string label, string language, LocalizedText? own = null)
    {
        var template = own is { IsEmpty: false } ? own.Get(language)
            : args.TryGetValue("part", out var part) && part is string p && Has($"{code}.{p}", language) ? Text($"{code}.{p}", language)
            : Text(code, language);
        return Fill(template, args, label, language);
    }

    /// <summary>The template with its placeholders filled; in a right-to-left language each filled-in value is a bidi isolate.</summary>
    public string Fill(string template, IReadOnlyDictionary<string, object?> args, string label, string language) =>
        Placeholder().Replace(template, match =>
        {
            var name = match.Groups[1].Value;
            if (name == "label") return Isolated(label, language);
            return args.TryGetValue(name, out var value) ? Isolated(FormatArgument(name, value, language), language) : match.Value;
        });

    private static string Isolated(string text, string language) => BidiText.IsRightToLeft(language) ? BidiText.Isolate(text) : text;

    private bool Has(string key, string language) => Catalog(language).ContainsKey(key) || Catalog(LocalizedText.SourceLanguage).ContainsKey(key);

    private static string FormatArgument(string name, object? value, string language) => value switch
    {
        null => "",
        string text when DateFieldType.TryParseIso(text, out var date) => DisplayFormats.Date(date, language),
        long size when name == "max" && size >= 1024 * 1024 => DisplayFormats.FileSize(size, language),
        decimal number => DisplayFormats.Number(number, language),
        int or long or double => Convert.ToString(value, DisplayFormats.Culture(language)) ?? "",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private IReadOnlyDictionary<string, string> Catalog(string language) => _catalogs.GetOrAdd(language, Load);

    private static IReadOnlyDictionary<string, string> Load(string language)
    {
        var name = $"Sozialplattform.Engine.Localization.messages.{language}.json";
        using var stream = typeof(Localizer).Assembly.GetManifestResourceStream(name);
        if (stream is null) return new Dictionary<string, string>();
        return JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? new Dictionary<string, string>();
    }

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^Sozialplattform\.Engine\.Localization\.messages\.([a-z]{2,3})\.json$")]
    private static partial Regex MessageResource();
}
