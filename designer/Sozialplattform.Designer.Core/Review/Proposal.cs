using Sozialplattform.Storage.Operations;

namespace Sozialplattform.Designer.Review;

/// <summary>Where a proposal stands.</summary>
public enum ProposalStatus
{
    Open,
    Approved,
    Returned,
    Published,
    Superseded,
}

/// <summary>
/// A proposal to publish a form's draft as <see cref="Version"/>, pinned to the draft's content (<see cref="ETag"/>) and
/// to its service files (<see cref="ServiceFiles"/>: the set's fingerprint, <c>ServiceFileSet.Fingerprint</c>): an
/// approval holds only for exactly that content. A proposal made before service files were pinned has none and must be
/// proposed again.
/// </summary>
public sealed record Proposal(
    string Id, string FormId, string ETag, string Version, ProposalStatus Status, string ProposedBy, DateTimeOffset ProposedAt,
    string? ReviewedBy = null, DateTimeOffset? ReviewedAt = null, string? Comment = null, string? PublishedBy = null, DateTimeOffset? PublishedAt = null,
    string? ServiceFiles = null)
{
    internal static Proposal From(DesignerProposalRow row) => new(
        row.Id, row.FormId, row.ETag, row.Version, Enum.Parse<ProposalStatus>(row.Status, ignoreCase: true), row.ProposedBy, Utc(row.ProposedAt),
        row.ReviewedBy, row.ReviewedAt is { } reviewed ? Utc(reviewed) : null, row.Comment, row.PublishedBy, row.PublishedAt is { } published ? Utc(published) : null, row.ServiceFiles);

    internal DesignerProposalRow ToRow() => new()
    {
        Id = Id, FormId = FormId, ETag = ETag, Version = Version, Status = Status.ToString().ToLowerInvariant(), ProposedBy = ProposedBy,
        ProposedAt = ProposedAt.UtcDateTime, ReviewedBy = ReviewedBy, ReviewedAt = ReviewedAt?.UtcDateTime, Comment = Comment,
        PublishedBy = PublishedBy, PublishedAt = PublishedAt?.UtcDateTime, ServiceFiles = ServiceFiles,
    };

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));
}

/// <summary>Where proposals are kept: the platform database (<see cref="DatabaseReviewStore"/>) or one file (<see cref="FileReviewStore"/>).</summary>
public interface IReviewStore
{
    IReadOnlyList<Proposal> ForForm(string formId);

    /// <summary>The proposals of every form that wait for Redaktion (open) or for publication (approved), oldest first.</summary>
    IReadOnlyList<Proposal> Waiting();

    Proposal? Find(string id);

    bool TryAdd(Proposal proposal);

    /// <summary>Replaces the proposal only if it still has <paramref name="from"/>'s status and content (one wins of two at once).</summary>
    bool TryMove(Proposal from, Proposal to);
}

public sealed class DatabaseReviewStore(SharedCatalog catalog) : IReviewStore
{
    public IReadOnlyList<Proposal> ForForm(string formId) => [.. catalog.Proposals(formId).Select(Proposal.From)];

    public IReadOnlyList<Proposal> Waiting() => [.. catalog.WaitingProposals().Select(Proposal.From)];

    public Proposal? Find(string id) => catalog.Proposal(id) is { } row ? Proposal.From(row) : null;

    public bool TryAdd(Proposal proposal) => catalog.TryAddProposal(proposal.ToRow());

    public bool TryMove(Proposal from, Proposal to) => catalog.MoveProposal(from.Id, from.ToRow().Status, from.ETag, to.ToRow());
}

/// <summary><c>proposals.json</c> beside the drafts, for a designer without the platform database (one host).</summary>
public sealed class FileReviewStore(string file) : IReviewStore
{
    private static readonly System.Text.Json.JsonSerializerOptions Options = new() { WriteIndented = true };
    private readonly Lock _gate = new();

    public IReadOnlyList<Proposal> ForForm(string formId) => [.. All().Where(p => p.FormId == formId).OrderBy(p => p.ProposedAt)];

    public IReadOnlyList<Proposal> Waiting() => [.. All().Where(p => p.Status is ProposalStatus.Open or ProposalStatus.Approved).OrderBy(p => p.ProposedAt)];

    public Proposal? Find(string id) => All().FirstOrDefault(p => p.Id == id);

    public bool TryAdd(Proposal proposal)
    {
        lock (_gate)
        {
            var all = All();
            if (all.Any(p => p.Id == proposal.Id)) return false;
            Write([.. all, proposal]);
            return true;
        }
    }

    public bool TryMove(Proposal from, Proposal to)
    {
        lock (_gate)
        {
            var all = All();
            var index = all.FindIndex(p => p.Id == from.Id && p.Status == from.Status && p.ETag == from.ETag);
            if (index < 0) return false;
            all[index] = to;
            Write(all);
            return true;
        }
    }

    private List<Proposal> All() =>
        File.Exists(file) ? System.Text.Json.JsonSerializer.Deserialize<List<Proposal>>(File.ReadAllBytes(file), Options) ?? [] : [];

    private void Write(List<Proposal> proposals)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        Sozialplattform.Catalog.AtomicFile.Replace(file, System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(proposals, Options));
    }
}
