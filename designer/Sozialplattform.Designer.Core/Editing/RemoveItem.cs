using Sozialplattform.Designer.Documents;

namespace Sozialplattform.Designer.Editing;

/// <summary>Removes one entry of a list; undoing puts the very same node back.</summary>
public sealed record RemoveItem(DocumentPath List, int Index, string? Why = null) : IEdit
{
    public string Description => Why ?? "Element gelöscht";

    public IEdit Apply(DefinitionDocument document)
    {
        var list = EditTargets.Array(document, List);
        if (Index < 0 || Index >= list.Count) throw new EditException($"'{List}' has no entry {Index}");
        var removed = list[Index]!;
        list.RemoveAt(Index);
        document.Changed(list);
        return new InsertItem(List, Index, removed, Description);
    }
}
