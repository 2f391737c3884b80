using Sozialplattform.Catalog;
using Sozialplattform.Engine.Catalog;

namespace Sozialplattform.Designer.Workspace;

/// <summary>
/// Drafts as files (<c>drafts/&lt;id&gt;/form.json</c> + <c>draft.json</c>) and published versions written into the
/// catalog folder with create-new semantics: the designer of one host without the platform database (the stand-alone
/// test host, the tests of the workspace).
/// </summary>
public sealed class FileFormStore(string catalogDirectory, string draftDirectory) : IFormStore
{
    private const string DraftFile = "form.json";
    private const string MetadataFile = "draft.json";
    private readonly CatalogDirectory _catalog = new(catalogDirectory);
    private readonly Lock _gate = new();

    public IEnumerable<(string Id, string Version)> PublishedVersions() => [];

    public byte[]? ReadPublished(string formId, string version) => null;

    public IReadOnlyDictionary<string, byte[]> SampleAnswers(string formId, string version) => new Dictionary<string, byte[]>();

    /// <summary>Written into the version's folder of the catalog, where the workspace and the inbox read them.</summary>
    public IReadOnlyDictionary<string, string> ServiceFiles(string formId, string version) => new Dictionary<string, string>();

    public bool TryPublish(string formId, string version, byte[] content, IReadOnlyDictionary<string, byte[]> sampleAnswers, string author, DateTimeOffset at, PublishReview? review = null,
        IReadOnlyDictionary<string, string>? serviceFiles = null)
    {
        var path = _catalog.FormPath(formId, version);
        if (!AtomicFile.CreateNew(path, content)) return false;
        foreach (var (name, text) in serviceFiles ?? new Dictionary<string, string>())
            if (Service.ServiceFileNames.IsKnown(name)) AtomicFile.CreateNew(Path.Combine(Path.GetDirectoryName(path)!, name), System.Text.Encoding.UTF8.GetBytes(text));
        var answers = Path.Combine(Path.GetDirectoryName(path)!, "answers");
        if (Directory.Exists(answers)) return true;
        foreach (var (name, bytes) in sampleAnswers) AtomicFile.CreateNew(Path.Combine(answers, name), bytes);
        return true;
    }

    /// <summary>Without the database, blocks and code lists are files of the catalog folder (read there by the engine).</summary>
    public byte[]? ReadCatalogFile(string relativePath) => File.Exists(CatalogPath(relativePath)) ? File.ReadAllBytes(CatalogPath(relativePath)) : null;

    public bool TryAddCatalogFile(string relativePath, byte[] content, string author, DateTimeOffset at) => AtomicFile.CreateNew(CatalogPath(relativePath), content);

    public IReadOnlyList<string> CatalogFilePaths(string prefix)
    {
        var folder = Path.GetDirectoryName(CatalogPath(prefix + "x"))!;
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(_catalog.Root, f).Replace('\\', '/'))
                .Where(p => p.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList()
            : [];
    }

    private string CatalogPath(string relativePath) => Path.Combine(_catalog.Root, relativePath);

    public IEnumerable<string> DraftIds() =>
        Directory.Exists(draftDirectory)
            ? Directory.GetDirectories(draftDirectory).Select(Path.GetFileName).OfType<string>().Where(Names.IsFormId).Where(id => File.Exists(DraftPath(id)))
            : [];

    public Draft? ReadDraft(string formId)
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

    public bool WriteDraft(Draft draft, string? expectedETag)
    {
        lock (_gate)
        {
            if (ReadDraft(draft.FormId)?.ETag != expectedETag) return false;
            AtomicFile.Replace(DraftPath(draft.FormId), draft.Content);
            AtomicFile.Replace(MetadataPath(draft.FormId), new DraftMetadata(draft.BaseVersion, draft.SavedBy, draft.SavedAt, draft.ETag).ToUtf8());
            return true;
        }
    }

    public bool DeleteDraft(string formId, string expectedETag)
    {
        lock (_gate)
        {
            if (ReadDraft(formId)?.ETag != expectedETag) return false;
            File.Delete(DraftPath(formId));
            File.Delete(MetadataPath(formId));
            return true;
        }
    }

    private string DraftPath(string formId) => Path.Combine(draftDirectory, Names.CheckedFormId(formId), DraftFile);

    private string MetadataPath(string formId) => Path.Combine(draftDirectory, Names.CheckedFormId(formId), MetadataFile);
}
