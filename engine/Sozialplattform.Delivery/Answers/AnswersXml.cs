using System.Text.Json;
using System.Xml;
using System.Xml.Linq;

namespace Sozialplattform.Delivery.Answers;

/// <summary>
/// The generic answers-JSON → XML mapping (documented in docs/DELIVERY.md): root <c>antrag</c> in the namespace
/// <c>urn:sozialplattform:antrag:&lt;form-id&gt;:&lt;version&gt;</c>; one element per key; a group is an element
/// with child elements; a repeating group (array of objects) and a multiple choice (array of values) are the
/// element repeated once per entry; numbers as in JSON, yes/no as <c>true</c>/<c>false</c>; null is left out.
/// With the answers' JSON Schema, elements follow the schema's property order (as the generated XSD requires).
/// </summary>
public static class AnswersXml
{
    public static XNamespace Namespace(string formId, string formVersion) => $"urn:sozialplattform:antrag:{formId}:{formVersion}";

    public static XDocument FromJson(string answersJson, string formId, string formVersion, string? referenceNumber = null, JsonElement? schema = null)
    {
        using var answers = JsonDocument.Parse(answersJson);
        var ns = Namespace(formId, formVersion);
        var root = new XElement(ns + "antrag", new XAttribute("formId", formId), new XAttribute("formVersion", formVersion));
        if (referenceNumber is not null) root.Add(new XAttribute("referenceNumber", referenceNumber));
        AddProperties(root, ns, answers.RootElement, schema);
        return new XDocument(new XDeclaration("1.0", "utf-8", null), root);
    }

    private static void AddProperties(XElement parent, XNamespace ns, JsonElement obj, JsonElement? schema)
    {
        foreach (var property in Ordered(obj, schema))
        {
            var name = ns + XmlConvert.EncodeLocalName(property.Name);
            var propertySchema = PropertySchema(schema, property.Name);
            if (property.Value.ValueKind == JsonValueKind.Array)
                foreach (var item in property.Value.EnumerateArray()) AddValue(parent, name, ns, item, Items(propertySchema));
            else
                AddValue(parent, name, ns, property.Value, propertySchema);
        }
    }

    private static void AddValue(XElement parent, XName name, XNamespace ns, JsonElement value, JsonElement? schema)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return;
            case JsonValueKind.Object:
                var element = new XElement(name);
                AddProperties(element, ns, value, schema);
                parent.Add(element);
                return;
            case JsonValueKind.Array:
                var list = new XElement(name);
                foreach (var item in value.EnumerateArray()) AddValue(list, ns + "eintrag", ns, item, Items(schema));
                parent.Add(list);
                return;
            case JsonValueKind.String:
                parent.Add(new XElement(name, value.GetString()));
                return;
            case JsonValueKind.True or JsonValueKind.False:
                parent.Add(new XElement(name, value.GetBoolean() ? "true" : "false"));
                return;
            default:
                parent.Add(new XElement(name, value.GetRawText()));
                return;
        }
    }

    /// <summary>Properties in schema order (unknown ones after, in answer order), or in answer order without a schema.</summary>
    private static IEnumerable<JsonProperty> Ordered(JsonElement obj, JsonElement? schema)
    {
        var properties = obj.EnumerateObject().ToList();
        if (schema is not { } s || !s.TryGetProperty("properties", out var declared) || declared.ValueKind != JsonValueKind.Object) return properties;
        var order = declared.EnumerateObject().Select((p, i) => (p.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
        return properties.OrderBy(p => order.GetValueOrDefault(p.Name, int.MaxValue));
    }

    internal static JsonElement? PropertySchema(JsonElement? schema, string name) =>
        schema is { } s && s.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(name, out var p) ? p : null;

    internal static JsonElement? Items(JsonElement? schema) =>
        schema is { } s && s.ValueKind == JsonValueKind.Object && s.TryGetProperty("items", out var items) ? items : null;

    /// <summary>The document as UTF-8 text with its declaration, unindented.</summary>
    public static string Text(XDocument document) =>
        (document.Declaration is null ? "" : document.Declaration + "\n") + document.ToString(SaveOptions.DisableFormatting);
}
