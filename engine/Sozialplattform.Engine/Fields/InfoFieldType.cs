using System.Text.Json.Nodes;
using Sozialplattform.Engine.Definitions;

namespace Sozialplattform.Engine.Fields;

/// <summary>A text block without an answer (information, a warning, or a result of the Sozialleistungsfinder).</summary>
public sealed class InfoFieldType : FieldType
{
    public override string Name => "info";
    public override bool HasAnswer => false;
    public override IReadOnlySet<string> Properties { get; } = new HashSet<string> { "text", "display" };

    public override void CheckDefinition(FieldDefinition field, ProblemList problems)
    {
        if (field.Text.IsEmpty && field.Label.IsEmpty)
            problems.Error(DefinitionProblemCodes.InfoText, $"info block '{field.Key}' needs a text", field.Location, field.Key);
        if (field.Required || field.RequiredIf is not null || field.Value is not null || field.SoftRequired)
            problems.Error(DefinitionProblemCodes.InfoAnswer, $"info block '{field.Key}' takes no answer: remove required, requiredIf, softRequired and value", field.Location, field.Key);
    }

    public override ParseResult Parse(JsonNode answer, FieldDefinition field) => ParseResult.Fail("unknownAnswer");

    public override JsonObject Schema(FieldDefinition field) => new();

    public override RenderHints Render(FieldDefinition field) => new("info");

    public override JsonNode? FromFormInput(FieldDefinition field, IFormInput input) => null;
}
