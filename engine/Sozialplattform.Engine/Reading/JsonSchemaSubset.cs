using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using Sozialplattform.Engine.Definitions;

namespace Sozialplattform.Engine.Reading;

/// <summary>
/// A small, fast validator for the JSON Schema keywords our definition schemas use (type, $ref, properties,
/// required, additionalProperties, items, enum, pattern, min/max, lengths, minItems, uniqueItems, minProperties,
/// propertyNames). It checks a 1,000-field definition in a few milliseconds, where a general validator needed tens
/// of megabytes, and words its findings for authors. Unknown keywords are ignored.
/// </summary>
internal sealed class JsonSchemaSubset
{
    private readonly JObject _root;
    private readonly Func<string, JObject> _file;
    private readonly Dictionary<string, Regex> _patterns = new(StringComparer.Ordinal);

    public JsonSchemaSubset(JObject root, Func<string, JObject> file)
    {
        _root = root;
        _file = file;
    }

    public void Validate(JToken value, string file, ProblemList problems) => Check(value, _root, _root, file, problems);

    private void Check(JToken value, JObject schema, JObject document, string file, ProblemList problems)
    {
        if (schema["$ref"] is JValue reference)
        {
            var (target, targetDocument) = Resolve(reference.Value<string>()!, document);
            Check(value, target, targetDocument, file, problems);
            return;
        }

        if (schema["type"] is { } type && !HasType(value, type))
        {
            Report(problems, value, file, DefinitionProblemCodes.SchemaType, $"{Name(value)} must be {Describe(type)}", Subject(value), TypeNames(type));
            return;
        }

        if (schema["enum"] is JArray options && !options.Any(o => JToken.DeepEquals(o, value)))
            Report(problems, value, file, DefinitionProblemCodes.SchemaEnum, $"{Name(value)} must be one of: {string.Join(", ", options.Select(o => o.ToString()))}", Subject(value), string.Join(", ", options.Select(o => o.ToString())));

        switch (value)
        {
            case JObject obj:
                CheckObject(obj, schema, document, file, problems);
                break;
            case JArray array:
                CheckArray(array, schema, document, file, problems);
                break;
            case JValue { Type: JTokenType.String } text:
                CheckString(text, schema, file, problems);
                break;
            case JValue { Type: JTokenType.Integer or JTokenType.Float } number:
                var n = number.Value<decimal>();
                if (schema["minimum"] is { } min && n < min.Value<decimal>()) Report(problems, value, file, DefinitionProblemCodes.SchemaMinimum, $"{Name(value)} must be at least {min}", Subject(value), min.ToString());
                if (schema["maximum"] is { } max && n > max.Value<decimal>()) Report(problems, value, file, DefinitionProblemCodes.SchemaMaximum, $"{Name(value)} must be at most {max}", Subject(value), max.ToString());
                break;
        }
    }

    private void CheckObject(JObject obj, JObject schema, JObject document, string file, ProblemList problems)
    {
        if (schema["required"] is JArray required)
            foreach (var name in required.Values<string>())
                if (obj[name!] is null) Report(problems, obj, file, DefinitionProblemCodes.SchemaRequired, $"required property '{name}' is missing", name!);
        if (schema["minProperties"] is { } minProperties && obj.Count < minProperties.Value<int>())
            Report(problems, obj, file, DefinitionProblemCodes.SchemaEmpty, $"{Name(obj)} must not be empty", Subject(obj));

        var properties = schema["properties"] as JObject;
        foreach (var property in obj.Properties())
        {
            if (schema["propertyNames"] is JObject names) CheckString(new JValue(property.Name), names, file, problems, property);
            if (properties?[property.Name] is JObject propertySchema) Check(property.Value, propertySchema, document, file, problems);
            else if (schema["additionalProperties"] is JValue { Type: JTokenType.Boolean } allowed && !allowed.Value<bool>())
                Report(problems, property, file, DefinitionProblemCodes.SchemaNotAllowed, $"property '{property.Name}' is not allowed here", property.Name);
            else if (schema["additionalProperties"] is JObject additional) Check(property.Value, additional, document, file, problems);
        }
    }

    private void CheckArray(JArray array, JObject schema, JObject document, string file, ProblemList problems)
    {
        if (schema["minItems"] is { } minItems && array.Count < minItems.Value<int>())
            Report(problems, array, file, DefinitionProblemCodes.SchemaMinItems, $"{Name(array)} needs at least {minItems} entries", Subject(array), minItems.ToString());
        if (schema["uniqueItems"]?.Value<bool>() == true && array.Distinct(JToken.EqualityComparer).Count() < array.Count)
            Report(problems, array, file, DefinitionProblemCodes.SchemaUnique, $"{Name(array)} contains an entry twice", Subject(array));
        if (schema["items"] is JObject items)
            foreach (var item in array) Check(item, items, document, file, problems);
    }

    private void CheckString(JValue text, JObject schema, string file, ProblemList problems, JToken? at = null)
    {
        var value = text.Value<string>()!;
        at ??= text;
        if (schema["minLength"] is { } minLength && value.Length < minLength.Value<int>()) Report(problems, at, file, DefinitionProblemCodes.SchemaMinLength, $"{Name(at)} is too short", Subject(at));
        if (schema["maxLength"] is { } maxLength && value.Length > maxLength.Value<int>()) Report(problems, at, file, DefinitionProblemCodes.SchemaMaxLength, $"{Name(at)} is longer than {maxLength} characters", Subject(at), maxLength.ToString());
        if (schema["pattern"] is JValue pattern && !Pattern(pattern.Value<string>()!).IsMatch(value))
            Report(problems, at, file, DefinitionProblemCodes.SchemaPattern, $"'{value}' does not have the required format ({pattern})", value, pattern.ToString());
    }

    private (JObject Schema, JObject Document) Resolve(string reference, JObject document)
    {
        var hash = reference.IndexOf('#');
        var target = hash > 0 ? _file(reference[..hash]) : document;
        var node = (JToken)target;
        foreach (var part in reference[(hash + 1)..].Split('/', StringSplitOptions.RemoveEmptyEntries)) node = node[part]!;
        return ((JObject)node, target);
    }

    /// <summary>
    /// The platform's own schema patterns (simple, linear): the timeout only guards against a pathological input, so it is
    /// generous — a busy machine once ran past 200 ms on the first match while the host started.
    /// </summary>
    private Regex Pattern(string pattern)
    {
        if (!_patterns.TryGetValue(pattern, out var regex))
            _patterns[pattern] = regex = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));
        return regex;
    }

    private static bool HasType(JToken value, JToken type) =>
        type is JArray types ? types.Any(t => HasType(value, t)) : type.Value<string>() switch
        {
            "object" => value.Type == JTokenType.Object,
            "array" => value.Type == JTokenType.Array,
            "string" => value.Type == JTokenType.String,
            "integer" => value.Type == JTokenType.Integer || (value.Type == JTokenType.Float && value.Value<decimal>() % 1 == 0),
            "number" => value.Type is JTokenType.Integer or JTokenType.Float,
            "boolean" => value.Type == JTokenType.Boolean,
            "null" => value.Type == JTokenType.Null,
            _ => true,
        };

    private static string Describe(JToken type) => type is JArray types
        ? string.Join(" or ", types.Select(Describe))
        : type.Value<string>() switch
        {
            "object" => "an object",
            "array" => "a list",
            "string" => "a text",
            "integer" => "a whole number",
            "number" => "a number",
            "boolean" => "true or false",
            var other => other!,
        };

    private static string Name(JToken token) => token.Parent is JProperty property ? $"'{property.Name}'" : token.Path.Length > 0 ? $"'{token.Path}'" : "the document";

    /// <summary>The property's name, its JSON path, or empty for the document (as <see cref="Name"/> without quotes).</summary>
    private static string Subject(JToken token) => token.Parent is JProperty property ? property.Name : token.Path;

    private static string TypeNames(JToken type) => type is JArray types ? string.Join(", ", types.Select(TypeNames)) : type.Value<string>() ?? "";

    private static void Report(ProblemList problems, JToken at, string file, string key, string message, params IReadOnlyList<string> arguments) =>
        problems.Error(key, message, JsonDocumentReader.Location(at, file), arguments);
}
