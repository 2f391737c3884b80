using System.Text.Json.Nodes;
using Sozialplattform.Catalog;
using Sozialplattform.Designer.Diff;
using Sozialplattform.Designer.Documents;
using Sozialplattform.Designer.Editing;
using Sozialplattform.Designer.Outline;
using Sozialplattform.Engine;
using Sozialplattform.Engine.Catalog;

namespace Sozialplattform.Designer.Workspace;

/// <summary>
/// Drafts and published versions of the catalog's forms. A save must name the ETag (content hash) of the draft it
/// started from; if someone saved in between, nothing is written and the caller gets a conflict. Publishing writes a
/// new, immutable <c>forms/&lt;id&gt;/&lt;version&gt;/form.json</c> and never touches an existing version.
/// Thread-safe within one process (one lock per form id).
/// </summary>
public sealed class FormWorkspace(WorkspaceOptions options, TimeProvider? clock = null)
{
    private const string DraftFile = "form.json";
    private const string MetadataFile = "draft.json";
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly CatalogDirectory _catalog = new(options.CatalogDirectory);
    private readonly Dictionary<string, object> _locks = new(StringComparer.Ordinal);

    public string CatalogDirectory => _catalog.Root;

    public IReadOnlyList<FormSummary> Forms()
    {
        var published = _catalog.Forms().GroupBy(f => f.Id).ToDictionary(g => g.Key, g => g.Select(f => f.Version).OrderBy(SemanticVersion.Parse).ToList());
        var drafts = Directory.Exists(options.DraftDirectory)
            ? Directory.GetDirectories(options.DraftDirectory).Select(Path.GetFileName).OfType<string>().Where(Names.IsFormId).Where(id => File.Exists(DraftPath(id))).ToHashSet()
            : [];
        return published.Keys.Union(drafts).Order(StringComparer.Ordinal)
            .Select(id => new FormSummary(id, Title(id, published.GetValueOrDefault(id)), published.GetValueOrDefault(id) ?? [], drafts.Contains(id)))
            .ToList();
    }

    public IReadOnlyList<string> Versions(string formId) =>
        _catalog.Forms().Where(f => f.Id == Names.CheckedFormId(formId)).Select(f => f.Version).OrderBy(SemanticVersion.Parse).ToList();

    public byte[] ReadPublished(string formId, string version)
    {
        if (!Names.IsVersion(version)) throw new WorkspaceException($"'{version}' is no version.");
        var path = _catalog.FormPath(Names.CheckedFormId(formId), version);
        return File.Exists(path) ? File.ReadAllBytes(path) : throw new WorkspaceException($"Form {formId} has no version {version}.");
    }

    /// <summary>The form's draft; when it has none, one is started from its latest published version (byte for byte).</summary>
    public Draft Open(string formId, string author)
    {
        lock (Lock(formId))
        {
            if (ReadDraft(formId) is { } draft) return draft;
            var latest = Versions(formId).LastOrDefault() ?? throw new WorkspaceException($"There is no form '{formId}'.");
            return WriteDraft(formId, ReadPublished(formId, latest), latest, author);
        }
    }

    public Draft? Current(string formId)
    {
        lock (Lock(formId)) return ReadDraft(formId);
    }

    /// <summary>Starts a new form; refused when the id is taken by a published form or a draft.</summary>
    public Draft Create(string formId, byte[] content, string author)
    {
        lock (Lock(formId))
        {
            if (ReadDraft(formId) is not null || Versions(formId).Count > 0) throw new WorkspaceException($"A form with the id '{formId}' already exists.");
            return WriteDraft(formId, content, null, author);
        }
    }

    /// <summary>Saves only if the draft is still the one the caller loaded (<paramref name="expectedETag"/>).</summary>
    public SaveResult Save(string formId, byte[] content, string expectedETag, string author)
    {
        lock (Lock(formId))
        {
            var current = ReadDraft(formId) ?? throw new WorkspaceException($"Form '{formId}' has no draft.");
            if (current.ETag != expectedETag) return new SaveResult.Conflict(current);
            if (ContentHash.Of(content) == current.ETag) return new SaveResult.Saved(current);
            return new SaveResult.Saved(WriteDraft(formId, content, current.BaseVersion, author));
        }
    }

    /// <summary>
    /// Publishes the draft (as saved, named by its ETag) as <paramref name="version"/>: sets version and status, checks that
    /// the engine loads it without errors and that the version is newer than every published one, then writes it as a new
    /// file that can never be overwritten. The draft goes on from the new version.
    /// </summary>
    public SaveResult Publish(string formId, string expectedETag, string version, string author)
    {
        lock (Lock(formId))
        {
            var current = ReadDraft(formId) ?? throw new WorkspaceException($"Form '{formId}' has no draft.");
            if (current.ETag != expectedETag) return new SaveResult.Conflict(current);
            var versions = Versions(formId);
            if (!Names.IsVersion(version)) return new SaveResult.Refused([$"'{version}' is no version (major.minor.patch)."]);
            if (versions.Contains(version)) return new SaveResult.Refused([$"Version {version} is already published; published versions never change."]);
            if (versions.Count > 0 && SemanticVersion.Parse(version).CompareTo(SemanticVersion.Parse(versions[^1])) <= 0)
                return new SaveResult.Refused([$"Version {version} is not newer than the latest published version {versions[^1]}."]);

            var document = DefinitionDocument.Parse(current.Content, DraftPath(formId));
            if (versions.Count > 0 && Unchanged(formId, versions[^1], document.Root))
                return new SaveResult.Refused([$"Keine Änderungen gegenüber Version {versions[^1]}: der Entwurf entspricht ihr, es gibt nichts zu veröffentlichen."]);
            document.Apply(new SetProperty(DocumentPath.Root, "version", JsonValue.Create(version)));
            document.Apply(new SetProperty(DocumentPath.Root, "status", JsonValue.Create("published")));
            var content = document.ToUtf8();
            var path = _catalog.FormPath(formId, version);
            var errors = FormEngine.LoadText(System.Text.Encoding.UTF8.GetString(content), path, _catalog).Errors.Select(e => e.ToString()).ToList();
            if (document.Id != formId) errors.Add($"The definition's id is '{document.Id}', not '{formId}'.");
            if (errors.Count > 0) return new SaveResult.Refused(errors);
            if (!AtomicFile.CreateNew(path, content)) return new SaveResult.Refused([$"Version {version} is already published; published versions never change."]);
            CopySampleAnswers(formId, current.BaseVersion, version);

            document.Apply(new SetProperty(DocumentPath.Root, "status", JsonValue.Create("draft")));
            return new SaveResult.Published(version, path, WriteDraft(formId, document.ToUtf8(), version, author));
        }
    }

    /// <summary>The draft says nothing the published version does not (version and status aside): a new version would be a copy.</summary>
    private bool Unchanged(string formId, string latest, JsonObject draft) =>
        JsonNode.Parse(ReadPublished(formId, latest)) is JsonObject published && DefinitionDiff.Compare(published, draft).Count == 0;

    /// <summary>Throws the draft away (named by its ETag, so that nobody else's newer save is lost); the published versions stay.</summary>
    public bool Discard(string formId, string expectedETag)
    {
        lock (Lock(formId))
        {
            if (ReadDraft(formId) is not { } current || current.ETag != expectedETag) return false;
            File.Delete(DraftPath(formId));
            File.Delete(MetadataPath(formId));
            return true;
        }
    }

    /// <summary>Sample answers (answers/*.json) go along to the new version, so that "try it" and the catalog lint have them.</summary>
    private void CopySampleAnswers(string formId, string? fromVersion, string toVersion)
    {
        if (fromVersion is null) return;
        var source = Path.Combine(Path.GetDirectoryName(_catalog.FormPath(formId, fromVersion))!, "answers");
        var target = Path.Combine(Path.GetDirectoryName(_catalog.FormPath(formId, toVersion))!, "answers");
        if (!Directory.Exists(source) || Directory.Exists(target)) return;
        foreach (var file in Directory.GetFiles(source, "*.json"))
            AtomicFile.CreateNew(Path.Combine(target, Path.GetFileName(file)), File.ReadAllBytes(file));
    }

    private Draft? ReadDraft(string formId)
    {
        var path = DraftPath(formId);
        if (!File.Exists(path)) return null;
        var content = File.ReadAllBytes(path);
        var etag = ContentHash.Of(content);
        var metadata = DraftMetadata.Read(MetadataPath(formId));
        return metadata is not null && metadata.ETag == etag
            ? new Draft(formId, content, etag, metadata.BaseVersion, metadata.SavedBy, metadata.SavedAt)
            : new Draft(formId, content, etag, metadata?.BaseVersion, "?", File.GetLastWriteTimeUtc(path));
    }

    private Draft WriteDraft(string formId, byte[] content, string? baseVersion, string author)
    {
        var metadata = new DraftMetadata(baseVersion, author, _clock.GetUtcNow(), ContentHash.Of(content));
        AtomicFile.Replace(DraftPath(formId), content);
        AtomicFile.Replace(MetadataPath(formId), metadata.ToUtf8());
        return new Draft(formId, content, metadata.ETag, baseVersion, author, metadata.SavedAt);
    }

    private string Title(string id, List<string>? versions)
    {
        try
        {
            var path = versions is { Count: > 0 } ? _catalog.FormPath(id, versions[^1]) : DraftPath(id);
            var json = JsonNode.Parse(File.ReadAllBytes(path)) as JsonObject;
            return json is null ? id : FormOutline.Label(json, "title");
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException)
        {
            return id;
        }
    }

    private string DraftPath(string formId) => Path.Combine(options.DraftDirectory, Names.CheckedFormId(formId), DraftFile);

    private string MetadataPath(string formId) => Path.Combine(options.DraftDirectory, Names.CheckedFormId(formId), MetadataFile);

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
