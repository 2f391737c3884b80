using System.Text.Json.Nodes;

namespace Sozialplattform.Designer.Documents;

/// <summary>
/// Where a property that the designer adds goes among the existing ones: the order of
/// <c>schemas/form-definition.schema.json</c>. Existing and unknown properties never move.
/// </summary>
public static class PropertyOrder
{
    private static readonly string[] Form =
    [
        "$schema", "formatVersion", "id", "version", "status", "languages", "title", "shortTitle", "description", "help", "topic",
        "keywords", "legalBasis", "service", "requiredDocuments", "serviceInfo", "access", "codeLists", "pages", "declarations", "validations",
        "routing", "notes", "fimRulesDone", "operatorTodo",
    ];

    private static readonly string[] Item =
    [
        "key", "type", "label", "title", "hint", "help", "text", "outputLabel", "placeholder", "legalBasis", "required", "softRequired",
        "requiredIf", "visibleIf", "readOnly", "readOnlyIf", "value", "default", "minLength", "maxLength", "pattern", "min", "max",
        "decimals", "unit", "options", "codeList", "display", "minSelected", "maxSelected", "accept", "maxSize", "maxFiles", "rows",
        "international", "autocomplete", "messages", "validations", "repeat", "block", "items", "fim", "notes",
    ];

    private static readonly string[] Page = ["id", "title", "description", "legalBasis", "visibleIf", "items", "validations", "notes"];
    private static readonly string[] Validation = ["when", "message", "code", "field", "level"];
    private static readonly string[] Option = ["code", "label", "hint"];
    private static readonly string[] Repeat = ["min", "max", "addLabel", "rowLabel"];
    private static readonly string[] CodeList = ["id", "version", "name", "canonicalUri", "items"];
    private static readonly string[] Declaration = ["key", "page", "text", "required"];
    private static readonly string[] Languages = ["de", "en", "tr", "ar", "uk", "ru"];

    /// <summary>The index at which <paramref name="name"/> is inserted into <paramref name="target"/>.</summary>
    public static int InsertionIndex(JsonObject target, string name, DocumentPath path)
    {
        var order = OrderFor(target, path);
        var rank = Array.IndexOf(order, name);
        if (rank < 0) return target.Count;
        var ranks = target.Select(p => Array.IndexOf(order, p.Key)).ToList();
        var lastLower = ranks.FindLastIndex(r => r >= 0 && r < rank);
        if (lastLower >= 0) return lastLower + 1;
        var firstHigher = ranks.FindIndex(r => r > rank);
        return firstHigher >= 0 ? firstHigher : target.Count;
    }

    private static string[] OrderFor(JsonObject target, DocumentPath path)
    {
        if (path.IsRoot) return Form;
        var last = path.Segments[^1];
        var container = path.Segments.Count >= 2 ? path.Segments[^2] as string : null;
        if (last is string name)
        {
            return name switch
            {
                "repeat" => Repeat,
                _ when target.All(p => p.Value is JsonValue) && target.Count > 0 && target.All(p => p.Key.Length <= 3) => Languages,
                _ when IsText(name) => Languages,
                _ => [],
            };
        }

        return container switch
        {
            "pages" => Page,
            "items" when path.Segments.Count >= 3 && path.Segments[^3] is "codeLists" => Option,
            "items" => Item,
            "validations" => Validation,
            "options" => Option,
            "codeLists" => CodeList,
            "declarations" => Declaration,
            _ => [],
        };
    }

    private static bool IsText(string name) =>
        name is "label" or "title" or "hint" or "help" or "text" or "outputLabel" or "placeholder" or "description" or "shortTitle"
            or "message" or "addLabel" or "rowLabel" or "unit" or "name";
}
