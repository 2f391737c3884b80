using Bunit;
using Sozialplattform.Designer.Components.Editor;
using Sozialplattform.Designer.Editing;
using Sozialplattform.Designer.Tests.Support;
using Sozialplattform.Designer.Workspace;

namespace Sozialplattform.Designer.Tests.Components;

/// <summary>
/// Right after publishing, the draft equals the new version: the panel says there is nothing to publish (it proposed
/// "1.0.1 (nur Texte)" before, while the diff said "Keine Unterschiede"), and offers no button for a copy.
/// </summary>
public sealed class PublishPanelTests : BunitContext
{
    private readonly TemporaryCatalog _catalog = new();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _catalog.Dispose();
    }

    [Fact]
    public void Right_after_publishing_the_panel_says_there_is_nothing_to_publish_and_offers_no_button()
    {
        var workspace = new FormWorkspace(new WorkspaceOptions { CatalogDirectory = _catalog.Catalog, DraftDirectory = _catalog.Drafts });
        var session = new EditorSession(workspace, workspace.Open("einstiegsgeld", "anna"));

        var panel = Render<PublishPanel>(p => p.Add(x => x.Session, session).Add(x => x.Workspace, workspace).Add(x => x.Author, "anna"));

        panel.Find("[data-testid=publish-unchanged]").TextContent.ShouldBe("Keine Änderungen gegenüber Version 1.0.2: der Entwurf entspricht der veröffentlichten Version, es gibt nichts zu veröffentlichen.");
        panel.FindAll("[data-testid=publish-button]").ShouldBeEmpty();
        panel.Markup.ShouldNotContain("nur Texte");
    }
}
