namespace Sozialplattform.Fim.Model;

/// <summary>A Stammdatenschema, version-neutral: what the XDatenfelder 1/2/3 readers produce and the mapper consumes.</summary>
public sealed class FimSchema
{
    public required FimIdentity Identity { get; init; }
    public required string StandardVersion { get; init; }
    public required int Line { get; init; }
    public string Name { get; init; } = "";
    public string Title { get; init; } = "";
    public string Help { get; init; } = "";
    public IReadOnlyList<FimLegalReference> LegalReferences { get; init; } = [];
    public IReadOnlyList<FimRule> Rules { get; init; } = [];
    public IReadOnlyList<FimUsage> Children { get; init; } = [];

    public string DisplayTitle =>
        !string.IsNullOrWhiteSpace(Title) ? Title : !string.IsNullOrWhiteSpace(Name) ? Name : Identity.Id;
}
