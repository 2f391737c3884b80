using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sozialplattform.Engine.Definitions;

namespace Sozialplattform.Engine.Fields;

/// <summary>Shared behaviour of integer, decimal and money: a JSON number (or a numeric string) with bounds.</summary>
public abstract class NumberFieldType : FieldType
{
    protected abstract string ErrorCode { get; }

    protected abstract bool Accept(decimal number, FieldDefinition field);

    public override ParseResult Parse(JsonNode answer, FieldDefinition field)
    {
        decimal number;
        if (AnswerValues.TryGetDecimal(answer, out var fromJson)) number = fromJson;
        else if (AnswerValues.TryGetString(answer, out var text)
                 && decimal.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var fromText))
            number = fromText;
        else return ParseResult.Fail(ErrorCode);

        return Accept(number, field) ? ParseResult.Ok(JsonValue.Create(number)) : ParseResult.Fail(ErrorCode, Args(("decimals", field.Decimals ?? 2)));
    }

    public override void Validate(FieldDefinition field, JsonNode value, FieldCheckContext context)
    {
        AnswerValues.TryGetDecimal(value, out var number);
        if (field.Min?.Number is { } min && number < min) context.Report("min", Args(("min", min)));
        if (field.Max?.Number is { } max && number > max) context.Report("max", Args(("max", max)));
    }

    protected JsonObject NumberSchema(FieldDefinition field, string type)
    {
        var schema = new JsonObject { ["type"] = type };
        if (field.Min?.Number is { } min) schema["minimum"] = min;
        if (field.Max?.Number is { } max) schema["maximum"] = max;
        return WithTitle(schema, field);
    }

    public override JsonNode? FromFormInput(FieldDefinition field, IFormInput input)
    {
        var text = input.Values().FirstOrDefault()?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        return DisplayFormats.ParseTypedNumber(text) is { } number ? JsonValue.Create(number) : JsonValue.Create(text);
    }

    protected static string WithUnit(string text, FieldDefinition field, string language) =>
        field.Unit.IsEmpty ? text : $"{text} {field.Unit.Get(language)}";
}

public sealed class IntegerFieldType : NumberFieldType
{
    public override string Name => "integer";
    public override IReadOnlySet<string> Properties { get; } = new HashSet<string> { "min", "max", "unit" };
    protected override string ErrorCode => "integer";
    protected override bool Accept(decimal number, FieldDefinition field) => number == Math.Truncate(number) && Math.Abs(number) <= long.MaxValue;
    public override ParseResult Parse(JsonNode answer, FieldDefinition field)
    {
        var result = base.Parse(answer, field);
        return result.IsOk ? ParseResult.Ok(JsonValue.Create((long)AnswerValues.Decimal(result.Value!))) : result;
    }

    public override string Format(FieldDefinition field, JsonNode value, FormatContext context) =>
        WithUnit(DisplayFormats.Number(AnswerValues.Decimal(value), context.Language), field, context.Language);

    public override JsonObject Schema(FieldDefinition field) => NumberSchema(field, "integer");
    public override RenderHints Render(FieldDefinition field) => new("number", "numeric", field.Autocomplete);
}

public sealed class DecimalFieldType : NumberFieldType
{
    public override string Name => "decimal";
    public override IReadOnlySet<string> Properties { get; } = new HashSet<string> { "min", "max", "decimals", "unit" };
    protected override string ErrorCode => "number";
    protected override bool Accept(decimal number, FieldDefinition field) => true;

    public override void Validate(FieldDefinition field, JsonNode value, FieldCheckContext context)
    {
        var decimals = field.Decimals ?? 2;
        AnswerValues.TryGetDecimal(value, out var number);
        if (AnswerValues.CountDecimals(number) > decimals) context.Report("decimals", Args(("decimals", decimals)));
        base.Validate(field, value, context);
    }

    public override string Format(FieldDefinition field, JsonNode value, FormatContext context) =>
        WithUnit(DisplayFormats.Number(AnswerValues.Decimal(value), context.Language), field, context.Language);

    public override JsonObject Schema(FieldDefinition field)
    {
        var schema = NumberSchema(field, "number");
        schema["multipleOf"] = 1m / (decimal)Math.Pow(10, field.Decimals ?? 2);
        return schema;
    }

    public override RenderHints Render(FieldDefinition field) => new("text", "decimal", field.Autocomplete);
}

/// <summary>An amount in euros, exact to the cent (decimal, never binary floating point).</summary>
public sealed class MoneyFieldType : NumberFieldType
{
    public override string Name => "money";
    public override IReadOnlySet<string> Properties { get; } = new HashSet<string> { "min", "max" };
    protected override string ErrorCode => "money";
    protected override bool Accept(decimal number, FieldDefinition field) => AnswerValues.CountDecimals(number) <= 2;

    public override string Format(FieldDefinition field, JsonNode value, FormatContext context) =>
        DisplayFormats.Money(AnswerValues.Decimal(value), context.Language);

    public override JsonObject Schema(FieldDefinition field)
    {
        var schema = NumberSchema(field, "number");
        schema["multipleOf"] = 0.01m;
        return schema;
    }

    public override RenderHints Render(FieldDefinition field) => new("text", "decimal", field.Autocomplete);
}
