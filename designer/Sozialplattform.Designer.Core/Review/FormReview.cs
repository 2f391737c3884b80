using Sozialplattform.Designer.Accounts;
using Sozialplattform.Designer.Service;
using Sozialplattform.Designer.Workspace;

namespace Sozialplattform.Designer.Review;

/// <summary>Why a review step was not done (said to the author by <see cref="ReviewTexts"/>).</summary>
public enum ReviewRefusal
{
    NotSignedIn,
    NotEditor,
    OwnProposal,
    NotFound,
    WrongState,
    DraftChanged,
    Lost,
    CommentMissing,
    InvalidVersion,
    PublishRefused,
    ServiceFilesChanged,
}

/// <summary>The outcome of a review step: done (the proposal as it is now), or refused; a publish also carries the workspace's result.</summary>
public sealed record ReviewOutcome(ReviewRefusal? Refusal, Proposal? Proposal = null, SaveResult? Publish = null)
{
    public bool Done => Refusal is null;
}

/// <summary>
/// Review before publishing. An author („Autor“) edits and proposes the saved draft; Redaktion reviews the proposal
/// (diff, change impact, lint), approves it or sends it back with a comment, and publishes an approved proposal. Every
/// step asks the author store for the signed-in login's role (a role taken away counts at once), every approval holds
/// only for the draft's content and its service files at the proposal (an edit or a saved checklist, letter or
/// template afterwards needs a new proposal and approval), and every
/// move is one conditional write, so of two reviewers acting on one proposal at once exactly one wins.
/// Four eyes: nobody approves their own proposal — unless they are the only Redaktion account, who then may also
/// publish the draft directly (<see cref="PublishDirectly"/>, recorded as proposed and approved by themselves).
/// </summary>
public sealed class FormReview(FormWorkspace workspace, IReviewStore store, AuthorAccounts accounts, TimeProvider? clock = null)
{
    public const int MaxCommentLength = 2000;
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public AuthorRole? RoleOf(string login) => accounts.Find(login)?.Role;

    /// <summary>Whether the login may approve its own proposals and publish directly: the only Redaktion account.</summary>
    public bool IsSoleEditor(string login) => accounts.Editors() is [var only] && only == login;

    public IReadOnlyList<Proposal> Proposals(string formId) => store.ForForm(formId);

    /// <summary>
    /// What waits on the start page: every form's newest proposal that is open („wartet auf Prüfung“) or approved (waits
    /// for its publication). An older proposal a newer one superseded is not listed.
    /// </summary>
    public IReadOnlyList<Proposal> Waiting() => [.. store.Waiting().GroupBy(p => p.FormId).Select(g => g.MaxBy(p => p.ProposedAt)!).OrderBy(p => p.ProposedAt)];

    /// <summary>The form's proposal still waiting for a decision or for publishing, if any.</summary>
    public Proposal? Pending(string formId) => store.ForForm(formId).LastOrDefault(p => p.Status is ProposalStatus.Open or ProposalStatus.Approved);

    /// <summary>Proposes the saved draft (named by its ETag) as <paramref name="version"/>; an earlier pending proposal of the form is superseded.</summary>
    public ReviewOutcome Propose(string formId, string draftETag, string version, string login)
    {
        if (RoleOf(login) is null) return new(ReviewRefusal.NotSignedIn);
        if (!Names.IsVersion(version.Trim())) return new(ReviewRefusal.InvalidVersion);
        if (workspace.Current(formId)?.ETag != draftETag) return new(ReviewRefusal.DraftChanged);
        foreach (var earlier in store.ForForm(formId).Where(p => p.Status is ProposalStatus.Open or ProposalStatus.Approved))
            store.TryMove(earlier, earlier with { Status = ProposalStatus.Superseded });
        var proposal = new Proposal(Guid.NewGuid().ToString("N"), formId, draftETag, version.Trim(), ProposalStatus.Open, login, _clock.GetUtcNow(),
            ServiceFiles: new DraftServiceFiles(workspace).Fingerprint(formId));
        return store.TryAdd(proposal) ? new(null, proposal) : new(ReviewRefusal.Lost);
    }

    public ReviewOutcome Approve(string formId, string proposalId, string login)
    {
        if (Check(formId, proposalId, login, out var proposal) is { } refused) return refused;
        if (proposal.Status != ProposalStatus.Open) return new(ReviewRefusal.WrongState, proposal);
        if (proposal.ProposedBy == login && !IsSoleEditor(login)) return new(ReviewRefusal.OwnProposal, proposal);
        if (workspace.Current(formId)?.ETag != proposal.ETag) return new(ReviewRefusal.DraftChanged, proposal);
        if (!ServiceFilesAsProposed(proposal)) return new(ReviewRefusal.ServiceFilesChanged, proposal);
        var approved = proposal with { Status = ProposalStatus.Approved, ReviewedBy = login, ReviewedAt = _clock.GetUtcNow() };
        return store.TryMove(proposal, approved) ? new(null, approved) : new(ReviewRefusal.Lost, store.Find(proposalId));
    }

    public ReviewOutcome SendBack(string formId, string proposalId, string login, string comment)
    {
        if (Check(formId, proposalId, login, out var proposal) is { } refused) return refused;
        comment = comment.Trim();
        if (comment.Length == 0 || comment.Length > MaxCommentLength) return new(ReviewRefusal.CommentMissing, proposal);
        if (proposal.Status is not (ProposalStatus.Open or ProposalStatus.Approved)) return new(ReviewRefusal.WrongState, proposal);
        var returned = proposal with { Status = ProposalStatus.Returned, ReviewedBy = login, ReviewedAt = _clock.GetUtcNow(), Comment = comment };
        return store.TryMove(proposal, returned) ? new(null, returned) : new(ReviewRefusal.Lost, store.Find(proposalId));
    }

    /// <summary>Publishes an approved proposal, if the draft is still exactly what was approved; audited with proposer, approver and publisher.</summary>
    public ReviewOutcome Publish(string formId, string proposalId, string login)
    {
        if (Check(formId, proposalId, login, out var proposal) is { } refused) return refused;
        if (proposal.Status != ProposalStatus.Approved) return new(ReviewRefusal.WrongState, proposal);
        if (workspace.Current(formId)?.ETag != proposal.ETag) return new(ReviewRefusal.DraftChanged, proposal);
        if (!ServiceFilesAsProposed(proposal)) return new(ReviewRefusal.ServiceFilesChanged, proposal);
        var claimed = proposal with { Status = ProposalStatus.Published, PublishedBy = login, PublishedAt = _clock.GetUtcNow() };
        if (!store.TryMove(proposal, claimed)) return new(ReviewRefusal.Lost, store.Find(proposalId));
        var result = workspace.Publish(formId, proposal.ETag, proposal.Version, login, new PublishReview(proposal.ProposedBy, proposal.ReviewedBy!), proposal.ServiceFiles);
        if (result is SaveResult.Published) return new(null, claimed, result);
        store.TryMove(claimed, proposal); // nothing was published: the approval stands
        return new(ReviewRefusal.PublishRefused, proposal, result);
    }

    /// <summary>Whether the draft's service files are still exactly those proposed (a proposal without a pin never is).</summary>
    public bool ServiceFilesAsProposed(Proposal proposal) =>
        proposal.ServiceFiles is { } pinned && new DraftServiceFiles(workspace).Fingerprint(proposal.FormId) == pinned;

    /// <summary>The only Redaktion account publishes its saved draft in one step (proposal and approval recorded as its own).</summary>
    public ReviewOutcome PublishDirectly(string formId, string draftETag, string version, string login)
    {
        if (RoleOf(login) is not { } role) return new(ReviewRefusal.NotSignedIn);
        if (role != AuthorRole.Editor) return new(ReviewRefusal.NotEditor);
        if (!IsSoleEditor(login)) return new(ReviewRefusal.OwnProposal);
        var proposed = Propose(formId, draftETag, version, login);
        if (!proposed.Done) return proposed;
        var approved = Approve(formId, proposed.Proposal!.Id, login);
        return approved.Done ? Publish(formId, approved.Proposal!.Id, login) : approved;
    }

    private ReviewOutcome? Check(string formId, string proposalId, string login, out Proposal proposal)
    {
        proposal = null!;
        if (RoleOf(login) is not { } role) return new(ReviewRefusal.NotSignedIn);
        if (role != AuthorRole.Editor) return new(ReviewRefusal.NotEditor);
        if (store.Find(proposalId) is not { } found || found.FormId != formId) return new(ReviewRefusal.NotFound);
        proposal = found;
        return null;
    }
}

/// <summary>The refusals as the author reads them (German: the designer's pages are German).</summary>
public static class ReviewTexts
{
    public static string German(ReviewRefusal refusal) => refusal switch
    {
        ReviewRefusal.NotSignedIn => "Sie sind nicht angemeldet (oder Ihr Konto gibt es nicht mehr).",
        ReviewRefusal.NotEditor => "Nur die Redaktion darf Vorschläge freigeben, zurückgeben und veröffentlichen; Ihre Rolle ist „Autor“.",
        ReviewRefusal.OwnProposal => "Eigene Vorschläge gibt eine andere Person der Redaktion frei (Vier-Augen-Prinzip).",
        ReviewRefusal.NotFound => "Diesen Vorschlag gibt es für dieses Formular nicht.",
        ReviewRefusal.WrongState => "Der Vorschlag ist nicht mehr in diesem Stand (schon entschieden, veröffentlicht oder durch einen neueren ersetzt).",
        ReviewRefusal.DraftChanged => "Der Entwurf wurde seit dem Vorschlag geändert: Er muss neu vorgeschlagen und freigegeben werden.",
        ReviewRefusal.ServiceFilesChanged => FormWorkspace.ServiceFilesChangedSinceProposal,
        ReviewRefusal.Lost => "Jemand anderes war schneller: Der Vorschlag wurde inzwischen bearbeitet.",
        ReviewRefusal.InvalidVersion => "Das ist keine Version: bitte drei Zahlen mit Punkten, z. B. 1.2.0.",
        ReviewRefusal.CommentMissing => $"Bitte schreiben Sie, was zu ändern ist (höchstens {FormReview.MaxCommentLength} Zeichen).",
        _ => "Nicht veröffentlicht.",
    };

    public static string German(ProposalStatus status) => status switch
    {
        ProposalStatus.Open => "wartet auf Prüfung",
        ProposalStatus.Approved => "freigegeben",
        ProposalStatus.Returned => "zurückgegeben",
        ProposalStatus.Published => "veröffentlicht",
        _ => "ersetzt",
    };
}
