using System.Text.Json;
using System.Text.Json.Nodes;
using Sozialplattform.Engine.Definitions;

namespace Sozialplattform.Engine.Fields;

/// <summary>A yes/no question answered with true or false.</summary>
public sealed class YesNoFieldType : FieldType
{
    public override string Name => "yesNo";
    public override IReadOnlySet<string> Properties { get; } = new HashSet<string> { "display" };

    public override ParseResult Parse(JsonNode answer, FieldDefinition field) =>
        answer.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            ? ParseResult.Ok(JsonValue.Create(answer.GetValue<bool>()))
            : ParseResult.Fail("boolean");

    public override string Format(FieldDefinition field, JsonNode value, FormatContext context) =>
        context.Localizer.Text(value.GetValue<bool>() ? "value.yes" : "value.no", context.Language);

    public override JsonObject Schema(FieldDefinition field) => WithTitle(new JsonObject { ["type"] = "boolean" }, field);

    public override RenderHints Render(FieldDefinition field) => new(field.Display == "switch" ? "switch" : "radio");

    public override JsonNode? FromFormInput(FieldDefinition field, IFormInput input) =>
        input.Values().FirstOrDefault()?.Trim() switch
        {
            "true" or "yes" or "on" => JsonValue.Create(true),
            "false" or "no" => JsonValue.Create(false),
            null or "" => null,
            var other => JsonValue.Create(other),
        };
}
