using System.Collections;

namespace Sozialplattform.Centres.Records;

/// <summary>One text in several languages (language code → text); German is the fallback.</summary>
public sealed class Texts : IReadOnlyDictionary<string, string>, IEquatable<Texts>
{
    public const string German = "de";
    public static readonly Texts Empty = new(new Dictionary<string, string>());

    private readonly SortedDictionary<string, string> _byLanguage;

    public Texts(IEnumerable<KeyValuePair<string, string>> byLanguage) =>
        _byLanguage = new SortedDictionary<string, string>(
            byLanguage.Where(p => !string.IsNullOrWhiteSpace(p.Value)).ToDictionary(p => p.Key, p => p.Value.Trim()), StringComparer.Ordinal);

    public static Texts De(string text) => new([new(German, text)]);

    /// <summary>The text in <paramref name="language"/>, else German; with the language it really is in.</summary>
    public (string Text, string Language) Resolve(string language) =>
        _byLanguage.TryGetValue(language, out var text) ? (text, language)
        : _byLanguage.TryGetValue(German, out text) ? (text, German)
        : ("", language);

    public string this[string key] => _byLanguage[key];
    public IEnumerable<string> Keys => _byLanguage.Keys;
    public IEnumerable<string> Values => _byLanguage.Values;
    public int Count => _byLanguage.Count;
    public bool ContainsKey(string key) => _byLanguage.ContainsKey(key);
    public bool TryGetValue(string key, out string value) => _byLanguage.TryGetValue(key, out value!);
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _byLanguage.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(Texts? other) => other is not null && _byLanguage.SequenceEqual(other._byLanguage);
    public override bool Equals(object? obj) => Equals(obj as Texts);
    public override int GetHashCode() => _byLanguage.Aggregate(0, (hash, pair) => HashCode.Combine(hash, pair.Key, pair.Value));
}
