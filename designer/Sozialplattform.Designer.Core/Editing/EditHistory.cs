using Sozialplattform.Designer.Documents;

namespace Sozialplattform.Designer.Editing;

/// <summary>Undo and redo of a document's edits. A new edit clears what could be redone.</summary>
public sealed class EditHistory(DefinitionDocument document)
{
    public const int MaxSteps = 500;

    private readonly LinkedList<(string Description, IEdit Inverse)> _undo = new();
    private readonly Stack<(string Description, IEdit Inverse)> _redo = new();

    public bool CanUndo => _undo.Count > 0;

    public bool CanRedo => _redo.Count > 0;

    public string? NextUndo => _undo.Last?.Value.Description;

    public string? NextRedo => _redo.TryPeek(out var step) ? step.Description : null;

    public bool Undo()
    {
        if (_undo.Last is not { } last) return false;
        _undo.RemoveLast();
        _redo.Push((last.Value.Description, last.Value.Inverse.Apply(document)));
        return true;
    }

    public bool Redo()
    {
        if (!_redo.TryPop(out var step)) return false;
        _undo.AddLast((step.Description, step.Inverse.Apply(document)));
        return true;
    }

    internal void Record(string description, IEdit inverse)
    {
        _undo.AddLast((description, inverse));
        if (_undo.Count > MaxSteps) _undo.RemoveFirst();
        _redo.Clear();
    }
}
