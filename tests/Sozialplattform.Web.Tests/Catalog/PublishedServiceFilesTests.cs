using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Sozialplattform.Documents.Pdf;
using Sozialplattform.Documents.Templating;
using Sozialplattform.Engine;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Notifications;
using Sozialplattform.Web.Catalog;
using Sozialplattform.Web.Inbox.Documents;
using Sozialplattform.Web.Inbox.Notifications;
using Sozialplattform.Web.Localization;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Catalog;

/// <summary>
/// A version published in the designer brings its service files with it (published_form_versions.ServiceFiles): the
/// inbox's checklist, letter templates and the status e-mail come from them — not from the catalog folder — and the
/// earlier version keeps its own, so ticks on its cases stay as they were.
/// </summary>
public sealed class PublishedServiceFilesTests
{
    private const string Checklist = """{"items": [{"id": "identitaet", "label": {"de": "Ausweis geprüft"}}, {"id": "miete", "label": {"de": "Mietvertrag <b>liegt</b> vor"}}]}""";

    private static FormCatalog CatalogWith(IReadOnlyDictionary<string, string> files)
    {
        var catalog = FormCatalog.Load([RepositoryPaths.Samples], Path.Combine(Path.GetTempPath(), "no-tenants"), "none", new FormEngineOptions());
        var source = File.ReadAllText(Path.Combine(RepositoryPaths.Samples, "forms", "haushalt", "1.0.0", "form.json")).Replace("\"version\": \"1.0.0\"", "\"version\": \"1.0.1\"");
        catalog.AddPublished([("haushalt", "1.0.1", Encoding.UTF8.GetBytes(source), files)]).ShouldBeEmpty();
        return catalog;
    }

    [Fact]
    public void The_inbox_reads_the_checklist_and_letters_stored_with_a_designer_version_and_the_earlier_version_keeps_its_own()
    {
        var catalog = CatalogWith(new Dictionary<string, string>
        {
            ["checklist.json"] = Checklist,
            ["letters/bewilligung.de.scriban"] = "Bewilligt {{ reference_number }}\nText\n",
        });
        var checklists = new ServiceChecklists(catalog, NullLogger<ServiceChecklists>.Instance);

        checklists.Of("haushalt", "1.0.1").Select(i => (i.Id, i.Label.Get("de"))).ShouldBe([("identitaet", "Ausweis geprüft"), ("miete", "Mietvertrag <b>liegt</b> vor")]);
        checklists.Of("haushalt", "1.0.0").Select(i => i.Id).ShouldBe(["identitaet", "einkommen", "bescheid"], "cases of 1.0.0 keep its checklist and their ticks");
        var letters = new DecisionLetters(catalog, new TemplateRenderer(new TemplateLocator()), new PdfRenderer(), TimeProvider.System);
        letters.Templates("haushalt", "1.0.1").ShouldBe(["bewilligung"], "only the stored letter, not the folder's two of 1.0.0");
        letters.Templates("haushalt", "1.0.0").ShouldBe(["ablehnung", "bewilligung"]);
    }

    [Fact]
    public void A_designer_version_without_service_files_has_no_checklist_and_no_letters_and_never_reads_the_folder()
    {
        var catalog = CatalogWith(new Dictionary<string, string>());

        new ServiceChecklists(catalog, NullLogger<ServiceChecklists>.Instance).Of("haushalt", "1.0.1").ShouldBeEmpty();
        new DecisionLetters(catalog, new TemplateRenderer(new TemplateLocator()), new PdfRenderer(), TimeProvider.System).Templates("haushalt", "1.0.1").ShouldBeEmpty();
    }

    [Fact]
    public void The_status_e_mail_of_a_case_uses_the_services_own_wording_in_the_applicants_language_and_falls_back_to_the_built_in_one()
    {
        var catalog = CatalogWith(new Dictionary<string, string> { ["templates/status-changed.de.scriban"] = "Neu bei {{ title }}: {{ status }}\nAktenzeichen {{ reference_number }}\n" });
        var composer = new StatusMailComposer(new TemplateRenderer(new TemplateLocator()), new TemplateLocator(), catalog, new ChromeTexts(), new NotificationOptions { From = "portal@example.org" });
        StatusNotice Notice(string version, string language) => new(Guid.NewGuid(), "SP-2026-000001", "haushalt", version, "Haushalt", language,
            DateTime.UtcNow, "a@example.org", SubmissionStatus.InReview, null, DateTime.UtcNow, "Amt");

        var (mail, error) = composer.Compose(Notice("1.0.1", "de"));
        error.ShouldBeNull();
        mail!.Subject.ShouldStartWith("Neu bei ");
        (mail.TextBody ?? "").ShouldContain("Aktenzeichen SP-2026-000001");

        composer.Compose(Notice("1.0.1", "tr")).Mail!.Subject.ShouldStartWith("Neu bei ", customMessage: "no Turkish or English wording of the service: its German one");
        composer.Compose(Notice("1.0.0", "de")).Mail!.Subject.ShouldNotStartWith("Neu bei ");
    }
}
