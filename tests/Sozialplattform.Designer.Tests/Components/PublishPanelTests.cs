using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Designer.Accounts;
using Sozialplattform.Designer.Components.Editor;
using Sozialplattform.Designer.Review;
using Sozialplattform.Designer.Editing;
using Sozialplattform.Designer.Tests.Support;
using Sozialplattform.Designer.Workspace;

namespace Sozialplattform.Designer.Tests.Components;

/// <summary>
/// The publish panel: with nothing changed it offers nothing to publish (it proposed "1.0.1 (nur Texte)" while the diff
/// said "Keine Unterschiede"); a form no tenant's routing names is flagged before publishing (its applications could not
/// be sent), a routed one names the tenants.
/// </summary>
public sealed class PublishPanelTests : BunitContext
{
    private readonly TemporaryCatalog _catalog = new();
    private readonly FormWorkspace _workspace;
    private readonly AuthorAccounts _accounts;
    private readonly FormReview _review;

    public PublishPanelTests()
    {
        _workspace = new FormWorkspace(new WorkspaceOptions { CatalogDirectory = _catalog.Catalog, DraftDirectory = _catalog.Drafts });
        Services.AddSingleton(new ServiceRouting(Path.Combine(_catalog.Catalog, "tenants")));
        _accounts = new AuthorAccounts(Path.Combine(_catalog.Drafts, "authors.json"));
        _accounts.Create("anna", "Anna", "lang-genug-passwort");
        _review = new FormReview(_workspace, new FileReviewStore(Path.Combine(_catalog.Drafts, "proposals.json")), _accounts);
        Services.AddSingleton(_review);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _catalog.Dispose();
    }

    [Fact]
    public void Right_after_publishing_the_panel_says_there_is_nothing_to_publish_and_offers_no_button()
    {
        var panel = RenderFor(_workspace.Open("einstiegsgeld", "anna"));

        panel.Find("[data-testid=publish-unchanged]").TextContent.ShouldBe("Keine Änderungen gegenüber Version 1.0.2: der Entwurf entspricht der veröffentlichten Version, es gibt nichts zu veröffentlichen.");
        panel.FindAll("[data-testid=publish-button]").ShouldBeEmpty();
        panel.Markup.ShouldNotContain("nur Texte");
    }

    [Fact]
    public void A_form_no_tenant_routes_is_flagged_before_publishing_and_a_routed_one_names_its_tenants()
    {
        var opened = _workspace.Open("einstiegsgeld", "anna");
        var copy = System.Text.Encoding.UTF8.GetString(opened.Content).Replace("\"id\": \"einstiegsgeld\"", "\"id\": \"neues-formular\"");
        var fresh = _workspace.Create("neues-formular", System.Text.Encoding.UTF8.GetBytes(copy), "anna"); // einstiegsgeld has no LeiKa key

        var unrouted = RenderFor(fresh);
        var routed = RenderFor(opened);

        unrouted.Find("[data-testid=publish-unrouted]").TextContent.ShouldStartWith("Noch keiner Behörde zugeordnet: kein Mandant nennt dieses Formular in seiner routing.json");
        unrouted.Find("[data-testid=publish-unrouted]").TextContent.ShouldContain("„neues-formular“");
        routed.FindAll("[data-testid=publish-unrouted]").ShouldBeEmpty();
        routed.Find("[data-testid=publish-routed]").TextContent.ShouldBe("Anträge gehen bei hessen-beispiel, nrw an die zuständige Behörde.");
    }

    [Fact]
    public void An_Autor_is_offered_no_publish_button_and_proposes_the_saved_draft_for_review()
    {
        _accounts.Create("autor", "Autor", "lang-genug-passwort", AuthorRole.Author);
        var session = new EditorSession(_workspace, _workspace.Open("einstiegsgeld", "autor"));
        session.Apply(new SetText(Sozialplattform.Designer.Documents.DocumentPath.Root, "title", "de", "Einstiegsgeld (geändert)")).ShouldBeNull();
        var panel = Render<PublishPanel>(p => p.Add(x => x.Session, session).Add(x => x.Workspace, _workspace).Add(x => x.Author, "autor").Add(x => x.Revision, session.Document.Revision));

        panel.FindAll("[data-testid=publish-button]").ShouldBeEmpty();
        panel.Find("[data-testid=propose-button]").Click();

        panel.Find("[data-testid=publish-message]").TextContent.ShouldBe("Version 1.0.3 ist zur Prüfung vorgeschlagen.");
        session.HasUnsavedChanges.ShouldBeFalse();
        var proposal = _review.Pending("einstiegsgeld")!;
        (proposal.ProposedBy, proposal.ETag, proposal.Status).ShouldBe(("autor", session.Draft.ETag, ProposalStatus.Open));
        panel.Find("[data-testid=review-state]").TextContent.ShouldContain("Vorschlag 1.0.3 von autor: wartet auf Prüfung");
        _review.PublishDirectly("einstiegsgeld", session.Draft.ETag, "1.0.3", "autor").Refusal.ShouldBe(ReviewRefusal.NotEditor);
        _workspace.Versions("einstiegsgeld").ShouldNotContain("1.0.3");
    }

    [Fact]
    public void The_only_Redaktion_account_publishes_directly_and_the_proposal_records_it()
    {
        var session = new EditorSession(_workspace, _workspace.Open("einstiegsgeld", "anna"));
        session.Apply(new SetText(Sozialplattform.Designer.Documents.DocumentPath.Root, "title", "de", "Einstiegsgeld (neu)")).ShouldBeNull();
        var panel = Render<PublishPanel>(p => p.Add(x => x.Session, session).Add(x => x.Workspace, _workspace).Add(x => x.Author, "anna").Add(x => x.Revision, session.Document.Revision));

        panel.Find("[data-testid=publish-button]").Click();

        panel.Find("[data-testid=publish-message]").TextContent.ShouldBe("Version 1.0.3 ist veröffentlicht.");
        _workspace.Versions("einstiegsgeld").ShouldContain("1.0.3");
        var proposal = _review.Proposals("einstiegsgeld").Single();
        (proposal.ProposedBy, proposal.ReviewedBy, proposal.PublishedBy, proposal.Status).ShouldBe(("anna", "anna", "anna", ProposalStatus.Published));
    }

    private IRenderedComponent<PublishPanel> RenderFor(Draft draft) =>
        Render<PublishPanel>(p => p.Add(x => x.Session, new EditorSession(_workspace, draft)).Add(x => x.Workspace, _workspace).Add(x => x.Author, "anna"));
}
