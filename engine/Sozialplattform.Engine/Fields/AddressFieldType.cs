using System.Text.Json.Nodes;
using Sozialplattform.Engine.Definitions;

namespace Sozialplattform.Engine.Fields;

/// <summary>A postal address: street, house number, postal code, city and country (ISO 3166 alpha-2, default DE).</summary>
public sealed class AddressFieldType : FieldType
{
    public static readonly string[] Parts = ["street", "houseNumber", "postalCode", "city", "country"];
    private static readonly string[] RequiredParts = ["street", "houseNumber", "postalCode", "city"];

    public override string Name => "address";
    public override IReadOnlySet<string> Properties { get; } = new HashSet<string> { "international" };

    public override ParseResult Parse(JsonNode answer, FieldDefinition field)
    {
        if (answer is not JsonObject input) return ParseResult.Fail("type", Args(("expected", "object")));
        var address = new JsonObject();
        foreach (var (name, value) in input)
        {
            if (Array.IndexOf(Parts, name) < 0) return ParseResult.Fail("unknownAnswer", Args(("key", name)));
            if (value is null) continue;
            if (!AnswerValues.TryGetString(value, out var text)) return ParseResult.Fail("type", Args(("expected", "string"), ("part", name)));
            var clean = AnswerValues.CleanText(text, keepLineBreaks: false);
            if (clean.Length > 0) address[name] = name == "country" ? clean.ToUpperInvariant() : clean;
        }

        address["country"] ??= "DE";
        return ParseResult.Ok(address);
    }

    public override void Validate(FieldDefinition field, JsonNode value, FieldCheckContext context)
    {
        var address = value.AsObject();
        foreach (var part in RequiredParts)
            if (AnswerValues.IsEmpty(address[part])) context.Report("required", Args(("part", part)), "." + part);
        var country = address["country"]!.GetValue<string>();
        if (!field.International && country != "DE") context.Report("country", Args(("country", country)), ".country");
        foreach (var part in Parts)
            if (address[part] is { } text && text.GetValue<string>().Length > 100) context.Report("maxLength", Args(("max", 100)), "." + part);
        if (country == "DE" && address["postalCode"] is { } postalCode && !PostalCodeFieldType.GermanPostalCode().IsMatch(postalCode.GetValue<string>()))
            context.Report("postalCode", null, ".postalCode");
    }

    public override string Format(FieldDefinition field, JsonNode value, FormatContext context)
    {
        var a = value.AsObject();
        string Part(string name) => a[name]?.GetValue<string>() ?? "";
        var text = $"{Part("street")} {Part("houseNumber")}, {Part("postalCode")} {Part("city")}".Trim();
        return Part("country") == "DE" ? text : $"{text}, {Part("country")}";
    }

    public override JsonObject Schema(FieldDefinition field)
    {
        var properties = new JsonObject();
        foreach (var part in Parts) properties[part] = new JsonObject { ["type"] = "string", ["maxLength"] = 100 };
        properties["postalCode"]!["pattern"] = field.International ? null : "^[0-9]{5}$";
        properties["country"]!["pattern"] = field.International ? "^[A-Z]{2}$" : "^DE$";
        return WithTitle(new JsonObject
        {
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["required"] = new JsonArray(RequiredParts.Select(p => (JsonNode)JsonValue.Create(p)).ToArray()),
            ["properties"] = properties,
        }, field);
    }

    public override RenderHints Render(FieldDefinition field) => new("address");

    public override JsonNode? FromFormInput(FieldDefinition field, IFormInput input)
    {
        var address = new JsonObject();
        foreach (var part in Parts)
        {
            var text = input.Values(part).FirstOrDefault()?.Trim();
            if (!string.IsNullOrEmpty(text)) address[part] = text;
        }

        return address.Count == 0 ? null : address;
    }
}
