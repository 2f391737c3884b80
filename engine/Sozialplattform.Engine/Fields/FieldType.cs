using System.Text.Json;
using System.Text.Json.Nodes;
using Sozialplattform.Engine.Definitions;

namespace Sozialplattform.Engine.Fields;

/// <summary>Defaults shared by the built-in field types; each type overrides what is special about it.</summary>
public abstract class FieldType : IFieldType
{
    public abstract string Name { get; }
    public virtual bool HasAnswer => true;
    public virtual IReadOnlySet<string> Properties { get; } = new HashSet<string>();

    public virtual void CheckDefinition(FieldDefinition field, ProblemList problems)
    {
    }

    public abstract ParseResult Parse(JsonNode answer, FieldDefinition field);

    public virtual void Validate(FieldDefinition field, JsonNode value, FieldCheckContext context)
    {
    }

    public virtual string Format(FieldDefinition field, JsonNode value, FormatContext context) =>
        value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();

    public abstract JsonObject Schema(FieldDefinition field);

    public abstract RenderHints Render(FieldDefinition field);

    public virtual JsonNode? FromFormInput(FieldDefinition field, IFormInput input)
    {
        var text = input.Values().FirstOrDefault()?.Trim();
        return string.IsNullOrEmpty(text) ? null : JsonValue.Create(text);
    }

    /// <summary>Numbers, dates, yes/no: far below 100 characters in any accepted spelling.</summary>
    public virtual InputLimit InputLimit(FieldDefinition field) => new(100);

    protected static IReadOnlyDictionary<string, object?> Args(params (string Name, object? Value)[] args) =>
        args.ToDictionary(a => a.Name, a => a.Value);

    protected static JsonObject WithTitle(JsonObject schema, FieldDefinition field)
    {
        var title = field.Caption.Get(LocalizedText.SourceLanguage);
        if (title.Length > 0) schema["title"] = title;
        return schema;
    }
}
