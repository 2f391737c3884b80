using System.Text.Json.Nodes;
using Sozialplattform.Engine.Definitions;

namespace Sozialplattform.Engine.Fields;

/// <summary>
/// Everything about one field type in one place: which definition properties it takes, how its answer is
/// parsed and normalised, validated, formatted for documents, described in JSON Schema and rendered.
/// Register new types with <c>FormEngineOptions.FieldTypes.Add(...)</c>.
/// </summary>
public interface IFieldType
{
    /// <summary>The <c>type</c> in the definition, e.g. "iban".</summary>
    string Name { get; }

    /// <summary>False for text blocks that take no answer.</summary>
    bool HasAnswer { get; }

    /// <summary>Definition properties this type takes besides the common ones (label, required, rules, …).</summary>
    IReadOnlySet<string> Properties { get; }

    /// <summary>Type-specific checks of the definition (e.g. a choice needs options).</summary>
    void CheckDefinition(FieldDefinition field, ProblemList problems);

    /// <summary>Turns a non-empty answer into its normalised form, or says why it cannot (error code).</summary>
    ParseResult Parse(JsonNode answer, FieldDefinition field);

    /// <summary>Checks a normalised, non-empty answer against the field's constraints.</summary>
    void Validate(FieldDefinition field, JsonNode value, FieldCheckContext context);

    /// <summary>The answer as a reader sees it in documents, in the given language.</summary>
    string Format(FieldDefinition field, JsonNode value, FormatContext context);

    /// <summary>The JSON Schema of the answer.</summary>
    JsonObject Schema(FieldDefinition field);

    /// <summary>How the field is rendered (input kind, input mode, autocomplete).</summary>
    RenderHints Render(FieldDefinition field);

    /// <summary>Turns what a browser posted (strings) into an answer; unparseable input is kept as a string so it can be shown again with its error.</summary>
    JsonNode? FromFormInput(FieldDefinition field, IFormInput input);

    /// <summary>
    /// The most a browser may post for this field: characters per value (after trimming) and number of values.
    /// The portal refuses longer input before anything is stored, so a draft keeps at most this per field.
    /// </summary>
    InputLimit InputLimit(FieldDefinition field);
}

/// <summary>How much one posted field may carry: <paramref name="MaxLength"/> characters per value, at most <paramref name="MaxValues"/> values.</summary>
public readonly record struct InputLimit(int MaxLength, int MaxValues = 1);

/// <summary>The outcome of parsing one answer: a normalised value, or an error code with arguments.</summary>
public readonly record struct ParseResult(JsonNode? Value, string? ErrorCode, IReadOnlyDictionary<string, object?>? Args = null)
{
    public static ParseResult Ok(JsonNode? value) => new(value, null);
    public static ParseResult Fail(string code, IReadOnlyDictionary<string, object?>? args = null) => new(null, code, args);
    public bool IsOk => ErrorCode is null;
}

/// <summary>How a field is rendered: the input kind (text, textarea, number, date, email, tel, radio, select, checkboxes, switch, file, address, info) and browser hints.</summary>
public sealed record RenderHints(string Input, string? InputMode = null, string? Autocomplete = null);

/// <summary>What a browser posted for one field; sub-keys address the parts of composite fields (e.g. "street").</summary>
public interface IFormInput
{
    IReadOnlyList<string> Values(string? part = null);
}
