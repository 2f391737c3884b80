using System.Globalization;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;

namespace Sozialplattform.Delivery.Answers;

/// <summary>
/// The XSD for <see cref="AnswersXml"/>, generated from the same structure: the answers' JSON Schema. Objects
/// become sequences in property order (required properties <c>minOccurs="1"</c>), arrays repeated elements
/// (<c>minItems</c>/<c>maxItems</c>), strings <c>xs:string</c> (enumerations, lengths; <c>format: date</c> →
/// <c>xs:date</c>), numbers <c>xs:decimal</c>, integers <c>xs:integer</c>, booleans <c>xs:boolean</c>.
/// JSON Schema patterns are not carried over (the regular-expression dialects differ).
/// </summary>
public static class AnswersXsd
{
    private static readonly XNamespace Xs = "http://www.w3.org/2001/XMLSchema";

    public static XDocument FromJsonSchema(JsonElement schema, string formId, string formVersion)
    {
        var ns = AnswersXml.Namespace(formId, formVersion);
        var root = ComplexType(schema);
        root.Add(new XElement(Xs + "attribute", new XAttribute("name", "formId"), new XAttribute("type", "xs:string"), new XAttribute("use", "required")),
            new XElement(Xs + "attribute", new XAttribute("name", "formVersion"), new XAttribute("type", "xs:string"), new XAttribute("use", "required")),
            new XElement(Xs + "attribute", new XAttribute("name", "referenceNumber"), new XAttribute("type", "xs:string")));
        return new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement(Xs + "schema",
                new XAttribute(XNamespace.Xmlns + "xs", Xs), new XAttribute("targetNamespace", ns.NamespaceName),
                new XAttribute("elementFormDefault", "qualified"),
                new XElement(Xs + "element", new XAttribute("name", "antrag"), root)));
    }

    private static XElement Element(string name, JsonElement schema, bool required)
    {
        var element = new XElement(Xs + "element", new XAttribute("name", XmlConvert.EncodeLocalName(name)));
        if (Type(schema) == "array")
        {
            var min = required && schema.TryGetProperty("minItems", out var minItems) ? minItems.GetInt32() : 0;
            element.Add(new XAttribute("minOccurs", min),
                new XAttribute("maxOccurs", schema.TryGetProperty("maxItems", out var maxItems) ? maxItems.GetInt32().ToString(CultureInfo.InvariantCulture) : "unbounded"));
            AddType(element, AnswersXml.Items(schema) ?? default);
            return element;
        }

        element.Add(new XAttribute("minOccurs", required ? 1 : 0));
        AddType(element, schema);
        return element;
    }

    private static void AddType(XElement element, JsonElement schema)
    {
        switch (Type(schema))
        {
            case "object":
                element.Add(ComplexType(schema));
                break;
            case "array":
                element.Add(new XElement(Xs + "complexType", new XElement(Xs + "sequence", Element("eintrag", schema, required: false))));
                break;
            case "integer":
                element.Add(new XAttribute("type", "xs:integer"));
                break;
            case "number":
                element.Add(new XAttribute("type", "xs:decimal"));
                break;
            case "boolean":
                element.Add(new XAttribute("type", "xs:boolean"));
                break;
            default:
                AddStringType(element, schema);
                break;
        }
    }

    private static XElement ComplexType(JsonElement schema)
    {
        var sequence = new XElement(Xs + "sequence");
        var required = schema.TryGetProperty("required", out var list) ? list.EnumerateArray().Select(r => r.GetString()).ToHashSet() : [];
        if (schema.TryGetProperty("properties", out var properties))
            foreach (var property in properties.EnumerateObject())
                sequence.Add(Element(property.Name, property.Value, required.Contains(property.Name)));
        return new XElement(Xs + "complexType", sequence);
    }

    private static void AddStringType(XElement element, JsonElement schema)
    {
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        if (format == "date") { element.Add(new XAttribute("type", "xs:date")); return; }
        if (format == "date-time") { element.Add(new XAttribute("type", "xs:dateTime")); return; }
        var restriction = new XElement(Xs + "restriction", new XAttribute("base", "xs:string"));
        if (schema.TryGetProperty("enum", out var values))
            restriction.Add(values.EnumerateArray().Select(v => new XElement(Xs + "enumeration", new XAttribute("value", v.ToString()))));
        if (schema.TryGetProperty("minLength", out var minLength)) restriction.Add(new XElement(Xs + "minLength", new XAttribute("value", minLength.GetInt32())));
        if (schema.TryGetProperty("maxLength", out var maxLength)) restriction.Add(new XElement(Xs + "maxLength", new XAttribute("value", maxLength.GetInt32())));
        if (restriction.HasElements) element.Add(new XElement(Xs + "simpleType", restriction));
        else element.Add(new XAttribute("type", "xs:string"));
    }

    private static string? Type(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString() : null;
}
