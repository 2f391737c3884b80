namespace Sozialplattform.Fim.Model;

/// <summary>What groups and fields share: identity, texts for the citizen, legal references and rules.</summary>
public abstract class FimElement
{
    public required FimElementHeader Header { get; init; }

    public FimIdentity Identity => Header.Identity;
    public int Line => Header.Line;
    public string Name => Header.Name;
    public string InputLabel => Header.InputLabel;
    public string OutputLabel => Header.OutputLabel;
    public string InputHelp => Header.InputHelp;
    public IReadOnlyList<FimLegalReference> LegalReferences => Header.LegalReferences;
    public IReadOnlyList<FimRule> Rules => Header.Rules;

    /// <summary>The label a citizen sees: <c>bezeichnungEingabe</c>, else the internal <c>name</c>, else the id.</summary>
    public string DisplayLabel =>
        !string.IsNullOrWhiteSpace(InputLabel) ? InputLabel : !string.IsNullOrWhiteSpace(Name) ? Name : Identity.Id;
}

/// <summary>The part of AllgemeineAngaben and Schemaelementangaben the import uses, shared by groups and fields.</summary>
public sealed record FimElementHeader(
    FimIdentity Identity,
    int Line,
    string Name,
    string InputLabel,
    string OutputLabel = "",
    string InputHelp = "",
    IReadOnlyList<FimLegalReference>? LegalReferences = null,
    IReadOnlyList<FimRule>? Rules = null)
{
    public IReadOnlyList<FimLegalReference> LegalReferences { get; init; } = LegalReferences ?? [];
    public IReadOnlyList<FimRule> Rules { get; init; } = Rules ?? [];
}
