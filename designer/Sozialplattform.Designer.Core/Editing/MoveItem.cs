using Sozialplattform.Designer.Documents;

namespace Sozialplattform.Designer.Editing;

/// <summary>
/// Moves one entry within a list or into another list (a field into a group). <see cref="ToIndex"/> counts in the
/// target list as it is after the entry was taken out. The node itself is moved, so its text stays as it was.
/// </summary>
public sealed record MoveItem(DocumentPath FromList, int FromIndex, DocumentPath ToList, int ToIndex, string? Why = null) : IEdit
{
    public string Description => Why ?? "Element verschoben";

    public IEdit Apply(DefinitionDocument document)
    {
        var from = EditTargets.Array(document, FromList);
        if (FromIndex < 0 || FromIndex >= from.Count) throw new EditException($"'{FromList}' has no entry {FromIndex}");
        var node = from[FromIndex]!;
        var target = EditTargets.Array(document, ToList);
        var count = ReferenceEquals(from, target) ? target.Count - 1 : target.Count;
        if (ToIndex < 0 || ToIndex > count) throw new EditException($"'{ToList}' has no position {ToIndex}");
        for (var parent = target.Parent; parent is not null; parent = parent.Parent)
            if (ReferenceEquals(parent, node)) throw new EditException("an element cannot be moved into itself");

        from.RemoveAt(FromIndex);
        document.Changed(from);
        target.Insert(ToIndex, node);
        document.Changed(target);
        return new MoveItem(DocumentPath.Of(target), ToIndex, DocumentPath.Of(from), FromIndex, Description);
    }
}
