using AngleSharp.Dom;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Designer.Components.Editor;
using Sozialplattform.Designer.Editing;
using Sozialplattform.Designer.Service;
using Sozialplattform.Designer.Workspace;

namespace Sozialplattform.Designer.Tests.Components;

/// <summary>
/// The four templates every service has built in — confirmation e-mail, e-mail to the authority, receipt and cover
/// letter — edited per service in the templates panel on the sample form <c>haushalt</c>: they start from the built-in
/// text, render on the saved sample answers as sent (e-mails as subject and body, escaped; PDFs also as page images),
/// "Standard wiederherstellen" drops the service's own, hostile templates are refused, and a failing one stops a publish.
/// </summary>
public sealed class ServiceTemplatesPanelTests : BunitContext
{
    private readonly TemporaryCatalog _catalog = new(Repository.Samples);
    private readonly FormWorkspace _workspace;
    private readonly EditorSession _session;
    private readonly ServiceFilesSession _files;

    public ServiceTemplatesPanelTests()
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

    private IRenderedComponent<ServiceTemplatesPanel> Panel() =>
        Render<ServiceTemplatesPanel>(p => p.Add(x => x.Files, _files).Add(x => x.Session, _session).Add(x => x.Workspace, _workspace));

    [Fact]
    public void The_receipt_starts_from_the_built_in_text_and_is_shown_as_an_image_of_its_page_beside_the_pdf_download()
    {
        var panel = Panel();
        panel.FindAll("[data-testid=template-choice] option").Select(o => o.GetAttribute("value")).ShouldContain("templates/receipt.de.scriban");
        panel.Find("[data-testid=template-choice]").Change("templates/receipt.de.scriban");
        panel.Find("[data-testid=template-text]").GetAttribute("value")!.ShouldStartWith("Eingangsbestätigung");

        panel.Find("[data-testid=template-text]").Input("Ihre Eingangsbestätigung\nEingegangen: {{ title }} am {{ submitted_on }}, Nummer {{ reference_number }}.\n");
        panel.Find("[data-testid=template-save]").Click();

        panel.Find("[data-testid=template-subject]").TextContent.ShouldBe("Ihre Eingangsbestätigung");
        panel.Find("[data-testid=template-pdf]").TextContent.ShouldContain("Eingangsbestätigung als PDF: 1 Seite");
        panel.Find("[data-testid=template-pdf-download]").ShouldNotBeNull();
        var image = panel.Find("[data-testid=template-page-image]");
        image.GetAttribute("src")!.ShouldStartWith("data:image/png;base64,iVBORw0KGgo");
        image.GetAttribute("alt").ShouldBe("Eingangsbestätigung, Seite 1 von 1 (Vorschau des PDFs)");
        new DraftServiceFiles(_workspace).Current("haushalt", "1.0.0").Files["templates/receipt.de.scriban"].ShouldStartWith("Ihre Eingangsbestätigung");
    }

    [Fact]
    public void The_confirmation_e_mail_renders_as_sent_with_markup_shown_as_text_and_standard_wiederherstellen_drops_the_services_own()
    {
        var panel = Panel();
        panel.Find("[data-testid=template-choice]").Change("templates/email-confirmation.de.scriban");
        panel.Find("[data-testid=template-text]").GetAttribute("value")!.ShouldStartWith("Ihr Antrag „{{ title }}“ ist eingegangen");

        panel.Find("[data-testid=template-text]").Input("Danke für <b>{{ reference_number }}</b>\n<script>alert(1)</script> {{ status_url }}\n");
        panel.Find("[data-testid=template-save]").Click();

        panel.Find("[data-testid=template-subject]").TextContent.ShouldBe($"Danke für <b>{ServiceTemplatePreview.SampleReference}</b>");
        panel.Find("[data-testid=template-body]").TextContent.ShouldContain("<script>alert(1)</script> https://portal.example/de/status");
        panel.FindAll("[data-testid=template-rendering] script, [data-testid=template-rendering] b").ShouldBeEmpty("the rendering is text, never markup");
        panel.FindAll("[data-testid=template-page-image]").ShouldBeEmpty("an e-mail has no pages");

        panel.Find("[data-testid=template-remove]").TextContent.ShouldBe("Standard wiederherstellen");
        panel.Find("[data-testid=template-remove]").Click();
        new DraftServiceFiles(_workspace).Current("haushalt", "1.0.0").Files.ShouldNotContainKey("templates/email-confirmation.de.scriban");
    }

    [Fact]
    public void The_e_mail_to_the_authority_is_offered_in_german_only_and_sees_the_answers_and_no_cover_letter_that_no_channel_sends_is_offered()
    {
        var panel = Panel();
        var choices = panel.FindAll("[data-testid=template-choice] option").Select(o => o.GetAttribute("value")!).ToList();
        choices.ShouldContain("templates/email-authority.de.scriban");
        choices.ShouldNotContain("templates/email-authority.en.scriban");
        choices.ShouldNotContain(c => c.Contains("cover-letter"));

        panel.Find("[data-testid=template-choice]").Change("templates/email-authority.de.scriban");
        panel.Find("[data-testid=template-preview]").Click();
        panel.Find("[data-testid=template-body]").TextContent.ShouldContain("Yılmaz", customMessage: "the sample answers' surname");
    }

    [Theory]
    [InlineData("templates/receipt.de.scriban", "Betreff\n{{ include 'receipt' }}\n", "„include“ ist in Vorlagen nicht erlaubt")]
    [InlineData("templates/email-confirmation.de.scriban", "Betreff\n{{ while true }}x{{ end }}\n", "Die Schleife läuft zu oft")]
    [InlineData("templates/receipt.en.scriban", "Betreff\n{{ for i in 1..5000 }}{{ 'x' | string.pad_left 1000 }}{{ end }}\n", "templates/receipt.en.scriban")]
    public void A_hostile_template_is_refused_with_its_file_and_no_rendering(string path, string text, string expected)
    {
        var panel = Panel();
        panel.Find("[data-testid=template-choice]").Change(path);
        panel.Find("[data-testid=template-text]").Input(text);
        panel.Find("[data-testid=template-preview]").Click();

        panel.Find("[data-testid=template-problems]").TextContent.ShouldContain(expected);
        panel.FindAll("[data-testid=template-rendering]").ShouldBeEmpty();
    }

    [Fact]
    public void A_failing_receipt_of_the_service_stops_the_publish_with_its_file_line_and_column()
    {
        _files.Save("templates/receipt.de.scriban", "Eingang\n{{ gibt_es_nicht.feld }}\n").Saved.ShouldBeTrue();

        var refused = _workspace.Publish("haushalt", _workspace.Open("haushalt", "anna").ETag, "1.0.1", "anna").ShouldBeOfType<SaveResult.Refused>();

        refused.Reasons.ShouldContain(e => e.StartsWith("templates/receipt.de.scriban (2,", StringComparison.Ordinal));
    }
}
