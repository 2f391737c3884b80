using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Sozialplattform.Browser.Tests.Infrastructure;
using Sozialplattform.Delivery.Outbox;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Inbox;
using Sozialplattform.Storage.Submissions;
using Sozialplattform.Web.Catalog;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Browser.Tests;

/// <summary>The authority inbox in Chromium: a caseworker's way through every page and an operator's through the operations page, in German and English, with axe on each.</summary>
[Collection(nameof(BrowserFixture))]
public sealed class InboxInBrowserTests(BrowserFixture browser)
{
    [SkippableFact]
    public async Task A_caseworker_works_through_every_inbox_page_in_German_and_English_without_axe_violations()
    {
        var page = await browser.NewPageAsync();
        var reference = await ReceivedSubmissionAsync();
        await new CaseworkerAccounts(Service<Sozialplattform.Storage.Database.SozialDatabase>())
            .CreateAsync("browser-sb", "Sam Browser", "Browser-Posteingang-2026", "test", "sozialamt-test");
        var violations = new List<string>();

        await page.GotoAsync("/posteingang");
        await Axe.CheckAsync(page, violations, "inbox-login");
        await page.Locator("#login").FillAsync("browser-sb");
        await page.Locator("#password").FillAsync("falsch");
        await page.Locator("form.inbox-login button").ClickAsync();
        await Axe.CheckAsync(page, violations, "inbox-login-failed");
        await page.Locator("#password").FillAsync("Browser-Posteingang-2026");
        await page.Locator("form.inbox-login button").ClickAsync();
        await Axe.CheckAsync(page, violations, "inbox-list");

        await page.GotoAsync("/posteingang?von=31.02.2026&q=Yilmaz");
        await Axe.CheckAsync(page, violations, "inbox-list-errors");
        await page.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await Axe.CheckAsync(page, violations, "inbox-detail");

        await page.Locator("#status").SelectOptionAsync("DocumentsRequested");
        await page.Locator("form[action$='/status'] button").ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("Bitte schreiben Sie eine Nachricht");
        await Axe.CheckAsync(page, violations, "inbox-detail-errors");
        await page.Locator("#nachricht").FillAsync("Bitte reichen Sie den Mietvertrag nach.");
        await page.Locator("form[action$='/status'] button").ClickAsync();
        await page.Locator("#datum").FillAsync("2026-01-15");
        await page.Locator("#grund").FillAsync("Mietvertrag eingegangen?");
        await page.Locator("form[action$='/wiedervorlagen'] button").ClickAsync();
        await page.Locator("#notiz").FillAsync("Vermieterin angerufen.");
        await page.Locator("form[action$='/notizen'] button").ClickAsync();
        await Assertions.Expect(page.Locator(".status-tag").First).ToHaveTextAsync("Unterlagen nachgefordert");
        await Axe.CheckAsync(page, violations, "inbox-detail-worked");

        await page.GetByRole(AriaRole.Link, new() { Name = "Fristen" }).ClickAsync();
        await Assertions.Expect(page.Locator(".inbox-table tbody")).ToContainTextAsync("Mietvertrag eingegangen?");
        await Axe.CheckAsync(page, violations, "inbox-deadlines");

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Deadlines and follow-ups");
        await Axe.CheckAsync(page, violations, "inbox-deadlines-en");
        await page.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await Axe.CheckAsync(page, violations, "inbox-detail-en");
        await page.GotoAsync($"/posteingang/antraege/{Guid.NewGuid()}");
        await Axe.CheckAsync(page, violations, "inbox-not-found-en");

        violations.ShouldBeEmpty();
    }

    [SkippableFact]
    public async Task An_operator_retries_a_dead_letter_on_the_operations_page_in_German_and_English_without_axe_violations()
    {
        var page = await browser.NewPageAsync();
        var form = Service<FormCatalog>().Latest("haushalt")!;
        var accepted = await Service<SubmissionStore>().AcceptAsync(new NewSubmission
        {
            TenantId = "test", FormId = form.Id, FormVersion = form.Version, ContentHash = form.Definition.ContentHash, FormTitle = form.Definition.Title.Get("de"),
            Language = "de", AnswersJson = "{}", IdempotencyKey = Guid.NewGuid().ToString("N"), PostalCode = "12345", Pdf = "%PDF-1.4\n%%EOF\n"u8.ToArray(),
        }, [new Destination("sozialamt-test", "failing-demo")]);
        await using (var context = Service<Sozialplattform.Storage.Database.SozialDatabase>().CreateContext())
            await context.Outbox.Where(o => o.SubmissionId == accepted.Submission.Id).ExecuteUpdateAsync(s => s
                .SetProperty(o => o.Status, OutboxStatus.Dead).SetProperty(o => o.Attempts, 10)
                .SetProperty(o => o.LastError, "attempt 10: failing-demo channel of 'sozialamt-test' refused delivery: Fachverfahren nicht erreichbar"));
        await new CaseworkerAccounts(Service<Sozialplattform.Storage.Database.SozialDatabase>())
            .CreateAsync("browser-betrieb", "Bea Betrieb", "Browser-Betrieb-2026!", "test", CaseworkerAccount.NoAuthority, CaseworkerRole.Operator);
        var violations = new List<string>();
        var reference = accepted.Submission.ReferenceNumber;

        await page.GotoAsync("/posteingang/anmelden");
        await page.Locator("#login").FillAsync("browser-betrieb");
        await page.Locator("#password").FillAsync("Browser-Betrieb-2026!");
        await page.Locator("form.inbox-login button").ClickAsync();
        new Uri(page.Url).AbsolutePath.ShouldBe("/posteingang/betrieb");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Betrieb: Zustellungen");
        await Axe.CheckAsync(page, violations, "operations");

        await page.GetByRole(AriaRole.Button, new() { Name = $"Jetzt erneut versuchen: {reference}" }).ClickAsync();
        await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync($"Zustellung {reference} ist jetzt fällig");
        await Axe.CheckAsync(page, violations, "operations-retried");

        await page.Locator("#status").SelectOptionAsync("Delivered");
        await page.Locator("form.inbox-filter button").ClickAsync();
        await Axe.CheckAsync(page, violations, "operations-delivered");
        await page.GotoAsync("/posteingang/fristen");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Kein Zugriff");
        await Axe.CheckAsync(page, violations, "operations-forbidden");

        await page.GotoAsync("/posteingang/betrieb");
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Operations: deliveries");
        await Axe.CheckAsync(page, violations, "operations-en");

        violations.ShouldBeEmpty();
    }

    private T Service<T>() where T : notnull => browser.Portal.Services.GetRequiredService<T>();

    /// <summary>The household sample's valid answers, accepted for the test authority and delivered into its inbox.</summary>
    private async Task<string> ReceivedSubmissionAsync()
    {
        var form = Service<FormCatalog>().Latest("haushalt")!;
        var answers = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Samples, "forms", "haushalt", "1.0.0", "answers", "valid.json")))!.AsObject();
        var result = form.Engine.Validate(answers);
        var accepted = await Service<SubmissionStore>().AcceptAsync(new NewSubmission
        {
            TenantId = "test", FormId = form.Id, FormVersion = form.Version, ContentHash = form.Definition.ContentHash, FormTitle = form.Definition.Title.Get("de"),
            Language = "de", AnswersJson = result.CleanAnswers.ToJsonString(), IdempotencyKey = Guid.NewGuid().ToString("N"), PostalCode = "12345",
            Pdf = "%PDF-1.4\n%%EOF\n"u8.ToArray(),
        }, [new Destination("sozialamt-test", "inbox")]);
        await Service<OutboxDispatcher>().RunOnceAsync();
        return accepted.Submission.ReferenceNumber;
    }
}
