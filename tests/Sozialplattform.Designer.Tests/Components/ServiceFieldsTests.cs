using Bunit;
using Sozialplattform.Designer.Components.Editor;
using Sozialplattform.Designer.Editing;
using Sozialplattform.Designer.Lint;
using Sozialplattform.Designer.Workspace;

namespace Sozialplattform.Designer.Tests.Components;

/// <summary>
/// A new form's lint asked for keywords, a legal basis and a LeiKa key that could not be entered in the designer. The
/// form's "Leistung" fields set them; wrong keys and links are said and change nothing.
/// </summary>
public sealed class ServiceFieldsTests : BunitContext
{
    private readonly TemporaryCatalog _catalog = new();
    private readonly FormWorkspace _workspace;
    private readonly EditorSession _session;

    public ServiceFieldsTests()
    {
        _workspace = new FormWorkspace(new WorkspaceOptions { CatalogDirectory = _catalog.Catalog, DraftDirectory = _catalog.Drafts });
        _session = new EditorSession(_workspace, _workspace.Create("neue-leistung", NewForms.Blank("neue-leistung", "Neue Leistung"), "anna"));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _catalog.Dispose();
    }

    private IRenderedComponent<ServiceFields> Fields() =>
        Render<ServiceFields>(p => p.Add(x => x.Form, _session.Document.Root).Add(x => x.OnEdit, (IEdit edit) => { _session.Apply(edit); }));

    private IReadOnlyList<string> Lint() =>
        DefinitionLint.Run(_session.Document, _workspace.CatalogDirectory).Select(l => l.Message).ToList();

    [Fact]
    public void Keywords_legal_basis_and_the_leika_key_entered_here_satisfy_the_lint_of_a_new_form()
    {
        Lint().ShouldContain(m => m.StartsWith("keywords:", StringComparison.Ordinal));
        var fields = Fields();

        fields.Find("#keywords").Change("Neue Leistung\n  Zuschuss \n\nNeue Leistung");
        fields.Find("#leika").Change("99123456789000");
        fields.Find("#ozg").Change("10000");
        fields.FindAll("button").Single(b => b.TextContent == "Rechtsgrundlage hinzufügen").Click();
        fields.Find("input[aria-label='Fundstelle 1']").Change("§ 16b SGB II");
        fields.Find("input[aria-label='Link der Fundstelle 1']").Change("https://www.gesetze-im-internet.de/sgb_2/__16b.html");

        var form = _session.Document.Root;
        form["keywords"]!.AsArray().Select(k => k!.GetValue<string>()).ShouldBe(["Neue Leistung", "Zuschuss"]);
        form["service"]!.ToJsonString().ShouldBe("""{"leikaKeys":["99123456789000"],"ozgId":"10000"}""");
        var legal = form["legalBasis"]!.AsArray().Single()!;
        (legal["text"]!.GetValue<string>(), legal["link"]!.GetValue<string>()).ShouldBe(("§ 16b SGB II", "https://www.gesetze-im-internet.de/sgb_2/__16b.html"));
        _session.Document.ToText().ShouldContain("§ 16b SGB II"); // the draft's text keeps the paragraph sign readable
        Lint().ShouldNotContain(m => m.StartsWith("keywords:", StringComparison.Ordinal) || m.StartsWith("legalBasis:", StringComparison.Ordinal) || m.StartsWith("service", StringComparison.Ordinal));
    }

    [Fact]
    public void A_wrong_leika_key_or_link_is_said_and_changes_nothing()
    {
        var fields = Fields();
        var before = _session.Document.ToText();

        fields.Find("#leika").Change("99123\n12345678901234");
        fields.Find("#leika-error").TextContent.ShouldBe("Kein LeiKa-Schlüssel: 99123, 12345678901234 — ein Schlüssel hat 14 Ziffern und beginnt mit 99. Nichts geändert.");
        fields.FindAll("button").Single(b => b.TextContent == "Rechtsgrundlage hinzufügen").Click();
        var added = _session.Document.ToText();
        fields.Find("input[aria-label='Link der Fundstelle 1']").Change("javascript:alert(1)");

        fields.Find("#legal-error").TextContent.ShouldBe("„javascript:alert(1)“ ist kein Link (https://…). Nichts geändert.");
        _session.Document.ToText().ShouldBe(added);
        added.ShouldNotBe(before);
    }

    [Fact]
    public void Emptying_a_list_removes_it_and_deleting_the_last_legal_basis_removes_the_property()
    {
        var fields = Fields();
        fields.Find("#keywords").Change("A");
        fields.FindAll("button").Single(b => b.TextContent == "Rechtsgrundlage hinzufügen").Click();

        fields.Find("#keywords").Change("  \n ");
        fields.FindAll("button").Single(b => b.TextContent == "Löschen").Click();

        _session.Document.Root.ContainsKey("keywords").ShouldBeFalse();
        _session.Document.Root.ContainsKey("legalBasis").ShouldBeFalse();
    }
}
