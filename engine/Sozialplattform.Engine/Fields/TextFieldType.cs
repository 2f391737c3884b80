using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sozialplattform.Engine.Definitions;

namespace Sozialplattform.Engine.Fields;

/// <summary>Single-line text with length and pattern limits.</summary>
public class TextFieldType : FieldType
{
    public override string Name => "text";
    public override IReadOnlySet<string> Properties { get; } = new HashSet<string> { "minLength", "maxLength", "pattern" };
    protected virtual bool KeepLineBreaks => false;
    protected virtual int DefaultMaxLength => 1000;

    public override ParseResult Parse(JsonNode answer, FieldDefinition field) =>
        AnswerValues.TryGetString(answer, out var text)
            ? ParseResult.Ok(JsonValue.Create(AnswerValues.CleanText(text, KeepLineBreaks)))
            : ParseResult.Fail("type", Args(("expected", "string")));

    public override void Validate(FieldDefinition field, JsonNode value, FieldCheckContext context)
    {
        var text = value.GetValue<string>();
        var length = text.EnumerateRunes().Count();
        if (field.MinLength is { } min && length < min) context.Report("minLength", Args(("min", min), ("actual", length)));
        var max = field.MaxLength ?? DefaultMaxLength;
        if (length > max) context.Report("maxLength", Args(("max", max), ("actual", length)));
        if (field.Pattern is { } pattern && !MatchesFully(pattern, text)) context.Report("pattern", Args(("pattern", pattern.ToString())));
    }

    public override JsonObject Schema(FieldDefinition field)
    {
        var schema = new JsonObject { ["type"] = "string", ["maxLength"] = field.MaxLength ?? DefaultMaxLength };
        if (field.MinLength is { } min) schema["minLength"] = min;
        if (field.Pattern is { } pattern) schema["pattern"] = $"^(?:{pattern})$";
        return WithTitle(schema, field);
    }

    public override RenderHints Render(FieldDefinition field) => new("text", Autocomplete: field.Autocomplete);

    public override InputLimit InputLimit(FieldDefinition field) => new(field.MaxLength ?? DefaultMaxLength);

    /// <summary>
    /// The whole text must match, as in the exported JSON Schema (<c>^(?:…)$</c>) and the page's HTML <c>pattern</c>
    /// attribute: the alternation is anchored as a whole, so <c>a|ab</c> takes "ab" and <c>[0-9]+?</c> takes "123".
    /// </summary>
    internal static bool MatchesFully(Regex pattern, string text)
    {
        try
        {
            return FullMatches.GetValue(pattern, p => new Regex($"^(?:{p})\\z", p.Options, p.MatchTimeout)).IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static readonly ConditionalWeakTable<Regex, Regex> FullMatches = new();
}

/// <summary>Multi-line text.</summary>
public sealed class TextAreaFieldType : TextFieldType
{
    public override string Name => "textarea";
    public override IReadOnlySet<string> Properties { get; } = new HashSet<string> { "minLength", "maxLength", "pattern", "rows" };
    protected override bool KeepLineBreaks => true;
    protected override int DefaultMaxLength => 10000;
    public override RenderHints Render(FieldDefinition field) => new("textarea", Autocomplete: field.Autocomplete);
}
