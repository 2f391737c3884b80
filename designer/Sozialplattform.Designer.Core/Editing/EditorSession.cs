using Sozialplattform.Designer.Documents;
using Sozialplattform.Designer.Outline;
using Sozialplattform.Designer.Workspace;

namespace Sozialplattform.Designer.Editing;

/// <summary>
/// One author's editing of one form's draft: the document, the ETag it was loaded with, the selected element and
/// whether there are unsaved changes. Saving goes through the workspace's optimistic concurrency. Not thread-safe.
/// </summary>
public sealed class EditorSession
{
    private readonly FormWorkspace _workspace;
    private IReadOnlyList<OutlineNode>? _outline;
    private int _outlineRevision = -1;
    private int _savedRevision;

    public EditorSession(FormWorkspace workspace, Draft draft)
    {
        _workspace = workspace;
        Load(draft);
    }

    public Draft Draft { get; private set; } = null!;

    public DefinitionDocument Document { get; private set; } = null!;

    public DocumentPath Selected { get; set; } = DocumentPath.Root;

    /// <summary>Set when a save was refused because someone else saved first; cleared by a reload.</summary>
    public SaveResult.Conflict? Conflict { get; private set; }

    public bool HasUnsavedChanges => Document.Revision != _savedRevision;

    public IReadOnlyList<OutlineNode> Outline
    {
        get
        {
            if (_outlineRevision != Document.Revision) (_outline, _outlineRevision) = (FormOutline.Of(Document.Root), Document.Revision);
            return _outline!;
        }
    }

    public OutlineNode? SelectedNode => FormOutline.Flatten(Outline).FirstOrDefault(n => n.Path.Equals(Selected));

    /// <summary>Applies an edit; a stale edit (the element is gone) is reported and changes nothing.</summary>
    public string? Apply(IEdit edit)
    {
        try
        {
            Document.Apply(edit);
            if (Selected.Find(Document.Root) is null) Selected = DocumentPath.Root;
            return null;
        }
        catch (EditException e)
        {
            return e.Message;
        }
    }

    public SaveResult Save(string author)
    {
        var result = _workspace.Save(Draft.FormId, Document.ToUtf8(), Draft.ETag, author);
        switch (result)
        {
            case SaveResult.Saved saved:
                Draft = saved.Draft;
                _savedRevision = Document.Revision;
                Conflict = null;
                break;
            case SaveResult.Conflict conflict:
                Conflict = conflict;
                break;
        }

        return result;
    }

    public SaveResult Publish(string version, string author)
    {
        if (HasUnsavedChanges && Save(author) is not SaveResult.Saved) return Conflict!;
        var result = _workspace.Publish(Draft.FormId, Draft.ETag, version, author);
        if (result is SaveResult.Published published) Load(published.Draft);
        if (result is SaveResult.Conflict conflict) Conflict = conflict;
        return result;
    }

    /// <summary>Throws away unsaved changes and loads the draft as it is saved now (after a conflict).</summary>
    public void Reload() => Load(_workspace.Current(Draft.FormId) ?? Draft);

    private void Load(Draft draft)
    {
        var selected = Document is null ? DocumentPath.Root : Selected;
        Draft = draft;
        Document = DefinitionDocument.Parse(draft.Content, $"{draft.FormId} (Entwurf)");
        _savedRevision = Document.Revision;
        _outlineRevision = -1;
        Conflict = null;
        Selected = selected.Find(Document.Root) is null ? DocumentPath.Root : selected;
    }
}
