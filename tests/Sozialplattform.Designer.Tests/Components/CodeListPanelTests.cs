using System.Text;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Designer.Components.Editor;
using Sozialplattform.Designer.Documents;
using Sozialplattform.Designer.Editing;
using Sozialplattform.Designer.Workspace;

namespace Sozialplattform.Designer.Tests.Components;

/// <summary>The editor's code-list panel: import a CSV, see it, attach it to the selected choice field; a bad file is refused by file and line.</summary>
public sealed class CodeListPanelTests : BunitContext
{
    private readonly TemporaryCatalog _catalog = new();
    private readonly EditorSession _session;

    public CodeListPanelTests()
    {
        var workspace = new FormWorkspace(new WorkspaceOptions { CatalogDirectory = _catalog.Catalog, DraftDirectory = _catalog.Drafts });
        Services.AddSingleton(workspace);
        _session = new EditorSession(workspace, workspace.Open("buergergeld", "anna"));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _catalog.Dispose();
    }

    private IRenderedComponent<CodeListPanel> RenderPanel() =>
        Render<CodeListPanel>(p => p.Add(x => x.Session, _session).Add(x => x.Author, "anna").Add(x => x.OnEdit, (IEdit edit) => { _session.Apply(edit); }));

    private DocumentPath FirstChoiceField()
    {
        var pages = _session.Document.Root["pages"]!.AsArray();
        for (var p = 0; p < pages.Count; p++)
        {
            var items = pages[p]!["items"]!.AsArray();
            for (var i = 0; i < items.Count; i++)
                if (items[i]!["type"]?.ToString() == "choice") return DocumentPath.Root.Property("pages").Index(p).Property("items").Index(i);
        }

        throw new InvalidOperationException("no choice field on a page");
    }

    [Fact]
    public void An_uploaded_csv_is_listed_shown_with_its_codes_and_attached_to_the_selected_choice_field()
    {
        _session.Selected = FirstChoiceField();
        var panel = RenderPanel();
        panel.Find("#codelist-id").Change("wohnung-neu");
        panel.Find("#codelist-version").GetAttribute("value").ShouldBe("1.0.0");

        panel.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(Encoding.UTF8.GetBytes("code;label\nmiete;Miete\nx;<script>alert(1)</script>\n"), "wohnung.csv"));

        panel.Find("[data-testid=codelist-message]").TextContent.ShouldBe("Codeliste wohnung-neu@1.0.0 angelegt.");
        panel.Find("[data-testid=codelist-table]").TextContent.ShouldContain("wohnung-neu@1.0.0");
        panel.Find("[data-testid=codelist-items]").InnerHtml.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
        panel.FindAll("[data-testid=codelist-items] script").ShouldBeEmpty();

        panel.FindAll("button").Single(b => b.TextContent == "wohnung-neu@1.0.0 dem Feld zuordnen").Click();

        _session.Selected.Find(_session.Document.Root)!["codeList"]!.GetValue<string>().ShouldBe("wohnung-neu@1.0.0");
        _session.Document.History.CanUndo.ShouldBeTrue();
    }

    [Fact]
    public void A_bad_file_is_refused_with_file_line_and_problem_and_nothing_is_listed()
    {
        var panel = RenderPanel();
        var before = panel.FindAll("[data-testid=codelist-table] tbody tr").Count;
        panel.Find("#codelist-id").Change("kaputt");

        panel.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(Encoding.UTF8.GetBytes("code;label\na;A\na;B\n"), "kaputt.csv"));

        panel.Find("[data-testid=codelist-problems]").TextContent.ShouldContain("kaputt.csv, Zeile 3: Der Code „a“ kommt doppelt vor (zuerst in Zeile 2).");
        panel.FindAll("[data-testid=codelist-table] tbody tr").Count.ShouldBe(before);
    }

    [Fact]
    public void Without_a_selected_choice_field_nothing_can_be_attached()
    {
        _session.Selected = DocumentPath.Root;

        var panel = RenderPanel();

        panel.FindAll("button").Where(b => b.TextContent.EndsWith("dem Feld zuordnen", StringComparison.Ordinal)).ShouldAllBe(b => b.HasAttribute("disabled"));
    }
}
