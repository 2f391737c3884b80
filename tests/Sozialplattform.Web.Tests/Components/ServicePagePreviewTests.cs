using System.Text;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Designer.Components.Editor;
using Sozialplattform.Designer.Editing;
using Sozialplattform.Designer.Hosting;
using Sozialplattform.Designer.Workspace;
using Sozialplattform.Web.Components.DesignerPreview;
using Sozialplattform.Web.Localization;

namespace Sozialplattform.Web.Tests.Components;

/// <summary>
/// The designer's „Vorschau der Leistungsseite“ with the platform host's portal component (CitizenServicePage →
/// ServiceInformationView, as Service.razor shows it): the draft's unsaved texts, per language, Arabic right to left,
/// markup in a text shown as text.
/// </summary>
public sealed class ServicePagePreviewTests : BunitContext
{
    private const string Form = """
        {"id": "leistung-vorschau", "version": "0.1.0", "status": "draft", "languages": ["de", "en", "ar"],
         "title": {"de": "Wohngeld <b>fett</b>", "ar": "إعانة السكن"},
         "description": {"de": "Zuschuss zur Miete.\n\n**Wichtig:** früh stellen.", "en": "A rent subsidy."},
         "requiredDocuments": [{"de": "Mietvertrag"}],
         "serviceInfo": {"costs": {"de": "Kostenlos <script>alert(1)</script>.", "ar": "مجاني"}},
         "pages": [{"id": "start", "title": "Start", "items": [{"key": "name", "type": "text", "label": "Name"}]}]}
        """;

    private readonly string _root = Directory.CreateTempSubdirectory("service-page-preview-").FullName;
    private readonly EditorSession _session;

    public ServicePagePreviewTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "catalog", "forms"));
        var workspace = new FormWorkspace(new WorkspaceOptions { CatalogDirectory = Path.Combine(_root, "catalog"), DraftDirectory = Path.Combine(_root, "drafts") });
        var texts = new ChromeTexts();
        // scoped as in the host: the preview renders in a scope of its own whose PortalRequest speaks the previewed language
        Services.AddScoped(_ => new PortalRequest(texts));
        Services.AddSingleton(new CitizenPreview(typeof(CitizenPreviewField), "/css/portal-scoped.css", typeof(CitizenServicePage)));
        Services.AddSingleton(workspace);
        JSInterop.Mode = JSRuntimeMode.Loose;
        _session = new EditorSession(workspace, workspace.Create("leistung-vorschau", Encoding.UTF8.GetBytes(Form), "anna"));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Directory.Delete(_root, recursive: true);
    }

    private IRenderedComponent<ServiceTextsPanel> Panel() =>
        Render<ServiceTextsPanel>(p => p.Add(x => x.Session, _session).Add(x => x.OnEdit, (IEdit edit) => { _session.Apply(edit); }));

    [Fact]
    public void The_German_page_is_the_portals_with_markdown_formatted_and_markup_in_a_text_shown_as_text()
    {
        var panel = Panel();

        var page = panel.WaitForElement("[data-testid=citizen-service-page]");
        page.GetAttribute("dir").ShouldBe("ltr");
        page.QuerySelector("h1")!.TextContent.ShouldBe("Wohngeld <b>fett</b>");
        page.QuerySelector("strong")!.TextContent.ShouldBe("Wichtig:", "the portal's Markdown, not plain text");
        page.QuerySelectorAll("h2").Select(h => h.TextContent).ShouldBe(["Diese Unterlagen brauchen Sie", "Kosten"]);
        page.InnerHtml.ShouldContain("Kostenlos &lt;script&gt;alert(1)&lt;/script&gt;.");
        page.QuerySelectorAll("script, b").ShouldBeEmpty();
    }

    [Fact]
    public void The_Arabic_page_is_right_to_left_with_the_portals_Arabic_headings_and_German_marked_where_a_text_has_no_translation()
    {
        var panel = Panel();
        panel.FindAll("[data-testid=service-page-preview] button").Single(b => b.TextContent == "Arabisch").Click();

        var page = panel.WaitForElement("[data-testid=citizen-service-page][lang=ar]");
        page.GetAttribute("dir").ShouldBe("rtl");
        page.QuerySelector("h1")!.TextContent.ShouldBe("إعانة السكن");
        page.QuerySelectorAll("h2").Select(h => h.TextContent).ShouldContain("التكاليف");
        page.QuerySelector("li span[lang=de]")!.TextContent.ShouldBe("Mietvertrag", "a text without Arabic is German, marked as such");
    }

    [Fact]
    public void A_text_typed_into_the_panel_shows_in_the_portals_page_before_it_is_saved()
    {
        var panel = Panel();

        panel.Find("[data-testid='service-text-serviceInfo.deadlines-de']").Change("Bis zum <i>31.12.</i> stellen.");

        panel.WaitForAssertion(() => panel.Find("[data-testid=citizen-service-page]").QuerySelectorAll("h2").Select(h => h.TextContent).ShouldContain("Fristen"));
        panel.Find("[data-testid=citizen-service-page]").InnerHtml.ShouldContain("Bis zum &lt;i&gt;31.12.&lt;/i&gt; stellen.");
    }
}
