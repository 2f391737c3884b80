using System.Text.Json;
using System.Text.Json.Nodes;
using Sozialplattform.Engine.Definitions;

namespace Sozialplattform.Engine.Fields;

/// <summary>One code out of the field's options (inline or from a code list).</summary>
public sealed class ChoiceFieldType : FieldType
{
    public override string Name => "choice";
    public override IReadOnlySet<string> Properties { get; } = new HashSet<string> { "options", "codeList", "display" };

    public override void CheckDefinition(FieldDefinition field, ProblemList problems) => ChoiceRules.CheckOptions(field, problems);

    public override ParseResult Parse(JsonNode answer, FieldDefinition field) =>
        ChoiceRules.TryCode(answer, out var code) ? ParseResult.Ok(JsonValue.Create(code)) : ParseResult.Fail("type", Args(("expected", "string")));

    public override void Validate(FieldDefinition field, JsonNode value, FieldCheckContext context)
    {
        if (field.FindOption(value.GetValue<string>()) is null) context.Report("option", Args(("code", value.GetValue<string>())));
    }

    public override string Format(FieldDefinition field, JsonNode value, FormatContext context) =>
        ChoiceRules.Label(field, value.GetValue<string>(), context.Language);

    public override JsonObject Schema(FieldDefinition field) =>
        WithTitle(new JsonObject { ["type"] = "string", ["enum"] = ChoiceRules.Codes(field) }, field);

    public override RenderHints Render(FieldDefinition field) =>
        new(field.Display ?? (field.Options.Count > 6 ? "select" : "radio"), Autocomplete: field.Autocomplete);

    public override InputLimit InputLimit(FieldDefinition field) => new(ChoiceRules.LongestCode(field));
}

/// <summary>Any number of codes out of the field's options, answered as an array.</summary>
public sealed class MultiChoiceFieldType : FieldType
{
    public override string Name => "multiChoice";
    public override IReadOnlySet<string> Properties { get; } = new HashSet<string> { "options", "codeList", "minSelected", "maxSelected", "display" };

    public override void CheckDefinition(FieldDefinition field, ProblemList problems) => ChoiceRules.CheckOptions(field, problems);

    public override ParseResult Parse(JsonNode answer, FieldDefinition field)
    {
        if (ChoiceRules.TryCode(answer, out var single)) return ParseResult.Ok(new JsonArray(JsonValue.Create(single)));
        if (answer is not JsonArray array) return ParseResult.Fail("type", Args(("expected", "array")));
        var codes = new List<string>();
        foreach (var item in array)
        {
            if (item is null || !ChoiceRules.TryCode(item, out var code)) return ParseResult.Fail("type", Args(("expected", "array of codes")));
            if (!codes.Contains(code)) codes.Add(code);
        }

        return ParseResult.Ok(new JsonArray(codes.Select(c => (JsonNode)JsonValue.Create(c)).ToArray()));
    }

    public override void Validate(FieldDefinition field, JsonNode value, FieldCheckContext context)
    {
        var codes = value.AsArray().Select(c => c!.GetValue<string>()).ToList();
        for (var i = 0; i < codes.Count; i++)
            if (field.FindOption(codes[i]) is null) context.Report("option", Args(("code", codes[i])), $"[{i}]");
        if (field.MinSelected is { } min && codes.Count < min) context.Report("minSelected", Args(("min", min)));
        if (field.MaxSelected is { } max && codes.Count > max) context.Report("maxSelected", Args(("max", max)));
    }

    public override string Format(FieldDefinition field, JsonNode value, FormatContext context) =>
        string.Join(", ", value.AsArray().Select(c => ChoiceRules.Label(field, c!.GetValue<string>(), context.Language)));

    public override JsonObject Schema(FieldDefinition field)
    {
        var schema = new JsonObject
        {
            ["type"] = "array",
            ["uniqueItems"] = true,
            ["items"] = new JsonObject { ["type"] = "string", ["enum"] = ChoiceRules.Codes(field) },
        };
        if (field.MinSelected is { } min) schema["minItems"] = min;
        if (field.MaxSelected is { } max) schema["maxItems"] = max;
        return WithTitle(schema, field);
    }

    public override RenderHints Render(FieldDefinition field) => new("checkboxes");

    public override InputLimit InputLimit(FieldDefinition field) => new(ChoiceRules.LongestCode(field), Math.Max(1, field.Options.Count));

    public override JsonNode? FromFormInput(FieldDefinition field, IFormInput input)
    {
        var values = input.Values().Where(v => !string.IsNullOrWhiteSpace(v)).ToList();
        return values.Count == 0 ? null : new JsonArray(values.Select(v => (JsonNode)JsonValue.Create(v.Trim())).ToArray());
    }
}

internal static class ChoiceRules
{
    public static void CheckOptions(FieldDefinition field, ProblemList problems)
    {
        var seen = new HashSet<string>();
        foreach (var option in field.Options)
            if (!seen.Add(option.Code))
                problems.Error(DefinitionProblemCodes.DuplicateOption, $"option code '{option.Code}' appears twice in field '{field.Key}'", field.Location, field.Key, option.Code);
    }

    public static bool TryCode(JsonNode answer, out string code)
    {
        code = answer.GetValueKind() switch
        {
            JsonValueKind.String => answer.GetValue<string>().Trim(),
            JsonValueKind.Number => answer.ToJsonString(),
            _ => "",
        };
        return code.Length > 0;
    }

    public static string Label(FieldDefinition field, string code, string language) =>
        field.FindOption(code)?.Label.Get(language) ?? code;

    /// <summary>The longest option code, but at least 100 characters (a wrong code gets its own message, not a length refusal).</summary>
    public static int LongestCode(FieldDefinition field) => field.Options.Select(o => o.Code.Length).Append(100).Max();

    public static JsonArray Codes(FieldDefinition field) =>
        new(field.Options.Select(o => (JsonNode)JsonValue.Create(o.Code)).ToArray());
}
