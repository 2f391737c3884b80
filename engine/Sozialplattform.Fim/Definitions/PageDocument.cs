namespace Sozialplattform.Fim.Definitions;

/// <summary>A page (wizard step) with its items.</summary>
public sealed class PageDocument
{
    public required string Id { get; set; }
    public required LocalizedText Title { get; set; }
    public List<ItemDocument> Items { get; set; } = [];
}
