extern alias platform;

using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Sozialplattform.Designer.Browser.Tests;

/// <summary>
/// The service's own confirmation e-mail and receipt, in Chromium on the real platform host: the author words both, sees
/// the e-mail as sent and the receipt as an image of its PDF page, rendered on the saved sample answers, and publishes;
/// a submission of the new version is confirmed with the new wording and receipt, one of the earlier version with the
/// built-in ones (the host's own SubmissionConfirmation).
/// </summary>
[Collection(BrowserSession.Collection)]
public sealed class TemplatesJourneyTests(BrowserSession session)
{
    private const string Form = "eingliederung-langzeitarbeitsloser";

    [SkippableFact]
    public async Task An_author_words_the_confirmation_e_mail_and_the_receipt_sees_both_rendered_publishes_and_that_versions_submissions_get_them()
    {
        var page = await session.LoggedInPage();
        await page.GotoAsync(session.BaseUrl + "/designer/forms/" + Form);
        await BrowserSession.Interactive(page);

        var templates = page.GetByTestId("templates-panel");
        await templates.GetByTestId("template-choice").SelectOptionAsync("templates/email-confirmation.de.scriban");
        await Assertions.Expect(templates.GetByTestId("template-text")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^Ihr Antrag „\\{\\{ title \\}\\}“ ist eingegangen"));
        await templates.GetByTestId("template-text").FillAsync("Wir haben Ihren Antrag {{ reference_number }} erhalten\nDanke für „{{ title }}“. Stand: {{ status_url }}\n");
        await templates.GetByTestId("template-save").ClickAsync();
        await Assertions.Expect(templates.GetByTestId("template-subject")).ToHaveTextAsync("Wir haben Ihren Antrag SP-2026-000123 erhalten");
        await Assertions.Expect(templates.GetByTestId("template-body")).ToContainTextAsync("Stand: https://portal.example/de/status");
        await Assertions.Expect(templates.GetByTestId("template-message")).ToContainTextAsync("Vorlage gespeichert.");

        await templates.GetByTestId("template-choice").SelectOptionAsync("templates/receipt.de.scriban");
        await Assertions.Expect(templates.GetByTestId("template-text")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^Eingangsbestätigung"));
        await templates.GetByTestId("template-text").FillAsync("Quittung des Dienstes\nEingegangen: {{ title }} unter {{ reference_number }}.\n");
        await templates.GetByTestId("template-save").ClickAsync();
        await Assertions.Expect(templates.GetByTestId("template-pdf")).ToContainTextAsync("Eingangsbestätigung als PDF: 1 Seite");
        var image = templates.GetByTestId("template-page-image");
        await Assertions.Expect(image).ToHaveCountAsync(1);
        await Assertions.Expect(image).ToHaveAttributeAsync("alt", "Eingangsbestätigung, Seite 1 von 1 (Vorschau des PDFs)");
        (await image.EvaluateAsync<int>("img => img.complete ? img.naturalWidth : -1")).ShouldBeGreaterThan(500, "the browser decoded the page image");
        await Assertions.Expect(templates.GetByTestId("template-pdf-download")).ToBeVisibleAsync();
        await page.ShouldHaveNoViolations();

        // A change of service files alone is publishable as a patch version. The publish panel weighs the changes when the
        // page loads (it does not hear of a template saved since), so the author opens the form again.
        await page.ReloadAsync();
        await BrowserSession.Interactive(page);
        await Assertions.Expect(page.GetByTestId("publish-version")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"^1\.\d+\.\d+$"));
        var version = await page.GetByTestId("publish-version").InputValueAsync();
        await page.GetByTestId("publish-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("publish-message")).ToHaveTextAsync($"Version {version} ist veröffentlicht.");

        var catalog = session.Host.Services.GetRequiredService<platform::Sozialplattform.Web.Catalog.FormCatalog>();
        var deadline = DateTime.UtcNow + BrowserSession.Ceiling;
        while (catalog.Find(Form, version) is null && DateTime.UtcNow < deadline) await Task.Delay(250);
        var confirmation = session.Host.Services.GetRequiredService<platform::Sozialplattform.Web.Submissions.SubmissionConfirmation>();
        var answers = JsonNode.Parse(File.ReadAllText(Path.Combine(session.Host.Catalog.Catalog, "forms", Form, "1.0.2", "answers", "valid.json")))!.AsObject();
        (string Subject, IReadOnlyList<string> Files) Confirm(string version)
        {
            var mail = confirmation.Compose("antrag@example.org", Form, version, "de", "SP-2026-000777", DateTimeOffset.UtcNow, "Jobcenter Teststadt",
                ["Markt 1", "12345 Teststadt"], answers).Mail.ShouldNotBeNull();
            return (mail.Subject, (mail.Attachments ?? []).Select(a => a.FileName).ToList());
        }

        var newer = Confirm(version);
        newer.Subject.ShouldBe("Wir haben Ihren Antrag SP-2026-000777 erhalten");
        newer.Files.ShouldBe(["eingangsbestaetigung.pdf"]);
        Confirm("1.0.2").Subject.ShouldEndWith("ist eingegangen – Referenznummer SP-2026-000777", customMessage: "the earlier version keeps the built-in wording");
    }
}
