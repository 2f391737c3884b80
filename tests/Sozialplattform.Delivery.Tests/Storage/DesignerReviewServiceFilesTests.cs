using System.Text;
using Microsoft.EntityFrameworkCore;
using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Designer.Accounts;
using Sozialplattform.Designer.Review;
using Sozialplattform.Designer.Service;
using Sozialplattform.Designer.Workspace;
using Sozialplattform.Storage.Operations;

namespace Sozialplattform.Delivery.Tests.Storage;

/// <summary>
/// An approval holds only for the exact content, the service files included: a proposal is pinned to the draft's ETag
/// and to the fingerprint of its service-file set (<c>designer_proposals.ServiceFiles</c>), so a letter saved or an
/// earlier set restored after the approval voids it as a definition change does — on one host or two, also when the
/// save races the approval or the publish.
/// </summary>
public abstract class DesignerReviewServiceFilesTests(DatabaseTarget target)
{
    private const string Password = "ein-langes-Passwort-2026";
    private const string Letter = "Bewilligung {{ reference_number }}\nIhr Antrag „{{ title }}“ ist bewilligt.\n";

    private sealed record Home(SharedCatalog Catalog, AuthorAccounts Accounts, string FormId)
    {
        public (FormWorkspace Workspace, FormReview Review) Host()
        {
            var workspace = new FormWorkspace(
                new WorkspaceOptions { CatalogDirectory = Path.Combine(RepositoryPaths.Root, "forms-catalog"), DraftDirectory = Path.Combine(Path.GetTempPath(), "unused-drafts") },
                store: new DatabaseFormStore(Catalog));
            return (workspace, new FormReview(workspace, new DatabaseReviewStore(Catalog), Accounts));
        }

        public ServiceFilesSaveOutcome SaveLetter(string text, string author = "autor")
        {
            var files = new DraftServiceFiles(Host().Workspace);
            var current = files.Current(FormId, null);
            return files.Save(FormId, current.Number, new Dictionary<string, string>(current.Files) { ["letters/bewilligung.de.scriban"] = text }, author);
        }
    }

    private async Task<Home> OpenAsync()
    {
        var operations = await OperationsDatabase.OpenAsync(await target.FreshAsync());
        await using (var context = operations.CreateContext())
        {
            await context.DesignerAuthors.ExecuteDeleteAsync();
            await context.DesignerProposals.ExecuteDeleteAsync();
        }

        var catalog = new SharedCatalog(operations);
        var accounts = new AuthorAccounts(new DatabaseAuthorStore(catalog));
        foreach (var (login, role) in new[] { ("autor", AuthorRole.Author), ("red1", AuthorRole.Editor), ("red2", AuthorRole.Editor) }) accounts.Create(login, login, Password, role);
        var formId = "review-files-" + Guid.NewGuid().ToString("N")[..10];
        var source = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "forms-catalog", "forms", "einstiegsgeld", "1.0.2", "form.json"));
        var home = new Home(catalog, accounts, formId);
        home.Host().Workspace.Create(formId, Encoding.UTF8.GetBytes(source.Replace("\"id\": \"einstiegsgeld\"", $"\"id\": \"{formId}\"")), "autor");
        return home;
    }

    [SkippableFact]
    public async Task A_letter_saved_after_the_approval_refuses_the_publish_with_the_reason_and_a_new_proposal_publishes_exactly_the_approved_letter()
    {
        var home = await OpenAsync();
        var (workspace, review) = home.Host();
        home.SaveLetter(Letter).Saved.ShouldBeTrue();
        var first = review.Propose(home.FormId, workspace.Current(home.FormId)!.ETag, "1.0.0", "autor").Proposal!;
        first.ServiceFiles.ShouldBe(new DraftServiceFiles(workspace).Fingerprint(home.FormId));
        review.Approve(home.FormId, first.Id, "red1").Done.ShouldBeTrue();

        home.SaveLetter(Letter + "Nach der Freigabe eingefügt.\n").Saved.ShouldBeTrue(); // the draft's definition is untouched

        var (_, otherHost) = home.Host();
        var refused = otherHost.Publish(home.FormId, first.Id, "red2");
        refused.Refusal.ShouldBe(ReviewRefusal.ServiceFilesChanged);
        ReviewTexts.German(refused.Refusal!.Value).ShouldContain("seit dem Vorschlag gespeichert");
        workspace.Versions(home.FormId).ShouldBeEmpty();

        var second = review.Propose(home.FormId, workspace.Current(home.FormId)!.ETag, "1.0.0", "autor").Proposal!;
        review.Approve(home.FormId, second.Id, "red1").Done.ShouldBeTrue();
        review.Publish(home.FormId, second.Id, "red2").Publish.ShouldBeOfType<SaveResult.Published>();
        workspace.ServiceFilesOf(home.FormId, "1.0.0")["letters/bewilligung.de.scriban"].ShouldEndWith("Nach der Freigabe eingefügt.\n");
    }

    [SkippableFact]
    public async Task A_set_saved_before_the_approval_refuses_the_approval_and_restoring_the_proposed_set_makes_it_hold_again()
    {
        var home = await OpenAsync();
        var (workspace, review) = home.Host();
        home.SaveLetter(Letter).Saved.ShouldBeTrue();
        var proposal = review.Propose(home.FormId, workspace.Current(home.FormId)!.ETag, "1.0.0", "autor").Proposal!;
        home.SaveLetter("Anders\nGanz anders.\n").Saved.ShouldBeTrue();

        review.Approve(home.FormId, proposal.Id, "red1").Refusal.ShouldBe(ReviewRefusal.ServiceFilesChanged);

        // The exact content again (restored as set 3): the approval is for content, not for a set number.
        var files = new DraftServiceFiles(workspace);
        files.Save(home.FormId, 2, files.Saved(home.FormId, 1)!.Files, "autor").Current!.Number.ShouldBe(3);
        review.Approve(home.FormId, proposal.Id, "red1").Done.ShouldBeTrue();
    }

    [SkippableFact]
    public async Task A_proposal_stored_before_service_files_were_pinned_cannot_be_approved_or_published()
    {
        var home = await OpenAsync();
        var (workspace, review) = home.Host();
        var old = new Proposal("alt" + Guid.NewGuid().ToString("N")[..8], home.FormId, workspace.Current(home.FormId)!.ETag, "1.0.0", ProposalStatus.Open, "autor", DateTimeOffset.UtcNow);
        new DatabaseReviewStore(home.Catalog).TryAdd(old).ShouldBeTrue();

        review.Approve(home.FormId, old.Id, "red1").Refusal.ShouldBe(ReviewRefusal.ServiceFilesChanged);
        workspace.Versions(home.FormId).ShouldBeEmpty();
    }

    [SkippableFact]
    public async Task The_workspace_publishes_service_files_only_when_they_are_still_the_approved_set()
    {
        var home = await OpenAsync();
        var (workspace, _) = home.Host();
        home.SaveLetter(Letter).Saved.ShouldBeTrue();
        var approved = new DraftServiceFiles(workspace).Fingerprint(home.FormId);
        home.SaveLetter(Letter + "Zwischen Prüfung und Veröffentlichung.\n").Saved.ShouldBeTrue();

        var refused = workspace.Publish(home.FormId, workspace.Current(home.FormId)!.ETag, "1.0.0", "red2", new PublishReview("autor", "red1"), approved)
            .ShouldBeOfType<SaveResult.Refused>();
        refused.Reasons.ShouldBe([FormWorkspace.ServiceFilesChangedSinceProposal]);
        workspace.Versions(home.FormId).ShouldBeEmpty();
    }

    [SkippableFact]
    public async Task Of_approvals_and_letter_saves_racing_on_several_hosts_nothing_is_published_with_files_that_were_not_approved()
    {
        var home = await OpenAsync();
        var (workspace, review) = home.Host();
        home.SaveLetter(Letter).Saved.ShouldBeTrue();
        var proposal = review.Propose(home.FormId, workspace.Current(home.FormId)!.ETag, "1.0.0", "autor").Proposal!;

        var approvals = Enumerable.Range(0, 4).Select(i => Task.Run(() => (object)home.Host().Review.Approve(home.FormId, proposal.Id, i % 2 == 0 ? "red1" : "red2")));
        var saves = Enumerable.Range(0, 4).Select(i => Task.Run(() => (object)home.SaveLetter(Letter + $"Fassung {i}\n", $"autor{i}")));
        var outcomes = await Task.WhenAll(approvals.Concat(saves));
        var saved = outcomes.OfType<ServiceFilesSaveOutcome>().Count(o => o.Saved);
        saved.ShouldBeGreaterThan(0); // the first save names set 1 and cannot lose to a concurrent approval
        outcomes.OfType<ReviewOutcome>().Count(o => o.Done).ShouldBeLessThanOrEqualTo(1);

        var publishes = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => home.Host().Review.Publish(home.FormId, proposal.Id, i % 2 == 0 ? "red2" : "red1"))));
        publishes.ShouldAllBe(p => !p.Done);
        workspace.Versions(home.FormId).ShouldBeEmpty();
    }
}

public sealed class DesignerReviewServiceFilesSqliteTests(SqliteTarget target) : DesignerReviewServiceFilesTests(target), IClassFixture<SqliteTarget>;

public sealed class DesignerReviewServiceFilesPostgresTests(PostgresTarget target) : DesignerReviewServiceFilesTests(target), IClassFixture<PostgresTarget>;
