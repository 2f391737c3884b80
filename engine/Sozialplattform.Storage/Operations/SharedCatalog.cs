using Microsoft.EntityFrameworkCore;

namespace Sozialplattform.Storage.Operations;

/// <summary>
/// The catalog's shared home in the database: form versions published in the designer (insert only), designer drafts
/// (saved only over the ETag the editor loaded), author accounts and the blocks and code lists of FIM uploads (insert only). Every host of one database reads and writes the
/// same rows; <see cref="Revision"/> tells a host cheaply whether a version was published since it last looked.
/// </summary>
public sealed class SharedCatalog(OperationsDatabase database)
{
    /// <summary>The number of published rows: they are only ever added, so a larger number means something new.</summary>
    public int Revision()
    {
        using var context = database.CreateContext();
        return context.PublishedFormVersions.Count();
    }

    public IReadOnlyList<(string FormId, string Version)> PublishedKeys()
    {
        using var context = database.CreateContext();
        return context.PublishedFormVersions.AsNoTracking().Select(v => new { v.FormId, v.Version }).AsEnumerable().Select(v => (v.FormId, v.Version)).ToList();
    }

    public PublishedFormVersion? Published(string formId, string version)
    {
        using var context = database.CreateContext();
        return context.PublishedFormVersions.AsNoTracking().SingleOrDefault(v => v.FormId == formId && v.Version == version);
    }

    /// <summary>Adds a published version; false when (form id, version) exists already — the stored row stays as it was.</summary>
    public bool TryPublish(PublishedFormVersion version) => Insert(version, () => Published(version.FormId, version.Version) is not null);

    public IReadOnlyList<string> DraftIds()
    {
        using var context = database.CreateContext();
        return context.DesignerDrafts.AsNoTracking().Select(d => d.FormId).ToList();
    }

    public DesignerDraftRow? Draft(string formId)
    {
        using var context = database.CreateContext();
        return context.DesignerDrafts.AsNoTracking().SingleOrDefault(d => d.FormId == formId);
    }

    /// <summary>
    /// Writes a draft: with <paramref name="expectedETag"/> null only if the form has none yet, else only over the draft
    /// with that ETag (one conditional statement, so of two hosts saving at once exactly one wins). False: nothing written.
    /// </summary>
    public bool PutDraft(DesignerDraftRow draft, string? expectedETag)
    {
        if (expectedETag is null) return Insert(draft, () => Draft(draft.FormId) is not null);
        using var context = database.CreateContext();
        return context.DesignerDrafts.Where(d => d.FormId == draft.FormId && d.ETag == expectedETag).ExecuteUpdate(s => s
            .SetProperty(d => d.Content, draft.Content)
            .SetProperty(d => d.ETag, draft.ETag)
            .SetProperty(d => d.BaseVersion, draft.BaseVersion)
            .SetProperty(d => d.SavedBy, draft.SavedBy)
            .SetProperty(d => d.SavedAt, draft.SavedAt)) == 1;
    }

    /// <summary>Deletes the draft only if it still has <paramref name="expectedETag"/>.</summary>
    public bool DeleteDraft(string formId, string expectedETag)
    {
        using var context = database.CreateContext();
        return context.DesignerDrafts.Where(d => d.FormId == formId && d.ETag == expectedETag).ExecuteDelete() == 1;
    }

    public IReadOnlyList<DesignerAuthorRow> Authors()
    {
        using var context = database.CreateContext();
        return context.DesignerAuthors.AsNoTracking().ToList();
    }

    public DesignerAuthorRow? Author(string login)
    {
        using var context = database.CreateContext();
        return context.DesignerAuthors.AsNoTracking().SingleOrDefault(a => a.Login == login);
    }

    /// <summary>Adds an author; false when the login exists.</summary>
    public bool TryAddAuthor(DesignerAuthorRow author) => Insert(author, () => Author(author.Login) is not null);

    /// <summary>Changes an existing author's name and security stamp; false for an unknown login.</summary>
    public bool UpdateAuthor(DesignerAuthorRow author)
    {
        using var context = database.CreateContext();
        return context.DesignerAuthors.Where(a => a.Login == author.Login).ExecuteUpdate(s => s
            .SetProperty(a => a.DisplayName, author.DisplayName)
            .SetProperty(a => a.SecurityStamp, author.SecurityStamp)
            .SetProperty(a => a.Role, author.Role)) == 1;
    }

    public IReadOnlyList<DesignerProposalRow> Proposals(string formId)
    {
        using var context = database.CreateContext();
        return context.DesignerProposals.AsNoTracking().Where(p => p.FormId == formId).ToList().OrderBy(p => p.ProposedAt).ToList();
    }

    /// <summary>Every proposal of every form that waits for Redaktion (open) or for its publication (approved), oldest first.</summary>
    public IReadOnlyList<DesignerProposalRow> WaitingProposals()
    {
        using var context = database.CreateContext();
        return context.DesignerProposals.AsNoTracking().Where(p => p.Status == "open" || p.Status == "approved").ToList().OrderBy(p => p.ProposedAt).ToList();
    }

    public DesignerProposalRow? Proposal(string id)
    {
        using var context = database.CreateContext();
        return context.DesignerProposals.AsNoTracking().SingleOrDefault(p => p.Id == id);
    }

    public bool TryAddProposal(DesignerProposalRow proposal) => Insert(proposal, () => Proposal(proposal.Id) is not null);

    /// <summary>
    /// Moves a proposal on only if it still has <paramref name="fromStatus"/> and <paramref name="etag"/> (one conditional
    /// statement: of two reviewers acting at once exactly one wins). False: nothing written.
    /// </summary>
    public bool MoveProposal(string id, string fromStatus, string etag, DesignerProposalRow to)
    {
        using var context = database.CreateContext();
        return context.DesignerProposals.Where(p => p.Id == id && p.Status == fromStatus && p.ETag == etag).ExecuteUpdate(s => s
            .SetProperty(p => p.Status, to.Status)
            .SetProperty(p => p.ReviewedBy, to.ReviewedBy)
            .SetProperty(p => p.ReviewedAt, to.ReviewedAt)
            .SetProperty(p => p.Comment, to.Comment)
            .SetProperty(p => p.PublishedBy, to.PublishedBy)
            .SetProperty(p => p.PublishedAt, to.PublishedAt)) == 1;
    }

    /// <summary>A block or code list added by the designer (<c>codelists/&lt;id&gt;/&lt;version&gt;.json</c>), or null.</summary>
    public SharedCatalogFile? CatalogFile(string path)
    {
        using var context = database.CreateContext();
        return context.SharedCatalogFiles.AsNoTracking().SingleOrDefault(f => f.Path == path);
    }

    /// <summary>The paths of the shared files under <paramref name="prefix"/> (<c>codelists/</c>, <c>blocks/</c>, <c>samples/&lt;form&gt;/</c>), in order.</summary>
    public IReadOnlyList<string> CatalogFilePaths(string prefix)
    {
        using var context = database.CreateContext();
        return context.SharedCatalogFiles.AsNoTracking().Where(f => f.Path.StartsWith(prefix)).Select(f => f.Path).AsEnumerable().Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Adds a block or code list; false when the path exists already — the stored row stays as it was.</summary>
    public bool TryAddCatalogFile(SharedCatalogFile file) => Insert(file, () => CatalogFile(file.Path) is not null);

    /// <summary>Inserts a row; false when its key exists already (another host was first), which leaves the stored row as it was.</summary>
    private bool Insert<TRow>(TRow row, Func<bool> exists)
        where TRow : class
    {
        using var context = database.CreateContext();
        context.Add(row);
        try
        {
            context.SaveChanges();
            return true;
        }
        catch (DbUpdateException) when (exists())
        {
            return false;
        }
    }
}
