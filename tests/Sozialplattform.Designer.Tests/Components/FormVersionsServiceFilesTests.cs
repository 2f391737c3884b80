using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Designer.Components.Pages;
using Sozialplattform.Designer.Service;
using Sozialplattform.Designer.Versions;
using Sozialplattform.Designer.Workspace;

namespace Sozialplattform.Designer.Tests.Components;

/// <summary>„Versionen und Unterschiede“ shows the service files' changes between two versions and between a version and the draft.</summary>
public sealed class FormVersionsServiceFilesTests : BunitContext
{
    private readonly TemporaryCatalog _catalog = new(Repository.Samples);
    private readonly FormWorkspace _workspace;

    public FormVersionsServiceFilesTests()
    {
        _workspace = new FormWorkspace(new WorkspaceOptions { CatalogDirectory = _catalog.Catalog, DraftDirectory = _catalog.Drafts });
        Services.AddSingleton(_workspace);
        Services.AddSingleton<IVersionUsage>(new NoUse());
        AddAuthorization().SetAuthorized("anna");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _catalog.Dispose();
    }

    private sealed class NoUse : IVersionUsage
    {
        public Task<IReadOnlyList<VersionUse>> ForFormAsync(string formId, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<VersionUse>>([]);
    }

    private static string WithoutIncome(string checklist) =>
        ServiceChecklist.Write([.. ServiceChecklist.Read(checklist).Items.Where(i => i.Id != "einkommen")]);

    [Fact]
    public void A_removed_checklist_item_shows_between_two_versions_and_a_changed_letter_between_the_version_and_the_draft()
    {
        var draft = _workspace.Open("haushalt", "anna");
        var files = new ServiceFilesSession(_workspace, "haushalt", "1.0.0", "anna");
        files.Save("checklist.json", WithoutIncome(files.Current.Files["checklist.json"])).Saved.ShouldBeTrue();
        _workspace.Publish("haushalt", draft.ETag, "1.0.1", "anna").ShouldBeOfType<SaveResult.Published>();
        var next = new ServiceFilesSession(_workspace, "haushalt", "1.0.1", "anna");
        next.Save("letters/bewilligung.de.scriban", next.Current.Files["letters/bewilligung.de.scriban"] + "Neue letzte Zeile.\n").Saved.ShouldBeTrue();

        var page = Render<FormVersions>(p => p.Add(x => x.Id, "haushalt"));

        page.Find("[data-testid=service-diff]").TextContent.ShouldContain("Bescheid „bewilligung“ (Deutsch) geändert (1 Zeile neu, 0 entfernt)");
        page.Find("[data-testid=line-diff]").TextContent.ShouldContain("+ Neue letzte Zeile.");
        page.Find("#diff-from").Change("1.0.0");
        page.Find("#diff-to").Change("1.0.1");
        page.Find("[data-testid=service-diff]").TextContent.ShouldContain("Checkliste: Punkt „Einkommensnachweise vollständig“ entfernt");
        page.Find("[data-testid=service-diff]").TextContent.ShouldNotContain("bewilligung");
    }
}
