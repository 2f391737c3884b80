using System.Text.Json.Nodes;
using Sozialplattform.Designer.Documents;

namespace Sozialplattform.Designer.Editing;

/// <summary>Inserts a node (a page, field, group, option, validation, …) into a list; the list is created if missing.</summary>
public sealed record InsertItem(DocumentPath List, int Index, JsonNode Item, string? Why = null) : IEdit
{
    public string Description => Why ?? "Element eingefügt";

    public IEdit Apply(DefinitionDocument document)
    {
        var list = EditTargets.ArrayOrNew(document, List);
        if (Index < 0 || Index > list.Count) throw new EditException($"'{List}' has no position {Index}");
        list.Insert(Index, Item.Parent is null ? Item : Item.DeepClone());
        document.Changed(list);
        return new RemoveItem(List, Index, Description);
    }
}
