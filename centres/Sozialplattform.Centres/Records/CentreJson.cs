using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace Sozialplattform.Centres.Records;

/// <summary>
/// The one JSON shape of a centre record: storage, import/export files and the API all use it (camelCase, enums as
/// camelCase strings, times "09:00", dates "2026-12-24", texts as language → text objects).
/// </summary>
public static class CentreJson
{
    public static readonly JsonSerializerOptions Options = Create(indented: false);
    public static readonly JsonSerializerOptions Indented = Create(indented: true);

    public static string Write(CentreRecord record, bool indented = false) => JsonSerializer.Serialize(record, indented ? Indented : Options);

    /// <summary>Reads a record; malformed JSON or a missing required member is a <see cref="JsonException"/> with the path.</summary>
    public static CentreRecord Read(string json) => JsonSerializer.Deserialize<CentreRecord>(json, Options) ?? throw new JsonException("null is not a centre");

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = indented,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            RespectRequiredConstructorParameters = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new PatternConverter<LocalTime>(LocalTimePattern.CreateWithInvariantCulture("HH:mm")));
        options.Converters.Add(new PatternConverter<LocalDate>(LocalDatePattern.Iso));
        options.Converters.Add(new TextsConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private sealed class PatternConverter<T>(IPattern<T> pattern) : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString() ?? "";
            var result = pattern.Parse(text);
            return result.Success ? result.Value : throw new JsonException($"'{text}' is not a {typeof(T).Name} ({pattern.Format(default!)})");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(pattern.Format(value));
    }

    private sealed class TextsConverter : JsonConverter<Texts>
    {
        public override Texts Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String
                ? Texts.De(reader.GetString()!)
                : new Texts(JsonSerializer.Deserialize<Dictionary<string, string>>(ref reader) ?? []);

        public override void Write(Utf8JsonWriter writer, Texts value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            foreach (var (language, text) in value) writer.WriteString(language, text);
            writer.WriteEndObject();
        }
    }

    internal static string Invariant(double value) => value.ToString("0.#####", CultureInfo.InvariantCulture);
}
