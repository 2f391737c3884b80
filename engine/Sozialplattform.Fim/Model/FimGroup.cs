namespace Sozialplattform.Fim.Model;

/// <summary>A <c>Datenfeldgruppe</c>: its children in form order; an Auswahlgruppe (art X) needs exactly one filled child.</summary>
public sealed class FimGroup : FimElement
{
    public bool IsChoiceGroup { get; init; }
    public IReadOnlyList<FimUsage> Children { get; set; } = [];
}
