extern alias platform;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Sozialplattform.Designer.Browser.Tests;

/// <summary>
/// The service beside its form, in Chromium on the real platform host: the author words the status e-mail and sees it
/// rendered as it is sent, writes a decision letter and sees its PDF made from the sample answers, gives the service a
/// checklist and a text of its service page, and publishes; the new version's checklist is what the inbox reads for
/// its cases (the host's own ServiceChecklists), and the earlier version keeps none.
/// </summary>
[Collection(BrowserSession.Collection)]
public sealed class ServiceFilesJourneyTests(BrowserSession session)
{
    [SkippableFact]
    public async Task An_author_edits_the_e_mail_template_sees_it_rendered_edits_a_checklist_publishes_and_the_inbox_gets_the_new_checklist()
    {
        var page = await session.LoggedInPage();
        await page.GotoAsync(session.BaseUrl + "/designer/forms/wohnberechtigungsschein");
        await BrowserSession.Interactive(page);

        var texts = page.GetByTestId("service-texts");
        await texts.GetByTestId("service-text-serviceInfo.costs-de").FillAsync("Der Antrag ist kostenlos. Es entstehen keine Gebühren.");
        await texts.GetByTestId("service-text-serviceInfo.costs-de").PressAsync("Tab");
        await texts.Locator("summary").ClickAsync();
        await Assertions.Expect(texts.GetByTestId("service-page-preview")).ToContainTextAsync("Es entstehen keine Gebühren.");

        var templates = page.GetByTestId("templates-panel");
        await templates.GetByTestId("template-choice").SelectOptionAsync("templates/status-changed.de.scriban");
        await Assertions.Expect(templates.GetByTestId("template-text")).Not.ToHaveValueAsync("");
        await templates.GetByTestId("template-text").FillAsync("Neuer Stand zu {{ title }}: {{ status }}\nIhr Aktenzeichen: {{ reference_number }}\n{{ status_url }}\n");
        await templates.GetByTestId("template-save").ClickAsync();
        await Assertions.Expect(templates.GetByTestId("template-subject")).ToHaveTextAsync("Neuer Stand zu Antrag auf einen Wohnberechtigungsschein: In Bearbeitung");
        await Assertions.Expect(templates.GetByTestId("template-body")).ToContainTextAsync("Ihr Aktenzeichen: SP-2026-000123");
        await Assertions.Expect(templates.GetByTestId("template-message")).ToContainTextAsync("Vorlage gespeichert.");

        await templates.GetByTestId("template-text").FillAsync("Betreff\n{{ include 'geheim' }}\n");
        await templates.GetByTestId("template-preview").ClickAsync();
        await Assertions.Expect(templates.GetByTestId("template-problems")).ToContainTextAsync("templates/status-changed.de.scriban, Zeile 2");

        await templates.GetByTestId("letter-name").FillAsync("bewilligung");
        await templates.GetByTestId("letter-add").ClickAsync();
        await Assertions.Expect(templates.GetByTestId("template-text")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^Bescheid über Ihren Antrag"));
        await templates.GetByTestId("template-text").FillAsync("Bewilligung Ihres Antrags {{ reference_number }}\nSehr geehrte Damen und Herren,\nIhr Antrag vom {{ submitted_on }} ist bewilligt.\n{{ for s in sections }}{{ s.title }}\n{{ end }}{{ caseworker_name }}\n");
        await templates.GetByTestId("template-save").ClickAsync();
        await Assertions.Expect(templates.GetByTestId("template-pdf")).ToContainTextAsync("Seite");
        await Assertions.Expect(templates.GetByTestId("template-body")).ToContainTextAsync("Erika Beispiel");

        var checklist = page.GetByTestId("checklist-panel");
        await checklist.GetByTestId("checklist-new").FillAsync("Einkommen geprüft");
        await checklist.GetByTestId("checklist-add").ClickAsync();
        // The added item's render empties the box: type the next one only after it arrived.
        await Assertions.Expect(checklist.GetByTestId("checklist-item")).ToHaveCountAsync(1);
        await Assertions.Expect(checklist.GetByTestId("checklist-new")).ToHaveValueAsync("");
        await checklist.GetByTestId("checklist-new").FillAsync("Ausweis geprüft");
        await checklist.GetByTestId("checklist-add").ClickAsync();
        await Assertions.Expect(checklist.GetByTestId("checklist-item")).ToHaveCountAsync(2);
        await checklist.GetByRole(AriaRole.Button, new() { Name = "Ausweis geprüft nach oben" }).ClickAsync();
        await checklist.GetByTestId("checklist-save").ClickAsync();
        await Assertions.Expect(checklist.GetByTestId("checklist-message")).ToContainTextAsync("Checkliste gespeichert (2 Punkte).");
        await page.ShouldHaveNoViolations();

        await Assertions.Expect(page.GetByTestId("publish-version")).ToHaveValueAsync("1.0.3");
        await page.GetByTestId("publish-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("publish-message")).ToHaveTextAsync("Version 1.0.3 ist veröffentlicht.");

        var catalog = session.Host.Services.GetRequiredService<platform::Sozialplattform.Web.Catalog.FormCatalog>();
        var deadline = DateTime.UtcNow + BrowserSession.Ceiling;
        while (catalog.Find("wohnberechtigungsschein", "1.0.3") is null && DateTime.UtcNow < deadline) await Task.Delay(250);
        var checklists = session.Host.Services.GetRequiredService<platform::Sozialplattform.Web.Inbox.Documents.ServiceChecklists>();
        checklists.Of("wohnberechtigungsschein", "1.0.3").Select(i => (i.Id, i.Label.Get("de"))).ShouldBe([("ausweis-geprueft", "Ausweis geprüft"), ("einkommen-geprueft", "Einkommen geprüft")]);
        checklists.Of("wohnberechtigungsschein", "1.0.2").ShouldBeEmpty();
        var letters = session.Host.Services.GetRequiredService<platform::Sozialplattform.Web.Inbox.Documents.DecisionLetters>();
        letters.Templates("wohnberechtigungsschein", "1.0.3").ShouldBe(["bewilligung"]);
    }
}
