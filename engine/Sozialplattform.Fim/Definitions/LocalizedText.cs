using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sozialplattform.Fim.Definitions;

/// <summary>A text per language, <c>{"de": "…"}</c>. Read from a plain string too (which counts as German).</summary>
[JsonConverter(typeof(LocalizedTextConverter))]
public sealed class LocalizedText(IReadOnlyList<KeyValuePair<string, string>> entries)
{
    public IReadOnlyList<KeyValuePair<string, string>> Entries { get; } = entries;

    public string German => Entries.FirstOrDefault(e => e.Key == "de").Value ?? Entries.FirstOrDefault().Value ?? "";

    /// <summary>A German text, or null for an empty one so that it is left out of the JSON.</summary>
    public static LocalizedText? De(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : new LocalizedText([new("de", text.Trim())]);

    public static LocalizedText Of(params (string Language, string Text)[] entries) =>
        new(entries.Select(e => new KeyValuePair<string, string>(e.Language, e.Text)).ToList());
}

public sealed class LocalizedTextConverter : JsonConverter<LocalizedText>
{
    public override LocalizedText? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String) return new LocalizedText([new("de", reader.GetString() ?? "")]);
        var entries = JsonSerializer.Deserialize<Dictionary<string, string>>(ref reader, options) ?? [];
        return new LocalizedText(entries.ToList());
    }

    public override void Write(Utf8JsonWriter writer, LocalizedText value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (language, text) in value.Entries) writer.WriteString(language, text);
        writer.WriteEndObject();
    }
}
