using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sozialplattform.Engine.Definitions;

namespace Sozialplattform.Engine.Fields;

/// <summary>A calendar date as "YYYY-MM-DD", with bounds that may be relative to today ("today-18y").</summary>
public sealed partial class DateFieldType : FieldType
{
    public override string Name => "date";
    public override IReadOnlySet<string> Properties { get; } = new HashSet<string> { "min", "max" };

    public static bool TryParseIso(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public override void CheckDefinition(FieldDefinition field, ProblemList problems)
    {
        foreach (var bound in new[] { field.Min, field.Max })
            if (bound is not null && bound.Date is null)
                problems.Error(DefinitionProblemCodes.DateBound, $"date bound '{bound.Raw}' is neither YYYY-MM-DD nor relative like 'today-18y'", field.Location, field.Key, bound.Raw);
    }

    public override ParseResult Parse(JsonNode answer, FieldDefinition field) =>
        AnswerValues.TryGetString(answer, out var text) && TryParseIso(text.Trim(), out var date)
            ? ParseResult.Ok(JsonValue.Create(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))
            : ParseResult.Fail("date");

    public override void Validate(FieldDefinition field, JsonNode value, FieldCheckContext context)
    {
        TryParseIso(value.GetValue<string>(), out var date);
        if (field.Min?.Date is { } min && date < min.Resolve(context.Today))
            context.Report("minDate", Args(("min", Iso(min.Resolve(context.Today)))));
        if (field.Max?.Date is { } max && date > max.Resolve(context.Today))
            context.Report("maxDate", Args(("max", Iso(max.Resolve(context.Today)))));
    }

    public override string Format(FieldDefinition field, JsonNode value, FormatContext context) =>
        TryParseIso(value.GetValue<string>(), out var date) ? DisplayFormats.Date(date, context.Language) : value.GetValue<string>();

    public override JsonObject Schema(FieldDefinition field) =>
        WithTitle(new JsonObject { ["type"] = "string", ["format"] = "date" }, field);

    public override RenderHints Render(FieldDefinition field) => new("date", Autocomplete: field.Autocomplete);

    /// <summary>Accepts the ISO date of a date picker and German "25.11.2026".</summary>
    public override JsonNode? FromFormInput(FieldDefinition field, IFormInput input)
    {
        var text = input.Values().FirstOrDefault()?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        var german = GermanDate().Match(text);
        if (german.Success
            && DateOnly.TryParseExact($"{german.Groups[3].Value}-{german.Groups[2].Value.PadLeft(2, '0')}-{german.Groups[1].Value.PadLeft(2, '0')}",
                "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return JsonValue.Create(Iso(date));
        return JsonValue.Create(text);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")]
    private static partial Regex GermanDate();
}
