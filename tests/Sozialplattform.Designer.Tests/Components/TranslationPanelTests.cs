using System.Text;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Sozialplattform.Catalog.Translations;
using Sozialplattform.Designer.Components.Editor;
using Sozialplattform.Designer.Editing;
using Sozialplattform.Designer.Workspace;

namespace Sozialplattform.Designer.Tests.Components;

/// <summary>The editor's translations panel: completeness, German beside a language, the translators' file out and back in.</summary>
public sealed class TranslationPanelTests : BunitContext
{
    private readonly TemporaryCatalog _catalog = new();
    private readonly EditorSession _session;

    public TranslationPanelTests()
    {
        var workspace = new FormWorkspace(new WorkspaceOptions { CatalogDirectory = _catalog.Catalog, DraftDirectory = _catalog.Drafts });
        _session = new EditorSession(workspace, workspace.Open("einstiegsgeld", "anna"));
        _session.Apply(new SetText(Sozialplattform.Designer.Documents.DocumentPath.Root, "title", "ar", ""));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _catalog.Dispose();
    }

    private IRenderedComponent<TranslationPanel> RenderPanel() =>
        Render<TranslationPanel>(p => p.Add(x => x.Session, _session).Add(x => x.FormId, "einstiegsgeld").Add(x => x.OnEdit, (IEdit edit) => { _session.Apply(edit); }));

    [Fact]
    public void The_panel_shows_each_languages_completeness_and_german_beside_the_chosen_language_with_the_missing_text_marked()
    {
        var panel = RenderPanel();

        var arabic = panel.FindAll(".completeness tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "Arabisch");
        arabic.QuerySelectorAll("td")[1].TextContent.ShouldBe("1");
        arabic.QuerySelector("button")!.Click();

        var rows = panel.FindAll("[data-testid=side-by-side] tbody tr");
        rows.Count.ShouldBe(FormTexts.Units(_session.Document.Root, "ar").Count);
        var title = rows.Single(r => r.ClassList.Contains("missing"));
        title.QuerySelector("td[lang=de]")!.TextContent.ShouldBe(_session.Document.Root["title"]!["de"]!.GetValue<string>());
        title.QuerySelector("textarea")!.GetAttribute("dir").ShouldBe("rtl");
    }

    [Fact]
    public void A_text_typed_into_the_table_is_set_in_the_draft_as_an_undoable_edit()
    {
        var panel = RenderPanel();
        panel.FindAll(".completeness button").Single(b => b.TextContent == "Arabisch ansehen").Click();

        panel.Find("[data-testid=side-by-side] tr.missing textarea").Change("طلب مال البداية");

        _session.Document.Root["title"]!["ar"]!.GetValue<string>().ShouldBe("طلب مال البداية");
        _session.Document.History.CanUndo.ShouldBeTrue();
        panel.FindAll("[data-testid=side-by-side] tr.missing").ShouldBeEmpty();
    }

    [Fact]
    public void The_download_hands_the_browser_an_xliff_file_named_after_form_and_language()
    {
        var download = JSInterop.SetupVoid("sozialDesigner.download", _ => true);
        var panel = RenderPanel();
        panel.FindAll(".completeness button").Single(b => b.TextContent == "Arabisch ansehen").Click();

        panel.FindAll(".translation-files button").First(b => b.TextContent.Contains("XLIFF", StringComparison.Ordinal)).Click();

        var call = download.Invocations.Single();
        call.Arguments[0].ShouldBe("einstiegsgeld.ar.xlf");
        var file = TranslationFile.Parse(Convert.FromBase64String((string)call.Arguments[2]!), "x.xlf");
        file.Language.ShouldBe("ar");
        file.Entries.Single(e => e.Id == "title").Target.ShouldBeEmpty();
    }

    [Fact]
    public void An_uploaded_translation_is_imported_with_its_report_and_a_file_of_another_language_or_broken_is_refused_by_name()
    {
        var panel = RenderPanel();
        panel.FindAll(".completeness button").Single(b => b.TextContent == "Arabisch ansehen").Click();
        var exported = Designer.Translations.DraftTranslations.Export(_session.Document.Root, "einstiegsgeld", "ar");
        var translated = exported with { Entries = [.. exported.Entries.Select(e => e.Id == "title" ? e with { Target = "طلب" } : e)] };

        panel.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(translated.ToBytes(TranslationFormat.Csv), "ar.csv"));

        panel.Find("[data-testid=translation-report]").TextContent.ShouldContain("Texte übernommen (Arabisch); 0 fehlen noch");
        _session.Document.Root["title"]!["ar"]!.GetValue<string>().ShouldBe("طلب");

        panel.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary((exported with { Language = "uk" }).ToBytes(TranslationFormat.Xliff), "uk.xlf"));
        panel.Find(".translations [role=alert]").TextContent.ShouldContain("übersetzt ins Ukrainisch");

        panel.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(Encoding.UTF8.GetBytes("<xliff"), "kaputt.xlf"));
        panel.Find(".translations [role=alert]").TextContent.ShouldContain("kaputt.xlf");
    }
}
