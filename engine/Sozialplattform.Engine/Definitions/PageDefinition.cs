namespace Sozialplattform.Engine.Definitions;

/// <summary>One step of the wizard. A page does not nest answers: its items live in the root group.</summary>
public sealed class PageDefinition
{
    public required string Id { get; init; }
    public required int Index { get; init; }
    public required LocalizedText Title { get; init; }
    public LocalizedText Description { get; init; } = LocalizedText.Empty;
    public IReadOnlyList<LegalReference> LegalBasis { get; init; } = [];
    public RuleSource? VisibleIf { get; init; }
    public required IReadOnlyList<ElementDefinition> Items { get; init; }
    public IReadOnlyList<ValidationDefinition> Validations { get; init; } = [];
    public required SourceLocation Location { get; init; }
}
