using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Designer.Accounts;
using Sozialplattform.Designer.Components.Pages;
using Sozialplattform.Designer.Review;
using Sozialplattform.Designer.Service;
using Sozialplattform.Designer.Workspace;

namespace Sozialplattform.Designer.Tests.Components;

/// <summary>The review page: the proposal with its diff, impact and lint; an Autor finds no decision buttons, Redaktion approves and publishes.</summary>
public sealed class FormReviewPageTests : BunitContext
{
    private readonly TemporaryCatalog _catalog = new();
    private readonly FormWorkspace _workspace;
    private readonly FormReview _review;

    public FormReviewPageTests()
    {
        _workspace = new FormWorkspace(new WorkspaceOptions { CatalogDirectory = _catalog.Catalog, DraftDirectory = _catalog.Drafts });
        var accounts = new AuthorAccounts(Path.Combine(_catalog.Drafts, "authors.json"));
        accounts.Create("autor", "Autor", "lang-genug-passwort", AuthorRole.Author);
        accounts.Create("anna", "Anna", "lang-genug-passwort");
        _review = new FormReview(_workspace, new FileReviewStore(Path.Combine(_catalog.Drafts, "proposals.json")), accounts);
        Services.AddSingleton(_workspace);
        Services.AddSingleton(_review);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _catalog.Dispose();
    }

    private string Propose()
    {
        var draft = _workspace.Open("einstiegsgeld", "autor");
        var document = Sozialplattform.Designer.Documents.DefinitionDocument.Parse(draft.Content, "einstiegsgeld");
        document.Apply(new Sozialplattform.Designer.Editing.SetText(Sozialplattform.Designer.Documents.DocumentPath.Root, "title", "de", "Einstiegsgeld neu"));
        var saved = (SaveResult.Saved)_workspace.Save("einstiegsgeld", document.ToUtf8(), draft.ETag, "autor");
        return _review.Propose("einstiegsgeld", saved.Draft.ETag, "1.0.3", "autor").Proposal!.Id;
    }

    [Fact]
    public void An_Autor_sees_the_proposal_with_diff_impact_and_lint_but_no_decision()
    {
        Propose();
        AddAuthorization().SetAuthorized("autor");

        var page = Render<FormReviewPage>(p => p.Add(x => x.Id, "einstiegsgeld"));

        page.Find("[data-testid=review-state]").TextContent.ShouldContain("Version 1.0.3 von autor");
        page.Find("[data-testid=review-diff]").TextContent.ShouldContain("Einstiegsgeld neu");
        page.Find("[data-testid=review-impact]").TextContent.ShouldContain("nur Texte");
        page.FindAll("[data-testid=review-lint]").ShouldNotBeEmpty();
        page.FindAll("[data-testid=approve-button]").ShouldBeEmpty();
        page.FindAll("[data-testid=publish-approved-button]").ShouldBeEmpty();
    }

    [Fact]
    public void Redaktion_approves_then_publishes_and_the_version_exists()
    {
        Propose();
        AddAuthorization().SetAuthorized("anna");
        var page = Render<FormReviewPage>(p => p.Add(x => x.Id, "einstiegsgeld"));

        page.Find("[data-testid=approve-button]").Click();
        page.Find("[data-testid=review-message]").TextContent.ShouldBe("Freigegeben.");
        page.Find("[data-testid=publish-approved-button]").Click();

        page.Find("[data-testid=review-message]").TextContent.ShouldBe("Version 1.0.3 ist veröffentlicht.");
        _workspace.Versions("einstiegsgeld").ShouldContain("1.0.3");
    }

    private void SaveLetter(string text)
    {
        var files = new DraftServiceFiles(_workspace);
        var current = files.Current("einstiegsgeld", _workspace.Current("einstiegsgeld")?.BaseVersion ?? "1.0.2");
        files.Save("einstiegsgeld", current.Number, new Dictionary<string, string>(current.Files) { ["letters/bewilligung.de.scriban"] = text }, "autor").Saved.ShouldBeTrue();
    }

    [Fact]
    public void Redaktion_sees_a_changed_letter_with_its_lines_and_a_letter_saved_after_the_proposal_voids_the_approval()
    {
        _workspace.Open("einstiegsgeld", "autor");
        SaveLetter("Bewilligung {{ reference_number }}\nIhr Antrag ist bewilligt.\n");
        var proposal = Propose();
        AddAuthorization().SetAuthorized("anna");

        var page = Render<FormReviewPage>(p => p.Add(x => x.Id, "einstiegsgeld"));

        page.Find("[data-testid=review-service-diff]").TextContent.ShouldContain("Bescheid „bewilligung“ (Deutsch) hinzugefügt");
        page.Find("[data-testid=line-diff]").TextContent.ShouldContain("+ Ihr Antrag ist bewilligt.");
        page.FindAll("[data-testid=review-changed]").ShouldBeEmpty();

        SaveLetter("Bewilligung {{ reference_number }}\nIhr Antrag ist <script>alert(1)</script> bewilligt.\n");
        page = Render<FormReviewPage>(p => p.Add(x => x.Id, "einstiegsgeld"));

        page.Find("[data-testid=review-changed]").TextContent.ShouldContain("Checkliste, Bescheide oder Vorlagen wurden seit dem Vorschlag gespeichert");
        page.Find("[data-testid=line-diff]").TextContent.ShouldContain("+ Ihr Antrag ist <script>alert(1)</script> bewilligt.");
        page.FindAll("script").ShouldBeEmpty();
        page.Find("[data-testid=approve-button]").Click();
        page.Find("[data-testid=review-message]").TextContent.ShouldContain("seit dem Vorschlag gespeichert");
        _review.Proposals("einstiegsgeld").Single(p => p.Id == proposal).Status.ShouldBe(ProposalStatus.Open);
    }

    [Fact]
    public void An_Autor_sees_the_template_change_but_cannot_approve_it()
    {
        _workspace.Open("einstiegsgeld", "autor");
        SaveLetter("Bewilligung\nText\n");
        var proposal = Propose();
        AddAuthorization().SetAuthorized("autor");

        var page = Render<FormReviewPage>(p => p.Add(x => x.Id, "einstiegsgeld"));

        page.Find("[data-testid=review-service-diff]").TextContent.ShouldContain("Bescheid „bewilligung“");
        page.FindAll("[data-testid=approve-button]").ShouldBeEmpty();
        _review.Approve("einstiegsgeld", proposal, "autor").Refusal.ShouldBe(ReviewRefusal.NotEditor);
    }
}
