using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Designer.Components.Editor;
using Sozialplattform.Designer.Editing;
using Sozialplattform.Designer.Service;
using Sozialplattform.Designer.Workspace;

namespace Sozialplattform.Designer.Tests.Components;

/// <summary>
/// The service's panels in the editor on the sample form <c>haushalt</c> (checklist and two letters beside its 1.0.0):
/// the checklist (add, rename, reorder, remove, ids stable and never reused), the templates (rendered on the saved sample
/// answers, errors as data with file, line and column, include and endless loops refused) and the service page's texts.
/// </summary>
public sealed class ServicePanelsTests : BunitContext
{
    private readonly TemporaryCatalog _catalog = new(Repository.Samples);
    private readonly FormWorkspace _workspace;
    private readonly EditorSession _session;
    private readonly ServiceFilesSession _files;

    public ServicePanelsTests()
    {
        _workspace = new FormWorkspace(new WorkspaceOptions { CatalogDirectory = _catalog.Catalog, DraftDirectory = _catalog.Drafts });
        Services.AddSingleton(_workspace);
        JSInterop.Mode = JSRuntimeMode.Loose;
        _session = new EditorSession(_workspace, _workspace.Open("haushalt", "anna"));
        _files = new ServiceFilesSession(_workspace, "haushalt", "1.0.0", "anna");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _catalog.Dispose();
    }

    private IReadOnlyList<ChecklistEntry> Stored() =>
        ServiceChecklist.Read(new DraftServiceFiles(_workspace).Current("haushalt", "1.0.0").Files["checklist.json"]).Items;

    [Fact]
    public void The_checklist_of_the_base_version_is_shown_and_an_author_adds_renames_reorders_and_removes_items_with_stable_ids()
    {
        var panel = Render<ChecklistPanel>(p => p.Add(x => x.Files, _files));
        panel.FindAll("[data-testid=checklist-item] code").Select(c => c.TextContent).ShouldBe(["identitaet", "einkommen", "bescheid"]);

        panel.Find("#checklist-0").Change("Ausweis geprüft");
        panel.FindAll("button").First(b => b.GetAttribute("aria-label") == "Bescheid erstellt nach oben").Click();
        panel.FindAll("button").First(b => b.GetAttribute("aria-label") == "Einkommensnachweise vollständig entfernen").Click();
        panel.Find("[data-testid=checklist-new]").Change("Miete <script>alert(1)</script> geprüft");
        panel.Find("[data-testid=checklist-add]").Click();
        panel.Find("[data-testid=checklist-save]").Click();

        panel.Find("[data-testid=checklist-message]").TextContent.ShouldStartWith("Checkliste gespeichert (3 Punkte).");
        var stored = Stored();
        stored.Select(i => i.Id).ShouldBe(["identitaet", "bescheid", "miete-script-alert-1-script-geprueft"]);
        stored[0].Label.ShouldBe(new Dictionary<string, string> { ["de"] = "Ausweis geprüft", ["en"] = "Identity checked" }, "a rename keeps the id and the other languages");
        panel.Find("#checklist-2").GetAttribute("value").ShouldBe("Miete <script>alert(1)</script> geprüft", "a value, never markup");
        panel.FindAll("script").ShouldBeEmpty();
    }

    [Fact]
    public void A_new_item_never_takes_the_id_of_a_removed_one_so_it_cannot_inherit_ticks_on_existing_cases()
    {
        var panel = Render<ChecklistPanel>(p => p.Add(x => x.Files, _files));
        panel.FindAll("button").First(b => b.GetAttribute("aria-label") == "Bescheid erstellt entfernen").Click();
        panel.Find("[data-testid=checklist-new]").Change("Bescheid");
        panel.Find("[data-testid=checklist-add]").Click();
        panel.Find("[data-testid=checklist-save]").Click();

        Stored().Select(i => i.Id).ShouldBe(["identitaet", "einkommen", "bescheid-2"]);
    }

    [Fact]
    public void A_letter_is_rendered_on_the_saved_sample_answers_as_a_pdf_and_a_broken_one_shows_file_line_and_column()
    {
        var panel = Render<ServiceTemplatesPanel>(p => p.Add(x => x.Files, _files).Add(x => x.Session, _session).Add(x => x.Workspace, _workspace));
        panel.Find("[data-testid=template-choice]").Change("letters/bewilligung.de.scriban");
        panel.Find("[data-testid=template-preview]").Click();

        panel.Find("[data-testid=template-subject]").TextContent.ShouldBe($"Bescheid über Ihren Antrag {ServiceTemplatePreview.SampleReference}");
        panel.Find("[data-testid=template-body]").TextContent.ShouldContain("Yılmaz", customMessage: "the sample answers' surname");
        panel.Find("[data-testid=template-pdf]").TextContent.ShouldContain("1 Seite");

        panel.Find("[data-testid=template-text]").Input("Betreff\nZeile\n{{ for x in 1..3 }}");
        panel.Find("[data-testid=template-preview]").Click();
        var problems = panel.Find("[data-testid=template-problems]").TextContent;
        problems.ShouldContain("letters/bewilligung.de.scriban, Zeile 3, Spalte");
        panel.FindAll("[data-testid=template-rendering]").ShouldBeEmpty();
    }

    [Fact]
    public void The_status_e_mail_starts_from_the_built_in_wording_renders_as_sent_and_an_include_or_endless_loop_is_refused()
    {
        var panel = Render<ServiceTemplatesPanel>(p => p.Add(x => x.Files, _files).Add(x => x.Session, _session).Add(x => x.Workspace, _workspace));
        panel.Find("[data-testid=template-choice]").Change("templates/status-changed.de.scriban");
        panel.Find("[data-testid=template-text]").GetAttribute("value").ShouldNotBeNullOrWhiteSpace();

        panel.Find("[data-testid=template-text]").Input("Neuer Stand: {{ status }} ({{ reference_number }})\nGuten Tag, zu „{{ title }}“: {{ status_url }}\n");
        panel.Find("[data-testid=template-save]").Click();
        panel.Find("[data-testid=template-subject]").TextContent.ShouldBe($"Neuer Stand: In Bearbeitung ({ServiceTemplatePreview.SampleReference})");
        new DraftServiceFiles(_workspace).Current("haushalt", "1.0.0").Files.ShouldContainKey("templates/status-changed.de.scriban");

        panel.Find("[data-testid=template-text]").Input("Betreff\n{{ include 'secret' }}\n");
        panel.Find("[data-testid=template-preview]").Click();
        panel.Find("[data-testid=template-problems]").TextContent.ShouldContain("„include“ ist in Vorlagen nicht erlaubt");

        panel.Find("[data-testid=template-text]").Input("Betreff\n{{ while true }}x{{ end }}\n");
        panel.Find("[data-testid=template-preview]").Click();
        panel.Find("[data-testid=template-problems]").TextContent.ShouldContain("Die Schleife läuft zu oft");
    }

    [Fact]
    public void Service_page_texts_are_set_per_language_a_translation_needs_the_german_first_and_the_preview_shows_markup_as_text()
    {
        var panel = Render<ServiceTextsPanel>(p => p.Add(x => x.Session, _session).Add(x => x.OnEdit, (IEdit edit) => { _session.Apply(edit); }));

        panel.Find("[data-testid='service-text-serviceInfo.costs-en']").Change("Free of charge.");
        panel.Find("[data-testid=service-text-problem]").TextContent.ShouldStartWith("Zuerst den deutschen Text von „Kosten“ schreiben");
        ServiceTexts.Get(_session.Document.Root, "serviceInfo.costs", "en").ShouldBe("");

        panel.Find("[data-testid='service-text-serviceInfo.costs-de']").Change("Der Antrag ist kostenlos <script>alert(1)</script>.");
        panel.Find("[data-testid='service-text-serviceInfo.costs-en']").Change("The application is free of charge.");

        ServiceTexts.Get(_session.Document.Root, "serviceInfo.costs", "de").ShouldBe("Der Antrag ist kostenlos <script>alert(1)</script>.");
        ServiceTexts.Get(_session.Document.Root, "serviceInfo.costs", "en").ShouldBe("The application is free of charge.");
        panel.Find("[data-testid=service-page-preview]").InnerHtml.ShouldContain("kostenlos &lt;script&gt;alert(1)&lt;/script&gt;.");
        panel.FindAll("script").ShouldBeEmpty();
        _session.Document.History.Undo();
        ServiceTexts.Get(_session.Document.Root, "serviceInfo.costs", "en").ShouldBe("");
    }
}
