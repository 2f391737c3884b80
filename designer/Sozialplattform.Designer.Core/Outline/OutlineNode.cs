using Sozialplattform.Designer.Documents;

namespace Sozialplattform.Designer.Outline;

public enum OutlineKind { Page, Group, RepeatingGroup, BlockUse, Field, Info }

/// <summary>
/// One page, group or field as the designer's tree shows it: where it is (<see cref="Path"/>, and the list and index it
/// sits at), what it is, and its children.
/// </summary>
public sealed record OutlineNode(
    DocumentPath Path,
    DocumentPath List,
    int Index,
    OutlineKind Kind,
    string Key,
    string Type,
    string Label,
    int Depth,
    IReadOnlyList<OutlineNode> Children)
{
    /// <summary>The list its children are in (pages and groups), or null for fields and block uses.</summary>
    public DocumentPath? ItemsList => Kind is OutlineKind.Page or OutlineKind.Group or OutlineKind.RepeatingGroup ? Path.Property("items") : null;

    public bool IsContainer => ItemsList is not null;

    public string Id => Path.ToString();
}
