using Sozialplattform.Designer.Documents;

namespace Sozialplattform.Designer.Editing;

/// <summary>One change to a definition, addressed by path. Applying it returns the edit that undoes it.</summary>
public interface IEdit
{
    /// <summary>What the change does, for the undo and redo buttons ("Feld einkommen verschoben").</summary>
    string Description { get; }

    /// <summary>Changes the document; throws <see cref="EditException"/> (and changes nothing) when the path leads nowhere.</summary>
    IEdit Apply(DefinitionDocument document);
}

/// <summary>An edit that does not fit the document (a stale path, a wrong kind of node); nothing was changed.</summary>
public sealed class EditException(string message) : InvalidOperationException(message);
