using Sozialplattform.Designer.Workspace;

namespace Sozialplattform.Designer.Service;

/// <summary>
/// The service files of one open form in the editor: the set as loaded (with its number) and one save at a time. Every
/// panel that edits a file (checklist, templates) changes the set through <see cref="Save"/>, so they never overwrite
/// each other; when someone else saved in between, nothing is written and <see cref="Reload"/> fetches theirs.
/// </summary>
public sealed class ServiceFilesSession(FormWorkspace workspace, string formId, string? baseVersion, string author)
{
    private readonly DraftServiceFiles _files = new(workspace);

    public string FormId => formId;

    public string? BaseVersion => baseVersion;

    public ServiceFileSet Current { get; private set; } = new DraftServiceFiles(workspace).Current(formId, baseVersion);

    /// <summary>The ids the base version's checklist used (a new item never takes one, so it cannot inherit ticks on old cases).</summary>
    public IReadOnlySet<string> PublishedChecklistIds { get; } =
        workspace.ServiceFilesOf(formId, baseVersion).TryGetValue(ServiceFileNames.Checklist, out var text)
            ? ServiceChecklist.Read(text).Items.Select(i => i.Id).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Sets (or with null removes) <paramref name="path"/> and saves the whole set.</summary>
    public ServiceFilesSaveOutcome Save(string path, string? text)
    {
        var files = new SortedDictionary<string, string>(Current.Files.ToDictionary(), StringComparer.Ordinal);
        if (text is null) files.Remove(path);
        else files[path] = text;
        var outcome = _files.Save(formId, Current.Number, files, author);
        if (outcome.Current is { } saved) Current = saved;
        if (outcome.Saved) Changed?.Invoke();
        return outcome;
    }

    /// <summary>Saves <paramref name="files"/> as the whole next set (restoring an earlier one: insert only, conflicts as a save's).</summary>
    public ServiceFilesSaveOutcome SaveAll(IReadOnlyDictionary<string, string> files)
    {
        var outcome = _files.Save(formId, Current.Number, files, author);
        if (outcome.Current is { } saved) Current = saved;
        if (outcome.Saved) Changed?.Invoke();
        return outcome;
    }

    public void Reload()
    {
        Current = _files.Current(formId, baseVersion);
        Changed?.Invoke();
    }

    /// <summary>After a saved or reloaded set (the history panel lists the new one).</summary>
    public event Action? Changed;
}
