using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Microsoft.Extensions.Logging.Abstractions;
using Sozialplattform.Delivery.Channels;
using Sozialplattform.Delivery.Channels.Email;
using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Documents.Pdf;
using Sozialplattform.Documents.Templating;
using Sozialplattform.Engine;
using Sozialplattform.Web.Catalog;
using Sozialplattform.Web.Inbox.Notifications;
using Sozialplattform.Web.Submissions;
using Sozialplattform.Web.Tests.Inbox;
using Sozialplattform.Web.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace Sozialplattform.Web.Tests.Catalog;

/// <summary>
/// A submission uses the templates of the form version it was made with: the confirmation e-mail and its receipt PDF,
/// and the e-mail to the authority (over real SMTP), come from that version's service files — not from a later
/// version's, and the built-in ones when the version has none.
/// </summary>
public sealed class VersionTemplatesTests
{
    private static readonly string Answers = File.ReadAllText(Path.Combine(RepositoryPaths.Samples, "forms", "haushalt", "1.0.0", "answers", "valid.json"));

    /// <summary>The sample catalog with haushalt 1.0.0 (folder, no templates) and 1.0.1 published with <paramref name="files"/>.</summary>
    private static FormCatalog CatalogWith(IReadOnlyDictionary<string, string> files)
    {
        var catalog = FormCatalog.Load([RepositoryPaths.Samples], Path.Combine(Path.GetTempPath(), "no-tenants"), "none", new FormEngineOptions());
        var source = File.ReadAllText(Path.Combine(RepositoryPaths.Samples, "forms", "haushalt", "1.0.0", "form.json")).Replace("\"version\": \"1.0.0\"", "\"version\": \"1.0.1\"");
        catalog.AddPublished([("haushalt", "1.0.1", Encoding.UTF8.GetBytes(source), files)]).ShouldBeEmpty();
        return catalog;
    }

    private static SubmissionConfirmation Confirmation(FormCatalog catalog) =>
        new(new TemplateRenderer(new TemplateLocator()), catalog, null!, new PdfRenderer(),
            new NotificationOptions { From = "noreply@example.org", PortalUrl = "https://portal.example" }, NullLogger<SubmissionConfirmation>.Instance);

    private static (Sozialplattform.Storage.Notifications.QueuedMail? Mail, string? Error) Compose(SubmissionConfirmation confirmation, string version) =>
        confirmation.Compose("antrag@example.org", "haushalt", version, "de", "SP-2026-000042", new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero),
            "Sozialamt Teststadt", ["Rathausplatz 1", "12345 Teststadt"], (JsonObject)JsonNode.Parse(Answers)!);

    private static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }

    [Fact]
    public void The_confirmation_and_its_receipt_come_from_the_submissions_version_and_an_earlier_version_keeps_the_built_in_ones()
    {
        var catalog = CatalogWith(new Dictionary<string, string>
        {
            ["templates/email-confirmation.de.scriban"] = "Eingang bestätigt: {{ reference_number }}\nDanke, wir bearbeiten „{{ title }}“. {{ status_url }}\n",
            ["templates/receipt.de.scriban"] = "Quittung des Dienstes\nNummer {{ reference_number }}, Stelle {{ authority.name }}\n",
        });

        var (mail, error) = Compose(Confirmation(catalog), "1.0.1");

        error.ShouldBeNull();
        mail!.Subject.ShouldBe("Eingang bestätigt: SP-2026-000042");
        mail.TextBody.ShouldBe("Danke, wir bearbeiten „Haushalt und Einkommen (Beispiel)“. https://portal.example/de/status\n");
        var receipt = mail.Attachments.ShouldNotBeNull().ShouldHaveSingleItem();
        receipt.FileName.ShouldBe("eingangsbestaetigung.pdf");
        PdfText(receipt.Content).ShouldContain("Quittung des Dienstes");
        PdfText(receipt.Content).ShouldContain("Stelle Sozialamt Teststadt");

        var (earlier, _) = Compose(Confirmation(catalog), "1.0.0");
        earlier!.Subject.ShouldBe("Ihr Antrag „Haushalt und Einkommen (Beispiel)“ ist eingegangen – Referenznummer SP-2026-000042", "1.0.0 has no templates: the built-in one, not 1.0.1's");
        PdfText(earlier.Attachments!.Single().Content).ShouldContain("Eingangsbestätigung");
        PdfText(earlier.Attachments!.Single().Content).ShouldNotContain("Quittung des Dienstes");
    }

    [Fact]
    public void A_receipt_that_fails_at_runtime_leaves_the_confirmation_without_attachment_instead_of_without_mail()
    {
        var catalog = CatalogWith(new Dictionary<string, string> { ["templates/receipt.de.scriban"] = "Quittung\n{{ gibt_es_nicht }}\n" });

        var (mail, error) = Compose(Confirmation(catalog), "1.0.1");

        error.ShouldBeNull();
        mail!.Attachments.ShouldBeNull();
    }

    private static DeliveryPackage Package(string version, int port) => new()
    {
        DeliveryId = Guid.CreateVersion7(),
        SubmissionId = Guid.CreateVersion7(),
        ReferenceNumber = "SP-2026-000042",
        SubmittedAt = new DateTime(2026, 12, 7, 9, 0, 0, DateTimeKind.Utc),
        FormId = "haushalt",
        FormVersion = version,
        FormTitle = "Haushalt und Einkommen (Beispiel)",
        Language = "de",
        AnswersJson = Answers,
        AnswersXml = new XDocument(new XElement("antrag")),
        Pdf = new DeliveryFile(Guid.NewGuid(), "SP-2026-000042.pdf", "application/pdf", "%PDF-1.4\n%%EOF\n"u8.ToArray(), "00"),
        Authority = new DeliveryAuthority("nrw", "sozialamt-test", "Sozialamt Teststadt", ["Rathausplatz 1", "12345 Teststadt"], null),
        ChannelOptions = new JsonObject { ["host"] = "127.0.0.1", ["port"] = port, ["security"] = "none", ["from"] = "antraege@example.org", ["to"] = "amt@example.org" },
    };

    [SkippableFact]
    public async Task The_e_mail_to_the_authority_uses_the_versions_own_template_over_real_smtp_and_the_earlier_version_the_plain_text()
    {
        var catalog = CatalogWith(new Dictionary<string, string>
        {
            ["templates/email-authority.de.scriban"] = "Neuer Antrag des Dienstes {{ reference_number }}\n{{ for section in sections }}# {{ section.title }}\n{{ end }}",
        });
        var channel = new EmailChannel(new TemplatedDeliveryTexts(new TemplateRenderer(new TemplateLocator()), catalog, NullLogger<TemplatedDeliveryTexts>.Instance));
        await using var smtp = await SmtpTestServer.StartAsync();

        var newer = Package("1.0.1", smtp.Port);
        (await channel.DeliverAsync(newer, default)).Success.ShouldBeTrue();
        (await channel.DeliverAsync(Package("1.0.0", smtp.Port), default)).Success.ShouldBeTrue();

        var received = smtp.Received();
        received.Count.ShouldBe(2);
        received[0].Subject.ShouldBe("Neuer Antrag des Dienstes SP-2026-000042");
        received[0].TextBody!.ShouldContain("# Antragsteller:in");
        received[0].TextBody!.ShouldContain($"Zustellungs-ID: {newer.DeliveryId}");
        received[1].Subject.ShouldBe("Antrag SP-2026-000042: Haushalt und Einkommen (Beispiel)", "1.0.0 has no template of its own: the plain text as before");
        received[1].TextBody!.ShouldContain("über die Sozialplattform ist ein Antrag für Sozialamt Teststadt eingegangen");
    }

    [Fact]
    public void An_operators_per_form_override_forces_the_authority_e_mail_over_the_versions_own()
    {
        var overrides = Directory.CreateTempSubdirectory("operator-templates-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(overrides, "haushalt"));
            File.WriteAllText(Path.Combine(overrides, "haushalt", "email-authority.de.scriban"), "Vom Betrieb {{ reference_number }}\nText\n");
            var catalog = CatalogWith(new Dictionary<string, string> { ["templates/email-authority.de.scriban"] = "Vom Dienst\nText\n" });
            var texts = new TemplatedDeliveryTexts(new TemplateRenderer(new TemplateLocator(overrides)), catalog, NullLogger<TemplatedDeliveryTexts>.Instance);

            texts.Render(Package("1.0.1", 25)).Subject.ShouldBe("Vom Betrieb SP-2026-000042");
        }
        finally
        {
            Directory.Delete(overrides, recursive: true);
        }
    }

    [SkippableFact]
    public async Task A_citizen_who_submits_a_designer_version_in_the_portal_receives_its_own_confirmation_over_smtp()
    {
        var port = FreePort.Next();
        using var portal = new InboxPortal(port);
        await using var smtp = await SmtpTestServer.StartAsync(port);
        var source = File.ReadAllText(Path.Combine(RepositoryPaths.Samples, "forms", "kontakt", "1.0.0", "form.json")).Replace("\"version\": \"1.0.0\"", "\"version\": \"1.0.1\"");
        portal.Get<FormCatalog>().AddPublished([("kontakt", "1.0.1", Encoding.UTF8.GetBytes(source), new Dictionary<string, string>
        {
            ["templates/email-confirmation.de.scriban"] = "Ihre Nachricht {{ reference_number }} ist angekommen\nWir melden uns. <b>{{ title }}</b>\n",
            ["templates/receipt.de.scriban"] = "Quittung der Beratung\nNummer {{ reference_number }}\n",
        })]).ShouldBeEmpty();

        var client = portal.Browse();
        var page = await Journeys.FirstPageAsync(client, "kontakt");
        var summary = await client.SubmitAsync(page, "/senden", new Dictionary<string, string?>
        {
            ["thema"] = "schulden", ["nachricht"] = "Ich brauche Hilfe.", ["email"] = "hilfe@example.org",
        }, "next");
        var receipt = await client.SubmitAsync(summary, "/absenden");
        var reference = receipt.Text(".confirmation__reference");
        (await portal.SendMailsAsync()).ShouldBe(1);

        var mail = smtp.Received().ShouldHaveSingleItem();
        mail.To.Mailboxes.Single().Address.ShouldBe("hilfe@example.org");
        mail.Subject.ShouldBe($"Ihre Nachricht {reference} ist angekommen");
        mail.TextBody!.ShouldStartWith("Wir melden uns. <b>Kontakt zur Beratungsstelle (Beispiel)</b>", customMessage: "a plain-text mail: markup stays text");
        var pdf = mail.Attachments.OfType<MimeKit.MimePart>().ShouldHaveSingleItem();
        using var content = new MemoryStream();
        pdf.Content!.DecodeTo(content);
        PdfText(content.ToArray()).ShouldContain("Quittung der Beratung");
        await using var context = portal.Get<Sozialplattform.Storage.Database.SozialDatabase>().CreateContext();
        context.Submissions.Single(s => s.ReferenceNumber == reference).FormVersion.ShouldBe("1.0.1");
    }
}
