using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Designer.Components.Editor;
using Sozialplattform.Designer.Service;
using Sozialplattform.Designer.Workspace;

namespace Sozialplattform.Designer.Tests.Components;

/// <summary>
/// „Frühere Stände“ of the service files on the sample form <c>haushalt</c> (checklist and letters beside its 1.0.0): every
/// saved set with who saved it when, its difference to the current set, and restoring it (or the published version's
/// files) as the next set — insert only, refused like a save when someone saved in between.
/// </summary>
public sealed class ServiceFilesHistoryPanelTests : BunitContext
{
    private readonly TemporaryCatalog _catalog = new(Repository.Samples);
    private readonly FormWorkspace _workspace;
    private readonly ServiceFilesSession _files;

    public ServiceFilesHistoryPanelTests()
    {
        _workspace = new FormWorkspace(new WorkspaceOptions { CatalogDirectory = _catalog.Catalog, DraftDirectory = _catalog.Drafts });
        Services.AddSingleton(_workspace);
        _workspace.Open("haushalt", "anna");
        _files = new ServiceFilesSession(_workspace, "haushalt", "1.0.0", "anna");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _catalog.Dispose();
    }

    private const string First = "Bewilligung\nErste Fassung.\n";

    private IRenderedComponent<ServiceFilesHistoryPanel> Panel() =>
        Render<ServiceFilesHistoryPanel>(p => p.Add(x => x.Files, _files).Add(x => x.Workspace, _workspace));

    [Fact]
    public void The_saved_sets_are_listed_newest_first_with_who_saved_them_and_an_earlier_one_is_shown_against_the_current()
    {
        _files.Save("letters/neu.de.scriban", First).Saved.ShouldBeTrue();
        new ServiceFilesSession(_workspace, "haushalt", "1.0.0", "bert").Save("letters/neu.de.scriban", "Bewilligung\nZweite Fassung.\n").Saved.ShouldBeTrue();
        _files.Reload();

        var panel = Panel();

        var rows = panel.FindAll("[data-testid=service-history-set]").Select(r => r.TextContent).ToList();
        rows.Count.ShouldBe(2);
        rows[0].ShouldContain("Stand 2 (aktuell)");
        rows[0].ShouldContain("bert");
        rows[1].ShouldContain("Stand 1");
        rows[1].ShouldContain("anna");
        panel.Find("[data-testid=service-history-show]").Click();
        panel.Find("[data-testid=service-history-diff]").TextContent.ShouldContain("Bescheid „neu“ (Deutsch) geändert (1 Zeile neu, 1 entfernt)");
        panel.Find("[data-testid=line-diff]").TextContent.ShouldContain("+ Erste Fassung.");
        panel.Find("[data-testid=line-diff]").TextContent.ShouldContain("- Zweite Fassung.");
    }

    [Fact]
    public void Restoring_an_earlier_set_saves_it_as_the_next_set_and_the_earlier_sets_stay()
    {
        _files.Save("letters/neu.de.scriban", First).Saved.ShouldBeTrue();
        _files.Save("letters/neu.de.scriban", null).Saved.ShouldBeTrue();
        var panel = Panel();

        panel.Find("[data-testid=service-history-restore]").Click();

        panel.Find("[data-testid=service-history-message]").TextContent.ShouldStartWith("Stand 1 wiederhergestellt: gespeichert als Stand 3.");
        var files = new DraftServiceFiles(_workspace);
        files.Current("haushalt", "1.0.0").Files.ShouldBe(files.Saved("haushalt", 1)!.Files);
        files.Saved("haushalt", 2)!.Files.ContainsKey("letters/neu.de.scriban").ShouldBeFalse();
        _files.Current.Number.ShouldBe(3);
        panel.FindAll("[data-testid=service-history-set]").Count.ShouldBe(3, "the history lists the restored set at once");
    }

    [Fact]
    public void A_restore_after_someone_else_saved_changes_nothing_and_says_so()
    {
        _files.Save("letters/neu.de.scriban", First).Saved.ShouldBeTrue();
        _files.Save("letters/neu.de.scriban", "Bewilligung\nZweite.\n").Saved.ShouldBeTrue();
        var panel = Panel();
        new ServiceFilesSession(_workspace, "haushalt", "1.0.0", "bert").Save("letters/neu.de.scriban", "Bewilligung\nVon Bert.\n").Saved.ShouldBeTrue();

        panel.FindAll("[data-testid=service-history-restore]").First().Click();

        panel.Find("[data-testid=service-history-message]").TextContent.ShouldContain("jemand hat Checkliste oder Vorlagen dieses Formulars inzwischen gespeichert");
        new DraftServiceFiles(_workspace).Current("haushalt", "1.0.0").Files["letters/neu.de.scriban"].ShouldBe("Bewilligung\nVon Bert.\n");
    }

    [Fact]
    public void The_published_versions_files_can_be_restored_and_restoring_the_current_content_saves_nothing()
    {
        var published = _workspace.ServiceFilesOf("haushalt", "1.0.0");
        _files.Save("checklist.json", null).Saved.ShouldBeTrue();
        var panel = Panel();

        panel.Find("[data-testid=service-history-published] [data-testid=service-history-show]").Click();
        panel.Find("[data-testid=service-history-diff]").TextContent.ShouldContain("Checkliste: Punkt „Identität geprüft“ hinzugefügt");
        panel.Find("[data-testid=service-history-published] [data-testid=service-history-restore]").Click();

        panel.Find("[data-testid=service-history-message]").TextContent.ShouldStartWith("Die Dateien der Version 1.0.0 wiederhergestellt");
        new DraftServiceFiles(_workspace).Current("haushalt", "1.0.0").Files.ShouldBe(published);
        panel.Find("[data-testid=service-history-published] [data-testid=service-history-restore]").Click();
        panel.Find("[data-testid=service-history-message]").TextContent.ShouldBe("Dieser Stand entspricht dem aktuellen; nichts gespeichert.");
        _files.Current.Number.ShouldBe(2);
    }
}
