namespace Sozialplattform.Designer.Workspace;

/// <summary>
/// Where the designer keeps drafts and the versions it publishes: files beside the catalog (<see cref="FileFormStore"/>,
/// one host) or the platform database (<see cref="DatabaseFormStore"/>, every host of the database sees the same).
/// The seed catalog's own versions are read by <see cref="FormWorkspace"/> from the catalog folder either way.
/// </summary>
/// <summary>Who proposed and who approved what is published (review before publishing), kept with the version.</summary>
public sealed record PublishReview(string ProposedBy, string ApprovedBy);

public interface IFormStore
{
    /// <summary>Versions published into this store that the catalog folder does not hold.</summary>
    IEnumerable<(string Id, string Version)> PublishedVersions();

    /// <summary>A version published into this store, or null.</summary>
    byte[]? ReadPublished(string formId, string version);

    /// <summary>Sample answers (file name → bytes) stored with a version published here.</summary>
    IReadOnlyDictionary<string, byte[]> SampleAnswers(string formId, string version);

    /// <summary>The service's files stored with a version published here (checklist, letters, templates: path beside form.json → text).</summary>
    IReadOnlyDictionary<string, string> ServiceFiles(string formId, string version);

    /// <summary>
    /// Adds a version that can never change afterwards; false when it exists (nothing is written). <paramref name="review"/>:
    /// who proposed and approved it; <paramref name="serviceFiles"/>: its checklist, letters and templates, stored with it.
    /// </summary>
    bool TryPublish(string formId, string version, byte[] content, IReadOnlyDictionary<string, byte[]> sampleAnswers, string author, DateTimeOffset at, PublishReview? review = null,
        IReadOnlyDictionary<string, string>? serviceFiles = null);

    IEnumerable<string> DraftIds();

    Draft? ReadDraft(string formId);

    /// <summary>Writes the draft if the stored one still has <paramref name="expectedETag"/> (null: only if there is none).</summary>
    bool WriteDraft(Draft draft, string? expectedETag);

    bool DeleteDraft(string formId, string expectedETag);

    /// <summary>A block or code list added through this store (path inside a catalog: <c>codelists/&lt;id&gt;/&lt;version&gt;.json</c>), or null.</summary>
    byte[]? ReadCatalogFile(string relativePath);

    /// <summary>The paths of the files added through this store under <paramref name="prefix"/> (e.g. <c>codelists/</c>), in order.</summary>
    IReadOnlyList<string> CatalogFilePaths(string prefix);

    /// <summary>Adds a block or code list that can never change afterwards; false when the path exists (nothing is written).</summary>
    bool TryAddCatalogFile(string relativePath, byte[] content, string author, DateTimeOffset at);
}
