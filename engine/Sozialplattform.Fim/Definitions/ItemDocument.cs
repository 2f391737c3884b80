using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Sozialplattform.Fim.Definitions;

/// <summary>
/// A field, group or block use of our definition format (schemas/form-definition.schema.json, "item").
/// Only the properties the FIM import writes and the export reads; the declaration order is the JSON order.
/// </summary>
public sealed class ItemDocument
{
    public required string Key { get; set; }
    public required string Type { get; set; }
    public LocalizedText? Label { get; set; }
    public LocalizedText? Title { get; set; }
    public LocalizedText? Text { get; set; }
    public LocalizedText? Help { get; set; }
    public LocalizedText? OutputLabel { get; set; }
    public List<LegalReferenceDocument>? LegalBasis { get; set; }
    public bool? Required { get; set; }
    public string? RequiredIf { get; set; }
    public string? VisibleIf { get; set; }
    public bool? ReadOnly { get; set; }
    public JsonNode? Default { get; set; }
    public int? MinLength { get; set; }
    public int? MaxLength { get; set; }
    public string? Pattern { get; set; }
    public JsonNode? Min { get; set; }
    public JsonNode? Max { get; set; }
    public List<OptionDocument>? Options { get; set; }
    public string? CodeList { get; set; }
    public int? MinSelected { get; set; }
    public int? MaxSelected { get; set; }
    public List<string>? Accept { get; set; }
    public long? MaxSize { get; set; }
    public int? MaxFiles { get; set; }
    public RepeatDocument? Repeat { get; set; }
    public string? Block { get; set; }
    public List<ItemDocument>? Items { get; set; }
    public string? Value { get; set; }
    public List<ValidationDocument>? Validations { get; set; }
    public FimReference? Fim { get; set; }
    public List<NoteDocument>? Notes { get; set; }

    [JsonIgnore]
    public bool IsGroup => Type == ItemTypes.Group;
}
