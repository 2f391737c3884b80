using Sozialplattform.Designer.Documents;

namespace Sozialplattform.Designer.Editing;

/// <summary>Several edits as one step: all of them, or (when one fails) none.</summary>
public sealed record EditGroup(string Description, IReadOnlyList<IEdit> Edits) : IEdit
{
    public IEdit Apply(DefinitionDocument document)
    {
        var undo = new List<IEdit>();
        try
        {
            foreach (var edit in Edits) undo.Insert(0, edit.Apply(document));
        }
        catch (EditException)
        {
            foreach (var inverse in undo) inverse.Apply(document);
            throw;
        }

        return new EditGroup(Description, undo);
    }
}
