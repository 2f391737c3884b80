namespace Sozialplattform.Engine.Definitions;

/// <summary>A text in several languages. German is the source language and the fallback.</summary>
public sealed class LocalizedText
{
    public const string SourceLanguage = "de";

    public static readonly LocalizedText Empty = new(new Dictionary<string, string>());

    public LocalizedText(IReadOnlyDictionary<string, string> values) => Values = values;

    public IReadOnlyDictionary<string, string> Values { get; }

    public bool IsEmpty => Values.Count == 0;

    public static LocalizedText German(string text) => new(new Dictionary<string, string> { [SourceLanguage] = text });

    /// <summary>The text in <paramref name="language"/>, else German, else any; empty if there is none.</summary>
    public string Get(string language) => Resolve(language).Text;

    /// <summary>The text and the language it is really in, so a renderer can set the right <c>lang</c> attribute.</summary>
    public (string Text, string Language) Resolve(string language)
    {
        if (Values.TryGetValue(language, out var text)) return (text, language);
        if (Values.TryGetValue(SourceLanguage, out text)) return (text, SourceLanguage);
        foreach (var pair in Values) return (pair.Value, pair.Key);
        return ("", language);
    }

    public bool Has(string language) => Values.ContainsKey(language);

    public override string ToString() => Get(SourceLanguage);
}
