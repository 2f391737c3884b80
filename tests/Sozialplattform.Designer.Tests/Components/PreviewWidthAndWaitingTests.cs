using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Designer.Accounts;
using Sozialplattform.Designer.Components.Pages;
using Sozialplattform.Designer.Review;
using Sozialplattform.Designer.Workspace;

namespace Sozialplattform.Designer.Tests.Components;

/// <summary>
/// The editor's preview switches between a phone's width and a desktop page; the texts of the property panel wrap
/// instead of cutting long texts off; the start page lists the proposals that wait for Redaktion.
/// </summary>
public sealed class PreviewWidthAndWaitingTests : BunitContext
{
    private readonly TemporaryCatalog _catalog = new();
    private readonly FormWorkspace _workspace;
    private readonly FormReview _review;
    private readonly AuthorAccounts _accounts;

    public PreviewWidthAndWaitingTests()
    {
        _workspace = new FormWorkspace(new WorkspaceOptions { CatalogDirectory = _catalog.Catalog, DraftDirectory = _catalog.Drafts });
        Services.AddSingleton(_workspace);
        Services.AddSingleton(new ServiceRouting(Path.Combine(_catalog.Catalog, "tenants")));
        _accounts = new AuthorAccounts(Path.Combine(_catalog.Drafts, "authors.json"));
        _review = new FormReview(_workspace, new FileReviewStore(Path.Combine(_catalog.Drafts, "proposals.json")), _accounts);
        Services.AddSingleton(_review);
        AddAuthorization().SetAuthorized("anna");
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _catalog.Dispose();
    }

    [Fact]
    public void The_preview_shows_the_citizens_page_at_desktop_width_and_at_a_phones_375_pixels()
    {
        var editor = Render<FormEditor>(p => p.Add(x => x.Id, "einstiegsgeld"));
        editor.WaitForAssertion(() => editor.Find("[data-testid=citizen-view]").ClassList.ShouldContain("width-desktop"), TimeSpan.FromMinutes(2));

        editor.Find("[data-testid=preview-width]").Change("phone");

        editor.WaitForAssertion(() => editor.Find("[data-testid=citizen-view]").ClassList.ShouldContain("width-phone"), TimeSpan.FromMinutes(2));
        editor.Find("[data-testid=citizen-view]").ClassList.ShouldNotContain("width-desktop");
        File.ReadAllText(Path.Combine(Repository.Root, "designer", "Sozialplattform.Designer", "wwwroot", "designer.css"))
            .ShouldContain(".citizen-view.width-phone { width: 375px;");
    }

    [Fact]
    public void A_text_of_the_property_panel_wraps_instead_of_cutting_off_and_a_typed_line_break_becomes_a_space()
    {
        var editor = Render<FormEditor>(p => p.Add(x => x.Id, "einstiegsgeld"));
        var title = editor.WaitForElement("[data-testid=text-title-de]", TimeSpan.FromMinutes(2));
        title.TagName.ShouldBe("TEXTAREA");
        title.ClassList.ShouldContain("one-line");

        editor.WaitForAssertion(() =>
        {
            editor.Find("[data-testid=text-title-de]").Change("Antrag auf\nEinstiegsgeld");
            editor.Find("[data-testid=save-state]").TextContent.ShouldStartWith("Ungespeicherte Änderungen");
        }, TimeSpan.FromMinutes(2));
        editor.Find("[data-testid=save]").Click();
        System.Text.Encoding.UTF8.GetString(_workspace.Current("einstiegsgeld")!.Content).ShouldContain("\"Antrag auf Einstiegsgeld\"");
    }

    [Fact]
    public void The_start_page_lists_what_waits_for_review_with_a_link_and_nothing_when_nothing_waits()
    {
        _accounts.Create("autor", "Autor", "ein-langes-Passwort-2026", AuthorRole.Author);
        var list = Render<FormList>();
        list.FindAll("[data-testid=waiting-proposals]").ShouldBeEmpty();

        var draft = _workspace.Open("einstiegsgeld", "autor");
        _review.Propose("einstiegsgeld", draft.ETag, "1.0.3", "autor").Done.ShouldBeTrue();
        list = Render<FormList>();

        var waiting = list.Find("[data-testid=waiting-proposals]");
        waiting.TextContent.ShouldContain("wartet auf Prüfung, vorgeschlagen von autor");
        waiting.QuerySelector("a")!.GetAttribute("href").ShouldBe("/designer/forms/einstiegsgeld/review");
    }
}
