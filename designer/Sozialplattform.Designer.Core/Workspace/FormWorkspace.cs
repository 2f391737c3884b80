using System.Text.Json.Nodes;
using Sozialplattform.Catalog;
using Sozialplattform.Catalog.Lint;
using Sozialplattform.Designer.Diff;
using Sozialplattform.Designer.Documents;
using Sozialplattform.Designer.Editing;
using Sozialplattform.Designer.Outline;
using Sozialplattform.Designer.Service;
using Sozialplattform.Engine;
using Sozialplattform.Engine.Catalog;

namespace Sozialplattform.Designer.Workspace;

/// <summary>
/// Drafts and published versions of the catalog's forms. A save must name the ETag (content hash) of the draft it
/// started from; if someone saved in between, nothing is written and the caller gets a conflict. Publishing adds a new,
/// immutable version to the store (<see cref="IFormStore"/>: the catalog folder, or the platform database that every
/// host shares) and never touches an existing version. The catalog folder's own versions are the seed every host has.
/// Within one process one lock per form id; between hosts the store's conditional writes decide.
/// </summary>
public sealed class FormWorkspace(WorkspaceOptions options, TimeProvider? clock = null, IFormStore? store = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    // Blocks and code lists the catalog folder lacks are read from the database's shared home (those of FIM uploads on any host).
    private readonly CatalogDirectory _catalog = new(options.CatalogDirectory, shared: (store as DatabaseFormStore)?.Files);
    private readonly IFormStore _store = store ?? new FileFormStore(options.CatalogDirectory, options.DraftDirectory);
    private readonly Dictionary<string, object> _locks = new(StringComparer.Ordinal);

    public string CatalogDirectory => _catalog.Root;

    /// <summary>The catalog the engine reads this workspace's forms with: the catalog folder, then the store's blocks and code lists.</summary>
    public CatalogDirectory Catalog => _catalog;

    /// <summary>A block or code list (its path inside a catalog) from the catalog folder or the store; null when neither has it.</summary>
    public byte[]? CatalogFile(string relativePath)
    {
        var path = Path.Combine(_catalog.Root, relativePath);
        return File.Exists(path) ? File.ReadAllBytes(path) : _store.ReadCatalogFile(relativePath);
    }

    /// <summary>Adds a block or code list to the store, where it never changes; false when the path exists already.</summary>
    public bool AddCatalogFile(string relativePath, byte[] content, string author) => _store.TryAddCatalogFile(relativePath, content, author, _clock.GetUtcNow());

    /// <summary>The paths (inside a catalog) of the files under <paramref name="prefix"/> (<c>codelists/</c>, <c>blocks/</c>) in the catalog folder and the store, in order.</summary>
    public IReadOnlyList<string> CatalogFilePaths(string prefix)
    {
        var folder = Path.Combine(_catalog.Root, prefix);
        var local = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(_catalog.Root, f).Replace('\\', '/'))
            : [];
        return local.Union(_store.CatalogFilePaths(prefix)).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Called after a version was published (the host's portal loads it at once instead of at its next check).</summary>
    public event Action<string, string>? VersionPublished;

    public IReadOnlyList<FormSummary> Forms()
    {
        var published = AllVersions().GroupBy(f => f.Id).ToDictionary(g => g.Key, g => g.Select(f => f.Version).Distinct().OrderBy(SemanticVersion.Parse).ToList());
        var drafts = _store.DraftIds().ToHashSet();
        return published.Keys.Union(drafts).Order(StringComparer.Ordinal)
            .Select(id => new FormSummary(id, Title(id, published.GetValueOrDefault(id)), published.GetValueOrDefault(id) ?? [], drafts.Contains(id)))
            .ToList();
    }

    public IReadOnlyList<string> Versions(string formId)
    {
        Names.CheckedFormId(formId);
        return AllVersions().Where(f => f.Id == formId).Select(f => f.Version).Distinct().OrderBy(SemanticVersion.Parse).ToList();
    }

    public byte[] ReadPublished(string formId, string version)
    {
        if (!Names.IsVersion(version)) throw new WorkspaceException($"'{version}' is no version.");
        var path = _catalog.FormPath(Names.CheckedFormId(formId), version);
        return File.Exists(path) ? File.ReadAllBytes(path)
            : _store.ReadPublished(formId, version) ?? throw new WorkspaceException($"Form {formId} has no version {version}.");
    }

    /// <summary>The sample answers of a published version (<c>answers/*.json</c> by file name), from the catalog folder or the store.</summary>
    public IReadOnlyDictionary<string, byte[]> SampleAnswerFiles(string formId, string? version)
    {
        if (version is null || !Names.IsFormId(formId) || !Names.IsVersion(version)) return new Dictionary<string, byte[]>();
        var folder = Path.Combine(Path.GetDirectoryName(_catalog.FormPath(formId, version))!, "answers");
        return Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes)
            : _store.SampleAnswers(formId, version);
    }

    /// <summary>
    /// The service files of a published version (checklist, letters, e-mail templates: path beside form.json → text), from
    /// the version's folder in the catalog or the store.
    /// </summary>
    public IReadOnlyDictionary<string, string> ServiceFilesOf(string formId, string? version)
    {
        if (version is null || !Names.IsFormId(formId) || !Names.IsVersion(version)) return new Dictionary<string, string>();
        var folder = Path.GetDirectoryName(_catalog.FormPath(formId, version))!;
        if (!File.Exists(Path.Combine(folder, "form.json"))) return _store.ServiceFiles(formId, version);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in new[] { ServiceFileNames.Checklist }.Concat(Listed(folder, "letters")).Concat(Listed(folder, "templates")))
            if (ServiceFileNames.IsKnown(path) && File.Exists(Path.Combine(folder, path))) files[path] = File.ReadAllText(Path.Combine(folder, path));
        return files;
    }

    private static IEnumerable<string> Listed(string folder, string sub) =>
        Directory.Exists(Path.Combine(folder, sub)) ? Directory.EnumerateFiles(Path.Combine(folder, sub), "*.scriban").Select(f => $"{sub}/{Path.GetFileName(f)}") : [];

    /// <summary>The sample answers a template preview uses: the valid sample, else none.</summary>
    public static JsonObject? ValidSample(IReadOnlyDictionary<string, byte[]> samples) =>
        samples.TryGetValue("valid.json", out var bytes) ? JsonNode.Parse(bytes) as JsonObject : null;

    /// <summary>The form's draft; when it has none, one is started from its latest published version (byte for byte).</summary>
    public Draft Open(string formId, string author)
    {
        lock (Lock(formId))
        {
            if (_store.ReadDraft(formId) is { } draft) return draft;
            var latest = Versions(formId).LastOrDefault() ?? throw new WorkspaceException($"There is no form '{formId}'.");
            return WriteDraft(formId, ReadPublished(formId, latest), latest, author, null) ?? _store.ReadDraft(formId)!;
        }
    }

    public Draft? Current(string formId)
    {
        lock (Lock(formId)) return _store.ReadDraft(formId);
    }

    /// <summary>Starts a new form; refused when the id is taken by a published form or a draft.</summary>
    public Draft Create(string formId, byte[] content, string author)
    {
        lock (Lock(formId))
        {
            if (_store.ReadDraft(formId) is not null || Versions(formId).Count > 0) throw new WorkspaceException($"A form with the id '{formId}' already exists.");
            return WriteDraft(formId, content, null, author, null) ?? throw new WorkspaceException($"A form with the id '{formId}' already exists.");
        }
    }

    /// <summary>Saves only if the draft is still the one the caller loaded (<paramref name="expectedETag"/>).</summary>
    public SaveResult Save(string formId, byte[] content, string expectedETag, string author)
    {
        lock (Lock(formId))
        {
            var current = _store.ReadDraft(formId) ?? throw new WorkspaceException($"Form '{formId}' has no draft.");
            if (current.ETag != expectedETag) return new SaveResult.Conflict(current);
            if (ContentHash.Of(content) == current.ETag) return new SaveResult.Saved(current);
            return WriteDraft(formId, content, current.BaseVersion, author, expectedETag) is { } saved
                ? new SaveResult.Saved(saved)
                : new SaveResult.Conflict(_store.ReadDraft(formId) ?? current);
        }
    }

    /// <summary>
    /// Publishes the draft (as saved, named by its ETag) as <paramref name="version"/>: sets version and status, checks that
    /// the engine loads it without errors and that the version is newer than every published one, then adds it to the
    /// store, where it can never be overwritten. The draft goes on from the new version. <paramref name="expectedServiceFiles"/>
    /// (an approved proposal's pin): the service files are published only if they are still exactly that set.
    /// </summary>
    public SaveResult Publish(string formId, string expectedETag, string version, string author, PublishReview? review = null, string? expectedServiceFiles = null)
    {
        lock (Lock(formId))
        {
            var current = _store.ReadDraft(formId) ?? throw new WorkspaceException($"Form '{formId}' has no draft.");
            if (current.ETag != expectedETag) return new SaveResult.Conflict(current);
            var versions = Versions(formId);
            if (!Names.IsVersion(version)) return new SaveResult.Refused([$"'{version}' is no version (major.minor.patch)."]);
            if (versions.Contains(version)) return new SaveResult.Refused([$"Version {version} is already published; published versions never change."]);
            if (versions.Count > 0 && SemanticVersion.Parse(version).CompareTo(SemanticVersion.Parse(versions[^1])) <= 0)
                return new SaveResult.Refused([$"Version {version} is not newer than the latest published version {versions[^1]}."]);

            var document = DefinitionDocument.Parse(current.Content, formId + "/draft");
            if (versions.Count > 0 && Unchanged(formId, versions[^1], document.Root) && !ServiceFilesChanged(formId, versions[^1]))
                return new SaveResult.Refused([$"Keine Änderungen gegenüber Version {versions[^1]}: der Entwurf entspricht ihr, es gibt nichts zu veröffentlichen."]);
            document.Apply(new SetProperty(DocumentPath.Root, "version", JsonValue.Create(version)));
            document.Apply(new SetProperty(DocumentPath.Root, "status", JsonValue.Create("published")));
            var content = document.ToUtf8();
            var path = _catalog.FormPath(formId, version);
            var loaded = FormEngine.LoadText(System.Text.Encoding.UTF8.GetString(content), path, _catalog);
            var errors = loaded.Errors.Select(e => e.ToString()).ToList();
            if (document.Id != formId) errors.Add($"The definition's id is '{document.Id}', not '{formId}'.");
            errors.AddRange(PendingFimCodeLists.In(document.Root).Select(p => $"{p.Where}: {PendingFimCodeLists.Message(p.List)}"));
            var samples = new DraftSamples(this).Files(formId, current.BaseVersion);
            var serviceFiles = new DraftServiceFiles(this).Current(formId, current.BaseVersion).Files;
            if (expectedServiceFiles is not null && ServiceFileSet.Of(serviceFiles) != expectedServiceFiles)
                return new SaveResult.Refused([ServiceFilesChangedSinceProposal]);
            errors.AddRange(DraftServiceFiles.Check(serviceFiles).Concat(new ServiceTemplatePreview(_clock).Check(formId, serviceFiles, loaded.Engine, ValidSample(samples))).Select(p => p.ToString()));
            if (errors.Count > 0) return new SaveResult.Refused(errors);
            if (!_store.TryPublish(formId, version, content, samples, author, _clock.GetUtcNow(), review, serviceFiles))
                return new SaveResult.Refused([$"Version {version} is already published; published versions never change."]);
            VersionPublished?.Invoke(formId, version);

            document.Apply(new SetProperty(DocumentPath.Root, "status", JsonValue.Create("draft")));
            var next = WriteDraft(formId, document.ToUtf8(), version, author, current.ETag) ?? _store.ReadDraft(formId) ?? current;
            return new SaveResult.Published(version, path, next);
        }
    }

    /// <summary>Why a publish of an approved proposal is refused when the service files were saved after it (German, for the author).</summary>
    public const string ServiceFilesChangedSinceProposal =
        "Checkliste, Bescheide oder Vorlagen wurden seit dem Vorschlag gespeichert: Sie müssen neu vorgeschlagen und freigegeben werden.";

    /// <summary>Whether the draft's checklist, letters or templates differ from those of the published <paramref name="version"/> (a reason to publish by itself).</summary>
    public bool ServiceFilesChanged(string formId, string version)
    {
        var draft = new DraftServiceFiles(this).Current(formId, Current(formId)?.BaseVersion ?? version).Files;
        var published = ServiceFilesOf(formId, version);
        return draft.Count != published.Count || draft.Any(f => published.GetValueOrDefault(f.Key) != f.Value);
    }

    /// <summary>The draft says nothing the published version does not (version and status aside): a new version would be a copy.</summary>
    private bool Unchanged(string formId, string latest, JsonObject draft) =>
        JsonNode.Parse(ReadPublished(formId, latest)) is JsonObject published && DefinitionDiff.Compare(published, draft).Count == 0;

    /// <summary>Throws the draft away (named by its ETag, so that nobody else's newer save is lost); the published versions stay.</summary>
    public bool Discard(string formId, string expectedETag)
    {
        lock (Lock(formId)) return _store.DeleteDraft(formId, expectedETag);
    }

    private IEnumerable<(string Id, string Version)> AllVersions() =>
        _catalog.Forms().Select(f => (f.Id, f.Version)).Concat(_store.PublishedVersions());

    /// <summary>Writes the draft over the one with <paramref name="expectedETag"/>; null when another host changed it first.</summary>
    private Draft? WriteDraft(string formId, byte[] content, string? baseVersion, string author, string? expectedETag)
    {
        var draft = new Draft(formId, content, ContentHash.Of(content), baseVersion, author, _clock.GetUtcNow());
        return _store.WriteDraft(draft, expectedETag) ? draft : null;
    }

    private string Title(string id, List<string>? versions)
    {
        try
        {
            var bytes = versions is { Count: > 0 } ? ReadPublished(id, versions[^1]) : _store.ReadDraft(id)?.Content;
            var json = bytes is null ? null : JsonNode.Parse(bytes) as JsonObject;
            return json is null ? id : FormOutline.Label(json, "title");
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException or WorkspaceException)
        {
            return id;
        }
    }

    private object Lock(string formId)
    {
        Names.CheckedFormId(formId);
        lock (_locks)
        {
            if (!_locks.TryGetValue(formId, out var gate)) _locks[formId] = gate = new object();
            return gate;
        }
    }
}
