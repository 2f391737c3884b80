using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sozialplattform.Engine.Definitions;

namespace Sozialplattform.Engine.Fields;

/// <summary>A single-line string whose format is fixed by the type (e-mail, phone, postal code, BIC): one error code when it does not fit.</summary>
public abstract class FormattedStringFieldType : FieldType
{
    protected abstract string ErrorCode { get; }
    protected virtual int MaxLength => 254;

    protected virtual string Normalize(string text) => text;

    protected abstract bool IsValid(string text);

    public override ParseResult Parse(JsonNode answer, FieldDefinition field) =>
        AnswerValues.TryGetString(answer, out var text)
            ? ParseResult.Ok(JsonValue.Create(Normalize(AnswerValues.CleanText(text, keepLineBreaks: false))))
            : ParseResult.Fail("type", Args(("expected", "string")));

    public override void Validate(FieldDefinition field, JsonNode value, FieldCheckContext context)
    {
        var text = value.GetValue<string>();
        if (text.Length > (field.MaxLength ?? MaxLength)) context.Report("maxLength", Args(("max", field.MaxLength ?? MaxLength), ("actual", text.Length)));
        else if (!IsValid(text)) context.Report(ErrorCode);
    }

    public override JsonObject Schema(FieldDefinition field) =>
        WithTitle(new JsonObject { ["type"] = "string", ["maxLength"] = field.MaxLength ?? MaxLength }, field);

    /// <summary>Twice the normalised length: the citizen may type spaces (IBAN, BIC) that normalising removes.</summary>
    public override InputLimit InputLimit(FieldDefinition field) => new(2 * (field.MaxLength ?? MaxLength));
}

public sealed partial class EmailFieldType : FormattedStringFieldType
{
    public override string Name => "email";
    public override IReadOnlySet<string> Properties { get; } = new HashSet<string> { "maxLength" };
    protected override string ErrorCode => "email";
    protected override bool IsValid(string text) => Email().IsMatch(text);
    public override JsonObject Schema(FieldDefinition field) { var s = base.Schema(field); s["format"] = "idn-email"; return s; }
    public override RenderHints Render(FieldDefinition field) => new("email", "email", field.Autocomplete ?? "email");

    [GeneratedRegex(@"^[^@\s""(),:;<>\[\]\\]+@[A-Za-z0-9\u00C0-\uFFFF](?:[A-Za-z0-9\u00C0-\uFFFF-]*[A-Za-z0-9\u00C0-\uFFFF])?(?:\.[A-Za-z0-9\u00C0-\uFFFF](?:[A-Za-z0-9\u00C0-\uFFFF-]*[A-Za-z0-9\u00C0-\uFFFF])?)+$")]
    private static partial Regex Email();
}

public sealed partial class PhoneFieldType : FormattedStringFieldType
{
    public override string Name => "phone";
    protected override string ErrorCode => "phone";
    protected override int MaxLength => 30;
    protected override bool IsValid(string text) => Phone().IsMatch(text) && text.Count(char.IsAsciiDigit) >= 5;
    public override RenderHints Render(FieldDefinition field) => new("tel", "tel", field.Autocomplete ?? "tel");

    [GeneratedRegex(@"^\+?[0-9][0-9 ()/\-]{3,29}$")]
    private static partial Regex Phone();
}

public sealed partial class PostalCodeFieldType : FormattedStringFieldType
{
    public override string Name => "postalCode";
    protected override string ErrorCode => "postalCode";
    protected override int MaxLength => 5;
    protected override bool IsValid(string text) => GermanPostalCode().IsMatch(text);
    public override JsonObject Schema(FieldDefinition field) { var s = base.Schema(field); s["pattern"] = "^[0-9]{5}$"; return s; }
    public override RenderHints Render(FieldDefinition field) => new("text", "numeric", field.Autocomplete ?? "postal-code");

    [GeneratedRegex("^[0-9]{5}$")]
    internal static partial Regex GermanPostalCode();
}

public sealed partial class BicFieldType : FormattedStringFieldType
{
    public override string Name => "bic";
    protected override string ErrorCode => "bic";
    protected override int MaxLength => 11;
    protected override string Normalize(string text) => text.Replace(" ", "").ToUpperInvariant();
    protected override bool IsValid(string text) => Bic().IsMatch(text);
    public override JsonObject Schema(FieldDefinition field) { var s = base.Schema(field); s["pattern"] = "^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$"; return s; }
    public override RenderHints Render(FieldDefinition field) => new("text", Autocomplete: "off");

    [GeneratedRegex("^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$")]
    private static partial Regex Bic();
}
