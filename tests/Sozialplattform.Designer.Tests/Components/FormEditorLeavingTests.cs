using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Designer.Components.Pages;
using Sozialplattform.Designer.Workspace;

namespace Sozialplattform.Designer.Tests.Components;

/// <summary>
/// Unsaved edits were lost without warning when the author opened "Versionen und Unterschiede" or left the page. Now
/// going to another designer page saves first (or stays, with the conflict), and leaving the designer asks.
/// </summary>
public sealed class FormEditorLeavingTests : BunitContext
{
    private readonly TemporaryCatalog _catalog = new();
    private readonly FormWorkspace _workspace;

    public FormEditorLeavingTests()
    {
        _workspace = new FormWorkspace(new WorkspaceOptions { CatalogDirectory = _catalog.Catalog, DraftDirectory = _catalog.Drafts });
        Services.AddSingleton(_workspace);
        Services.AddSingleton(new ServiceRouting(Path.Combine(_catalog.Catalog, "tenants")));
        var accounts = new Sozialplattform.Designer.Accounts.AuthorAccounts(Path.Combine(_catalog.Drafts, "authors.json"));
        Services.AddSingleton(new Sozialplattform.Designer.Review.FormReview(_workspace, new Sozialplattform.Designer.Review.FileReviewStore(Path.Combine(_catalog.Drafts, "proposals.json")), accounts));
        AddAuthorization().SetAuthorized("anna");
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _catalog.Dispose();
    }

    private IRenderedComponent<FormEditor> Editor() => Render<FormEditor>(p => p.Add(x => x.Id, "einstiegsgeld"));

    /// <summary>
    /// Types the title once the editor stands: the first lint and preview run off the circuit's thread and re-render the
    /// editor when they finish, so the change is made (again, the same text) until the editor shows it as unsaved.
    /// </summary>
    private static void ChangeTheTitle(IRenderedComponent<FormEditor> editor, string title) =>
        editor.WaitForAssertion(() =>
        {
            editor.Find("[data-testid=text-title-de]").Change(title);
            editor.Find("[data-testid=save-state]").TextContent.ShouldStartWith("Ungespeicherte Änderungen");
        }, TimeSpan.FromMinutes(2));

    [Fact]
    public void Opening_the_versions_page_with_unsaved_edits_saves_them_first()
    {
        var editor = Editor();
        ChangeTheTitle(editor, "Antrag auf Einstiegsgeld (neu)");
        editor.Find("[data-testid=save-state]").TextContent.ShouldBe("Ungespeicherte Änderungen");

        Services.GetRequiredService<NavigationManager>().NavigateTo("/designer/forms/einstiegsgeld/versions");

        System.Text.Encoding.UTF8.GetString(_workspace.Current("einstiegsgeld")!.Content).ShouldContain("Antrag auf Einstiegsgeld (neu)");
        Services.GetRequiredService<NavigationManager>().Uri.ShouldEndWith("/designer/forms/einstiegsgeld/versions");
    }

    [Fact]
    public void When_someone_else_saved_in_between_the_author_stays_with_the_conflict_and_keeps_the_edits()
    {
        var editor = Editor();
        ChangeTheTitle(editor, "Antrag auf Einstiegsgeld (Annas Fassung)");
        var other = _workspace.Current("einstiegsgeld")!;
        var berts = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(other.Content).Replace("Antrag auf Einstiegsgeld", "Berts Antrag auf Einstiegsgeld"));
        _workspace.Save("einstiegsgeld", berts, other.ETag, "bert").ShouldBeOfType<SaveResult.Saved>();
        var navigation = Services.GetRequiredService<NavigationManager>();
        var before = navigation.Uri;

        navigation.NavigateTo("/designer/forms/einstiegsgeld/versions");

        navigation.Uri.ShouldBe(before);
        editor.Find("[data-testid=save-state]").TextContent.ShouldStartWith("Nicht gespeichert: Konflikt");
        editor.Find("[data-testid=conflict]").ShouldNotBeNull();
    }

    [Fact]
    public void Leaving_the_designer_with_unsaved_edits_asks_and_without_them_does_not()
    {
        var editor = Editor();
        editor.FindComponent<Microsoft.AspNetCore.Components.Routing.NavigationLock>().Instance.ConfirmExternalNavigation.ShouldBeFalse();

        ChangeTheTitle(editor, "Neu");

        editor.FindComponent<Microsoft.AspNetCore.Components.Routing.NavigationLock>().Instance.ConfirmExternalNavigation.ShouldBeTrue();
    }

    [Fact]
    public void A_saved_checklist_alone_is_weighed_by_the_publish_panel_at_once_without_reopening_the_form()
    {
        var editor = Editor();
        editor.WaitForAssertion(() => editor.Find("[data-testid=publish-unchanged]"), TimeSpan.FromMinutes(2));

        editor.Find("[data-testid=checklist-new]").Change("Mietvertrag liegt vor");
        editor.Find("[data-testid=checklist-add]").Click();
        editor.Find("[data-testid=checklist-save]").Click();

        editor.WaitForAssertion(() =>
        {
            editor.FindAll("[data-testid=publish-unchanged]").ShouldBeEmpty();
            editor.Find("[data-testid=publish]").TextContent.ShouldContain("Vorschlag: 1.0.3");
        }, TimeSpan.FromMinutes(2));
    }
}
