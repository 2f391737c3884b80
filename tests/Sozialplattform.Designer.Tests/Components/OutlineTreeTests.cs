using System.Text;
using Bunit;
using Microsoft.AspNetCore.Components;
using Sozialplattform.Designer.Components.Editor;
using Sozialplattform.Designer.Documents;
using Sozialplattform.Designer.Editing;
using Sozialplattform.Designer.Tests.Support;
using Sozialplattform.Designer.Workspace;

namespace Sozialplattform.Designer.Tests.Components;

public sealed class OutlineTreeTests : BunitContext
{
    private readonly TemporaryCatalog _catalog = new();
    private readonly EditorSession _session;

    public OutlineTreeTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        var workspace = new FormWorkspace(new WorkspaceOptions { CatalogDirectory = _catalog.Catalog, DraftDirectory = _catalog.Drafts });
        _session = new EditorSession(workspace, workspace.Create("probe", Encoding.UTF8.GetBytes(Forms.Household().ToJsonString()), "anna"));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _catalog.Dispose();
    }

    private IRenderedComponent<OutlineTree> Render() =>
        Render<OutlineTree>(p => p
            .Add(t => t.Session, _session)
            .Add(t => t.OnEdit, EventCallback.Factory.Create<IEdit>(this, edit => _session.Apply(edit))));

    [Fact]
    public void The_tree_lists_every_element_with_its_level_and_marks_the_selected_one()
    {
        _session.Selected = DocumentPath.Parse("pages[0].items[1]");

        var tree = Render();

        var items = tree.FindAll("[role=treeitem]");
        items.Count.ShouldBe(7); // the form, the page, hatKinder, kinder and its three fields
        tree.Find("[data-path='pages[0].items[1].items[2]']").GetAttribute("aria-level").ShouldBe("4");
        tree.Find("[aria-selected=true]").TextContent.ShouldContain("kinder");
        tree.Find("[aria-selected=true]").GetAttribute("tabindex").ShouldBe("0");
    }

    [Fact]
    public void Arrow_keys_move_the_selection_and_alt_arrow_moves_the_element()
    {
        _session.Selected = DocumentPath.Parse("pages[0].items[1].items[0]");
        var tree = Render();

        tree.Find("[role=tree]").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "ArrowDown" });
        _session.Selected.ToString().ShouldBe("pages[0].items[1].items[1]");

        tree.Find("[role=tree]").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "ArrowDown", AltKey = true });
        _session.Document.Find(DocumentPath.Parse("pages[0].items[1].items[2].key"))!.ToString().ShouldBe("alter");
        _session.Selected.ToString().ShouldBe("pages[0].items[1].items[2]");

        _session.Document.History.Undo();
        _session.Document.Find(DocumentPath.Parse("pages[0].items[1].items[1].key"))!.ToString().ShouldBe("alter");
    }

    [Fact]
    public void Adding_into_a_selected_group_appends_to_its_items_and_selects_the_new_field()
    {
        _session.Selected = DocumentPath.Parse("pages[0].items[1]");
        var tree = Render();

        tree.Find("#add-type").Change("date");
        tree.Find("[data-testid=add-element]").Click();

        _session.Selected.ToString().ShouldBe("pages[0].items[1].items[3]");
        _session.Document.Find(_session.Selected.Property("type"))!.ToString().ShouldBe("date");
        _session.HasUnsavedChanges.ShouldBeTrue();
    }
}
