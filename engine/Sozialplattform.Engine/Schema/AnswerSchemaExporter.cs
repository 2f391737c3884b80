using System.Text.Json.Nodes;
using Sozialplattform.Engine.Definitions;

namespace Sozialplattform.Engine.Schema;

/// <summary>
/// The JSON Schema (2020-12) of one form version's submitted answers. Only what always holds is required:
/// a field that is required and can never be hidden. Conditional rules stay with the engine.
/// </summary>
public static class AnswerSchemaExporter
{
    public const string Draft = "https://json-schema.org/draft/2020-12/schema";

    public static JsonObject Export(FormDefinition form)
    {
        var schema = new JsonObject
        {
            ["$schema"] = Draft,
            ["$id"] = $"urn:sozialplattform:form:{form.Id}:{form.Version}",
            ["title"] = form.Title.Get(LocalizedText.SourceLanguage),
            ["description"] = $"Answers of form {form.Reference} (content hash {form.ContentHash})",
        };
        var (properties, required) = Members(form.Root.Items, form.Pages.Where(p => p.VisibleIf is null).ToHashSet());
        foreach (var declaration in form.Declarations)
        {
            var declarationSchema = new JsonObject { ["type"] = "boolean", ["title"] = declaration.Text.Get(LocalizedText.SourceLanguage) };
            if (declaration.Required)
            {
                declarationSchema["const"] = true;
                required.Add(declaration.Key);
            }

            properties[declaration.Key] = declarationSchema;
        }

        Object(schema, properties, required);
        return schema;
    }

    private static (JsonObject Properties, JsonArray Required) Members(IEnumerable<ElementDefinition> items, IReadOnlySet<PageDefinition>? alwaysShownPages)
    {
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var item in items)
        {
            if (item is FieldDefinition { Type.HasAnswer: false }) continue;
            properties[item.Key] = Of(item);
            var alwaysShown = item.VisibleIf is null && (alwaysShownPages is null || alwaysShownPages.Contains(item.Page!));
            if (alwaysShown && item is FieldDefinition { Required: true, IsComputed: false })
                required.Add(item.Key);
            if (alwaysShown && item is GroupDefinition { Repeat.Min: > 0 })
                required.Add(item.Key);
        }

        return (properties, required);
    }

    private static JsonObject Of(ElementDefinition element)
    {
        if (element is FieldDefinition field)
        {
            var fieldSchema = field.Type.Schema(field);
            if (field.IsComputed) fieldSchema["readOnly"] = true;
            return fieldSchema;
        }

        var group = (GroupDefinition)element;
        var (properties, required) = Members(group.Items, null);
        var rowSchema = new JsonObject { ["title"] = group.Title.Get(LocalizedText.SourceLanguage) };
        Object(rowSchema, properties, required);
        if (!group.IsRepeating) return rowSchema;
        return new JsonObject
        {
            ["title"] = group.Title.Get(LocalizedText.SourceLanguage),
            ["type"] = "array",
            ["minItems"] = group.Repeat!.Min,
            ["maxItems"] = group.Repeat.Max,
            ["items"] = rowSchema,
        };
    }

    private static void Object(JsonObject schema, JsonObject properties, JsonArray required)
    {
        schema["type"] = "object";
        schema["additionalProperties"] = false;
        schema["properties"] = properties;
        if (required.Count > 0) schema["required"] = required;
    }
}
