using System.Text;
using Microsoft.EntityFrameworkCore;
using System.Text.Json.Nodes;
using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Designer.Accounts;
using Sozialplattform.Designer.Documents;
using Sozialplattform.Designer.Editing;
using Sozialplattform.Designer.Review;
using Sozialplattform.Designer.Workspace;
using Sozialplattform.Storage.Operations;

namespace Sozialplattform.Delivery.Tests.Storage;

/// <summary>
/// Review before publishing on the shared home (designer_proposals, designer_authors.Role, the audit on
/// published_form_versions): an Autor proposes but cannot approve or publish; Redaktion approves (never their own
/// proposal while another Redaktion account exists) and publishes; an approval holds only for the content approved;
/// replayed, foreign and anonymous steps are refused; of parallel approvals and publishes exactly one wins.
/// </summary>
public abstract class DesignerReviewTests(DatabaseTarget target)
{
    private const string Password = "ein-langes-Passwort-2026";

    private sealed record Home(SharedCatalog Catalog, AuthorAccounts Accounts, string FormId)
    {
        /// <summary>One host's view (its own workspace and review, as a second host would have).</summary>
        public (FormWorkspace Workspace, FormReview Review) Host()
        {
            var workspace = new FormWorkspace(
                new WorkspaceOptions { CatalogDirectory = Path.Combine(RepositoryPaths.Root, "forms-catalog"), DraftDirectory = Path.Combine(Path.GetTempPath(), "unused-drafts") },
                store: new DatabaseFormStore(Catalog));
            return (workspace, new FormReview(workspace, new DatabaseReviewStore(Catalog), Accounts));
        }
    }

    private async Task<Home> OpenAsync(params (string Login, AuthorRole Role)[] authors)
    {
        var operations = await OperationsDatabase.OpenAsync(await target.FreshAsync());
        await using (var context = operations.CreateContext())
        {
            // The platform's fresh database empties its own tables only; the operations tables of an earlier test stay.
            await context.DesignerAuthors.ExecuteDeleteAsync();
            await context.DesignerProposals.ExecuteDeleteAsync();
        }

        var catalog = new SharedCatalog(operations);
        var accounts = new AuthorAccounts(new DatabaseAuthorStore(catalog));
        foreach (var (login, role) in authors) accounts.Create(login, login, Password, role);
        var formId = "review-" + Guid.NewGuid().ToString("N")[..10];
        var source = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "forms-catalog", "forms", "einstiegsgeld", "1.0.2", "form.json"));
        var home = new Home(catalog, accounts, formId);
        home.Host().Workspace.Create(formId, Encoding.UTF8.GetBytes(source.Replace("\"id\": \"einstiegsgeld\"", $"\"id\": \"{formId}\"")), "autor");
        return home;
    }

    private static Draft Change(FormWorkspace workspace, string formId, string title)
    {
        var draft = workspace.Current(formId)!;
        var document = DefinitionDocument.Parse(draft.Content, formId);
        document.Apply(new SetText(DocumentPath.Root, "title", "de", title));
        return ((SaveResult.Saved)workspace.Save(formId, document.ToUtf8(), draft.ETag, "autor")).Draft;
    }

    [SkippableFact]
    public async Task An_Autor_proposes_but_cannot_approve_or_publish_and_the_version_records_who_proposed_approved_and_published()
    {
        var home = await OpenAsync(("autor", AuthorRole.Author), ("red1", AuthorRole.Editor), ("red2", AuthorRole.Editor));
        var (workspace, review) = home.Host();
        var proposed = review.Propose(home.FormId, workspace.Current(home.FormId)!.ETag, "1.0.0", "autor");
        proposed.Done.ShouldBeTrue();
        var id = proposed.Proposal!.Id;

        review.Approve(home.FormId, id, "autor").Refusal.ShouldBe(ReviewRefusal.NotEditor);
        review.Publish(home.FormId, id, "autor").Refusal.ShouldBe(ReviewRefusal.NotEditor);
        review.PublishDirectly(home.FormId, workspace.Current(home.FormId)!.ETag, "1.0.0", "autor").Refusal.ShouldBe(ReviewRefusal.NotEditor);
        review.Publish(home.FormId, id, "red1").Refusal.ShouldBe(ReviewRefusal.WrongState); // not approved yet
        workspace.Versions(home.FormId).ShouldBeEmpty();

        review.Approve(home.FormId, id, "red1").Done.ShouldBeTrue();
        var published = review.Publish(home.FormId, id, "red2");

        published.Publish.ShouldBeOfType<SaveResult.Published>();
        var row = home.Catalog.Published(home.FormId, "1.0.0")!;
        (row.ProposedBy, row.ApprovedBy, row.PublishedBy).ShouldBe(("autor", "red1", "red2"));
        review.Proposals(home.FormId).Single().Status.ShouldBe(ProposalStatus.Published);
    }

    [SkippableFact]
    public async Task Nobody_approves_their_own_proposal_unless_they_are_the_only_Redaktion_account()
    {
        var home = await OpenAsync(("red1", AuthorRole.Editor), ("red2", AuthorRole.Editor));
        var (workspace, review) = home.Host();
        var etag = workspace.Current(home.FormId)!.ETag;
        var id = review.Propose(home.FormId, etag, "1.0.0", "red1").Proposal!.Id;

        review.Approve(home.FormId, id, "red1").Refusal.ShouldBe(ReviewRefusal.OwnProposal);
        review.PublishDirectly(home.FormId, etag, "1.0.0", "red1").Refusal.ShouldBe(ReviewRefusal.OwnProposal);
        workspace.Versions(home.FormId).ShouldBeEmpty();

        home.Accounts.SetRole("red2", AuthorRole.Author).ShouldBeTrue();
        review.IsSoleEditor("red1").ShouldBeTrue();
        review.PublishDirectly(home.FormId, etag, "1.0.0", "red1").Publish.ShouldBeOfType<SaveResult.Published>();
        var row = home.Catalog.Published(home.FormId, "1.0.0")!;
        (row.ProposedBy, row.ApprovedBy, row.PublishedBy).ShouldBe(("red1", "red1", "red1"));
    }

    [SkippableFact]
    public async Task A_change_after_the_approval_needs_a_new_proposal_and_approval_and_a_replayed_approval_is_refused()
    {
        var home = await OpenAsync(("autor", AuthorRole.Author), ("red1", AuthorRole.Editor), ("red2", AuthorRole.Editor));
        var (workspace, review) = home.Host();
        var first = review.Propose(home.FormId, workspace.Current(home.FormId)!.ETag, "1.0.0", "autor").Proposal!.Id;
        review.Approve(home.FormId, first, "red1").Done.ShouldBeTrue();

        var changed = Change(workspace, home.FormId, "Nach der Freigabe geändert");

        review.Publish(home.FormId, first, "red2").Refusal.ShouldBe(ReviewRefusal.DraftChanged);
        review.Approve(home.FormId, first, "red2").Refusal.ShouldBe(ReviewRefusal.WrongState);
        workspace.Versions(home.FormId).ShouldBeEmpty();

        var second = review.Propose(home.FormId, changed.ETag, "1.0.0", "autor").Proposal!.Id;
        review.Proposals(home.FormId).Single(p => p.Id == first).Status.ShouldBe(ProposalStatus.Superseded);
        review.Publish(home.FormId, first, "red2").Refusal.ShouldBe(ReviewRefusal.WrongState);
        Change(workspace, home.FormId, "Noch einmal geändert, vor der Freigabe");
        review.Approve(home.FormId, second, "red1").Refusal.ShouldBe(ReviewRefusal.DraftChanged);
        workspace.Versions(home.FormId).ShouldBeEmpty();
    }

    [SkippableFact]
    public async Task An_unknown_login_a_proposal_of_another_form_and_a_send_back_without_a_comment_are_refused()
    {
        var home = await OpenAsync(("autor", AuthorRole.Author), ("red1", AuthorRole.Editor));
        var (workspace, review) = home.Host();
        var etag = workspace.Current(home.FormId)!.ETag;
        var id = review.Propose(home.FormId, etag, "1.0.0", "autor").Proposal!.Id;

        review.Propose(home.FormId, etag, "1.0.0", "niemand").Refusal.ShouldBe(ReviewRefusal.NotSignedIn);
        review.Propose(home.FormId, etag, "1.0.0<script>" + new string('9', 100), "autor").Refusal.ShouldBe(ReviewRefusal.InvalidVersion);
        review.Propose(home.FormId, "eine-erfundene-etag", "1.0.0", "autor").Refusal.ShouldBe(ReviewRefusal.DraftChanged);
        review.Approve(home.FormId, id, "niemand").Refusal.ShouldBe(ReviewRefusal.NotSignedIn);
        review.Approve("einstiegsgeld", id, "red1").Refusal.ShouldBe(ReviewRefusal.NotFound);
        review.Approve(home.FormId, "erfunden", "red1").Refusal.ShouldBe(ReviewRefusal.NotFound);
        review.SendBack(home.FormId, id, "red1", "   ").Refusal.ShouldBe(ReviewRefusal.CommentMissing);
        review.SendBack(home.FormId, id, "red1", new string('x', FormReview.MaxCommentLength + 1)).Refusal.ShouldBe(ReviewRefusal.CommentMissing);
        review.Proposals(home.FormId).Single().Status.ShouldBe(ProposalStatus.Open);

        var returned = review.SendBack(home.FormId, id, "red1", "Bitte <script>alert(1)</script> den Titel prüfen");
        returned.Proposal!.Comment.ShouldBe("Bitte <script>alert(1)</script> den Titel prüfen");
        review.Approve(home.FormId, id, "red1").Refusal.ShouldBe(ReviewRefusal.WrongState);
    }

    [SkippableFact]
    public async Task Of_parallel_approvals_and_publishes_of_one_proposal_exactly_one_wins()
    {
        var home = await OpenAsync(("autor", AuthorRole.Author), ("red1", AuthorRole.Editor), ("red2", AuthorRole.Editor));
        var (workspace, review) = home.Host();
        var id = review.Propose(home.FormId, workspace.Current(home.FormId)!.ETag, "1.0.0", "autor").Proposal!.Id;

        var approvals = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => home.Host().Review.Approve(home.FormId, id, i % 2 == 0 ? "red1" : "red2"))));
        approvals.Count(a => a.Done).ShouldBe(1);
        approvals.Where(a => !a.Done).Select(a => a.Refusal).ShouldAllBe(r => r == ReviewRefusal.Lost || r == ReviewRefusal.WrongState);

        var publishes = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => home.Host().Review.Publish(home.FormId, id, i % 2 == 0 ? "red1" : "red2"))));
        publishes.Count(p => p.Done).ShouldBe(1);
        home.Catalog.PublishedKeys().Count(k => k.FormId == home.FormId).ShouldBe(1);
        review.Proposals(home.FormId).Single().Status.ShouldBe(ProposalStatus.Published);
    }

    [Fact]
    public void An_author_from_before_roles_is_Redaktion()
    {
        var folder = Directory.CreateTempSubdirectory("sozial-roles-").FullName;
        var file = Path.Combine(folder, "authors.json");
        File.WriteAllText(file, """[{"login": "alt", "displayName": "Alt", "passwordHash": "x", "securityStamp": "s"}]""");
        new AuthorAccounts(file).Find("alt")!.Role.ShouldBe(AuthorRole.Editor);
        Directory.Delete(folder, true);
    }

    [SkippableFact]
    public async Task The_start_page_lists_each_forms_newest_proposal_that_waits_and_none_that_was_sent_back()
    {
        var home = await OpenAsync(("autor", AuthorRole.Author), ("red1", AuthorRole.Editor), ("red2", AuthorRole.Editor));
        var (workspace, review) = home.Host();
        review.Waiting().ShouldNotContain(p => p.FormId == home.FormId);

        var first = review.Propose(home.FormId, workspace.Current(home.FormId)!.ETag, "1.0.0", "autor").Proposal!;
        review.Waiting().Where(p => p.FormId == home.FormId).ShouldHaveSingleItem().Id.ShouldBe(first.Id);
        Change(workspace, home.FormId, "Neuer Titel");
        var second = review.Propose(home.FormId, workspace.Current(home.FormId)!.ETag, "1.0.0", "autor").Proposal!;
        var (_, otherHost) = home.Host();
        otherHost.Waiting().Where(p => p.FormId == home.FormId).ShouldHaveSingleItem().Id.ShouldBe(second.Id);

        review.SendBack(home.FormId, second.Id, "red1", "Bitte den Titel kürzen.").Done.ShouldBeTrue();
        review.Waiting().ShouldNotContain(p => p.FormId == home.FormId);
    }
}

public sealed class DesignerReviewSqliteTests(SqliteTarget target) : DesignerReviewTests(target), IClassFixture<SqliteTarget>;

public sealed class DesignerReviewPostgresTests(PostgresTarget target) : DesignerReviewTests(target), IClassFixture<PostgresTarget>;
