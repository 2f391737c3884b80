namespace Sozialplattform.Fim.Definitions;

/// <summary>A building block (schemas/block.schema.json): a group defined once and used by reference.</summary>
public sealed class BlockDocument
{
    public required string Id { get; set; }
    public required string Version { get; set; }
    public required LocalizedText Title { get; set; }
    public LocalizedText? Help { get; set; }
    public List<LegalReferenceDocument>? LegalBasis { get; set; }
    public List<ItemDocument> Items { get; set; } = [];
    public List<ValidationDocument>? Validations { get; set; }
    public FimReference? Fim { get; set; }
    public List<NoteDocument>? Notes { get; set; }
}
