namespace Sozialplattform.Fim.Model;

/// <summary>What groups and fields share: identity, texts for the citizen, legal references and rules.</summary>
public abstract class FimElement
{
    public required FimIdentity Identity { get; init; }
    public required int Line { get; init; }
    public string Name { get; init; } = "";
    public string InputLabel { get; init; } = "";
    public string OutputLabel { get; init; } = "";
    public string InputHelp { get; init; } = "";
    public IReadOnlyList<FimLegalReference> LegalReferences { get; init; } = [];
    public IReadOnlyList<FimRule> Rules { get; init; } = [];

    /// <summary>The label a citizen sees: <c>bezeichnungEingabe</c>, else the internal <c>name</c>, else the id.</summary>
    public string DisplayLabel =>
        !string.IsNullOrWhiteSpace(InputLabel) ? InputLabel : !string.IsNullOrWhiteSpace(Name) ? Name : Identity.Id;
}
