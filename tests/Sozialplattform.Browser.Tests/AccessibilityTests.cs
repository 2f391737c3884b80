using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Sozialplattform.Browser.Tests.Infrastructure;
using Sozialplattform.Web.Catalog;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Browser.Tests;

/// <summary>
/// axe-core (all rules) on every page of every sample form and of the largest catalog services — service page, place,
/// each wizard page with the form's valid answers, the first page with its errors, the summary, the saved page — in
/// German, and in Arabic (right to left) for the sample with every field type, AsylbLG (whose applicants most need
/// Arabic) and the largest catalog services, all with their Arabic texts; and on the portal's own pages (home, status,
/// receipt) in German and Arabic.
/// </summary>
[Collection(AccessibilityCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture browser)
{
    public static TheoryData<string, string> FormsAndLanguages()
    {
        var data = new TheoryData<string, string>();
        // Every sample form (every field type, groups, repeating groups, uploads, computed values) and the largest catalog
        // services.
        foreach (var form in new[] { "alle-feldtypen", "haushalt", "kinder-bildung", "kontakt", "nachweise", "wohnkosten", "buergergeld", "bildung-und-teilhabe", "wohnberechtigungsschein" })
            data.Add(form, "de");
        // Right to left: every field type, and every page of AsylbLG, Bürgergeld, BuT and the WBS.
        foreach (var form in new[] { "alle-feldtypen", "asylblg", "buergergeld", "bildung-und-teilhabe", "wohnberechtigungsschein" })
            data.Add(form, "ar");
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(FormsAndLanguages))]
    public async Task Every_page_of_a_sample_or_large_catalog_form_has_no_axe_violations(string formId, string lang)
    {
        var page = await browser.NewPageAsync();
        var violations = new List<string>();
        await page.GotoAsync($"/{lang}/leistungen/{formId}");
        await Axe.CheckAsync(page, violations, $"{formId}-{lang}-service");
        await page.Locator("form[action$='/starten'] button").ClickAsync();
        await page.Locator("#ort").FillAsync("12345");
        await page.Locator("form.place-search button").ClickAsync();
        await Axe.CheckAsync(page, violations, $"{formId}-{lang}-place");
        var draft = page.Url.Split('/')[5];

        var definition = browser.Portal.Services.GetRequiredService<FormCatalog>().Latest(formId)!.Definition;
        await page.GotoAsync($"/{lang}/antrag/{draft}/seite/{definition.Pages[0].Id}?pruefen=1");
        await Axe.CheckAsync(page, violations, $"{formId}-{lang}-errors");

        var answers = JsonNode.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(definition.SourceFile)!, "answers", "valid.json")))!.AsObject();
        await BrowserDrafts.SetAnswersAsync(browser, page, draft, answers);
        foreach (var wizardPage in definition.Pages)
        {
            await page.GotoAsync($"/{lang}/antrag/{draft}/seite/{wizardPage.Id}");
            await Axe.CheckAsync(page, violations, $"{formId}-{lang}-page-{wizardPage.Id}");
        }

        await page.GotoAsync($"/{lang}/antrag/{draft}/zusammenfassung");
        await Axe.CheckAsync(page, violations, $"{formId}-{lang}-summary");
        await page.GotoAsync($"/{lang}/antrag/{draft}/gespeichert");
        await Axe.CheckAsync(page, violations, $"{formId}-{lang}-saved");

        violations.ShouldBeEmpty();
    }

    [SkippableTheory]
    [InlineData("de")]
    [InlineData("ar")]
    public async Task The_portal_pages_around_the_forms_have_no_axe_violations(string lang)
    {
        var page = await browser.NewPageAsync();
        var violations = new List<string>();
        foreach (var url in new[] { $"/{lang}", $"/{lang}?q=Haus", $"/{lang}/status", $"/{lang}/status?fehler=1", $"/{lang}/anmelden?ziel=/{lang}", $"/{lang}/gibt-es-nicht",
                                     $"/{lang}/leistungen/buergergeld?ort=12345", $"/{lang}/leistungen/buergergeld?ort=1234" })
        {
            await page.GotoAsync(url);
            await Axe.CheckAsync(page, violations, $"portal-{lang}-{url.Split('/', '?').Last()}");
        }

        await page.GotoAsync($"/{lang}/leistungen/kontakt");
        await page.Locator("form[action$='/starten'] button").ClickAsync();
        await page.Locator("#ort").FillAsync("12345");
        await page.Locator("form.place-search button").ClickAsync();
        var draft = page.Url.Split('/')[5];
        await BrowserDrafts.SetAnswersAsync(browser, page, draft, ("thema", "schulden"), ("nachricht", "Bitte um einen Termin."), ("email", "a@example.org"));
        await page.GotoAsync($"/{lang}/antrag/{draft}/zusammenfassung");
        await page.Locator("form[action$='/absenden'] button[type=submit]").ClickAsync();
        await Axe.CheckAsync(page, violations, $"portal-{lang}-receipt");
        await page.Locator("a[href*='/status/']").First.ClickAsync();
        await Axe.CheckAsync(page, violations, $"portal-{lang}-status");

        violations.ShouldBeEmpty();
    }

    [SkippableTheory]
    [InlineData("de")]
    [InlineData("ar")]
    public async Task The_account_page_with_a_draft_an_application_and_a_message_has_no_axe_violations(string lang)
    {
        var page = await browser.NewPageAsync();
        var violations = new List<string>();
        await page.GotoAsync($"/{lang}/konto");
        await page.Locator("#name").FillAsync("Konto Test " + lang);
        await page.Locator("form[action$='/anmelden/entwicklung'] button[type=submit]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/{lang}/konto$"));
        await Axe.CheckAsync(page, violations, $"account-{lang}-empty");

        var sent = await StartLoginFormAsync(page, lang);
        await BrowserDrafts.SetAnswersAsync(browser, page, sent, ("name", "Konto Test"));
        await page.GotoAsync($"/{lang}/antrag/{sent}/zusammenfassung");
        await page.Locator("form[action$='/absenden'] button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".confirmation__reference")).ToBeVisibleAsync();
        var reference = (await page.Locator(".confirmation__reference").TextContentAsync())!.Trim();
        await AddStatusMessageAsync(reference, "Bitte reichen Sie den Mietvertrag nach.");
        await StartLoginFormAsync(page, lang);

        await page.GotoAsync($"/{lang}/konto");
        await Assertions.Expect(page.Locator(".account-list__item")).ToHaveCountAsync(2);
        await Axe.CheckAsync(page, violations, $"account-{lang}-filled");

        violations.ShouldBeEmpty();
    }

    /// <summary>Starts the test form that needs a login and chooses the place; returns the draft's id.</summary>
    private static async Task<string> StartLoginFormAsync(IPage page, string lang)
    {
        await page.GotoAsync($"/{lang}/leistungen/login-filling");
        await page.Locator("form[action$='/starten'] button").ClickAsync();
        await page.Locator("#ort").FillAsync("12345");
        await page.Locator("form.place-search button").ClickAsync();
        return page.Url.Split('/')[5];
    }

    private async Task AddStatusMessageAsync(string reference, string message)
    {
        var database = browser.Portal.Services.GetRequiredService<Sozialplattform.Storage.Database.SozialDatabase>();
        await using var context = database.CreateContext();
        var submission = context.Submissions.Single(s => s.ReferenceNumber == reference);
        submission.Status = Sozialplattform.Storage.Entities.SubmissionStatus.DocumentsRequested;
        context.StatusEvents.Add(new Sozialplattform.Storage.Entities.StatusEvent
        {
            SubmissionId = submission.Id, Status = submission.Status, Actor = "test", CreatedAt = DateTime.UtcNow,
            MessageCipher = database.Protector.ProtectText(message, submission.Id),
        });
        await context.SaveChangesAsync();
    }
}
