using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Designer.Components.Editor;
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

    public PublishPanelTests()
    {
        _workspace = new FormWorkspace(new WorkspaceOptions { CatalogDirectory = _catalog.Catalog, DraftDirectory = _catalog.Drafts });
        Services.AddSingleton(new ServiceRouting(Path.Combine(_catalog.Catalog, "tenants")));
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

    private IRenderedComponent<PublishPanel> RenderFor(Draft draft) =>
        Render<PublishPanel>(p => p.Add(x => x.Session, new EditorSession(_workspace, draft)).Add(x => x.Workspace, _workspace).Add(x => x.Author, "anna"));
}
