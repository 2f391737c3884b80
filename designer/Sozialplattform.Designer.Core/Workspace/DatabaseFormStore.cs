using System.Text.Json;
using Sozialplattform.Catalog;
using Sozialplattform.Engine.Catalog;
using Sozialplattform.Storage.Operations;

namespace Sozialplattform.Designer.Workspace;

/// <summary>
/// Drafts, published versions and the blocks and code lists of FIM uploads in the platform database (<see cref="SharedCatalog"/>): every host of the database
/// sees the same drafts, and a published row is never changed (the database refuses a second row for one version).
/// </summary>
public sealed class DatabaseFormStore(SharedCatalog catalog) : IFormStore
{
    public IEnumerable<(string Id, string Version)> PublishedVersions() => catalog.PublishedKeys();

    public byte[]? ReadPublished(string formId, string version) => catalog.Published(formId, version)?.Content;

    public IReadOnlyDictionary<string, byte[]> SampleAnswers(string formId, string version) =>
        catalog.Published(formId, version) is { } row
            ? JsonSerializer.Deserialize<Dictionary<string, byte[]>>(row.SampleAnswers) ?? []
            : new Dictionary<string, byte[]>();

    public IReadOnlyDictionary<string, string> ServiceFiles(string formId, string version) =>
        catalog.Published(formId, version) is { } row
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(row.ServiceFiles) ?? []
            : new Dictionary<string, string>();

    public bool TryPublish(string formId, string version, byte[] content, IReadOnlyDictionary<string, byte[]> sampleAnswers, string author, DateTimeOffset at, PublishReview? review = null,
        IReadOnlyDictionary<string, string>? serviceFiles = null) =>
        catalog.TryPublish(new PublishedFormVersion
        {
            FormId = formId,
            Version = version,
            Content = content,
            ContentHash = ContentHash.Of(content),
            SampleAnswers = JsonSerializer.Serialize(sampleAnswers),
            ServiceFiles = JsonSerializer.Serialize(serviceFiles ?? new Dictionary<string, string>()),
            PublishedBy = author,
            PublishedAt = at.UtcDateTime,
            ProposedBy = review?.ProposedBy ?? "",
            ApprovedBy = review?.ApprovedBy ?? "",
        });

    public IEnumerable<string> DraftIds() => catalog.DraftIds();

    public Draft? ReadDraft(string formId) =>
        catalog.Draft(Names.CheckedFormId(formId)) is { } row
            ? new Draft(row.FormId, row.Content, row.ETag, row.BaseVersion, row.SavedBy, new DateTimeOffset(DateTime.SpecifyKind(row.SavedAt, DateTimeKind.Utc)))
            : null;

    public bool WriteDraft(Draft draft, string? expectedETag) =>
        catalog.PutDraft(new DesignerDraftRow
        {
            FormId = draft.FormId,
            Content = draft.Content,
            ETag = draft.ETag,
            BaseVersion = draft.BaseVersion,
            SavedBy = draft.SavedBy,
            SavedAt = draft.SavedAt.UtcDateTime,
        }, expectedETag);

    public bool DeleteDraft(string formId, string expectedETag) => catalog.DeleteDraft(formId, expectedETag);

    public byte[]? ReadCatalogFile(string relativePath) => catalog.CatalogFile(relativePath)?.Content;

    public IReadOnlyList<string> CatalogFilePaths(string prefix) => catalog.CatalogFilePaths(prefix);

    public bool TryAddCatalogFile(string relativePath, byte[] content, string author, DateTimeOffset at) =>
        catalog.TryAddCatalogFile(new SharedCatalogFile { Path = relativePath, Content = content, ContentHash = ContentHash.Of(content), AddedBy = author, AddedAt = at.UtcDateTime });

    /// <summary>The blocks and code lists of this store as the engine reads them, for the designer's catalog.</summary>
    public ICatalogFiles Files { get; } = new SharedCatalogFiles(catalog);
}
