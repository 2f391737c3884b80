using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Sozialplattform.Browser.Tests.Infrastructure;
using Sozialplattform.Delivery.Outbox;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Storage.Inbox;
using Sozialplattform.Storage.Submissions;
using Sozialplattform.Web.Catalog;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Browser.Tests;

/// <summary>
/// A whole case in Chromium, once with JavaScript and once without: the caseworker asks for documents, the applicant
/// hands in two files with a message on the status page, the caseworker sees them in the timeline, ticks the checklist
/// and sends a decision, the applicant downloads it and the caseworker sees when; then the case is forwarded to the
/// Jobcenter — the Sozialamt keeps only the stub, the Jobcenter works on it, the status page names the Jobcenter. Axe on
/// every page met (in the run with JavaScript: axe is a script).
/// </summary>
[Collection(nameof(BrowserFixture))]
public sealed class CaseJourneyInBrowserTests(BrowserFixture browser)
{
    private const string Password = "Browser-Fall-2026-Journey";
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    [SkippableTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_case_goes_from_documents_asked_for_through_a_hand_in_and_a_decision_to_another_authority(bool javaScript)
    {
        var name = javaScript ? "js" : "ohne-js";
        var violations = new List<string>();
        // axe-core is a script: in a context without JavaScript Playwright's evaluate never returns. The pages are the
        // same with and without script, so the run with JavaScript checks them.
        Task AxeAsync(IPage page, List<string> found, string checkedPage) => javaScript ? Axe.CheckAsync(page, found, checkedPage) : Task.CompletedTask;
        var accepted = await ReceivedCaseAsync();
        var reference = accepted.Submission.ReferenceNumber;
        var detailUrl = $"/posteingang/antraege/{accepted.Submission.Id}";
        var statusUrl = $"/de/status/{reference}?key={Uri.EscapeDataString(accepted.StatusSecret)}";
        var accounts = new CaseworkerAccounts(Service<SozialDatabase>());
        await accounts.CreateAsync($"fall-{name}", $"Fall {name}", Password, "test", "sozialamt-test");
        await accounts.CreateAsync($"jc-{name}", $"Jobcenter {name}", Password, "test", "jobcenter-test");

        var caseworker = await SignInAsync($"fall-{name}", javaScript);
        await caseworker.GotoAsync(detailUrl);
        await caseworker.Locator("#status").SelectOptionAsync("DocumentsRequested");
        await caseworker.Locator("#nachricht").FillAsync("Bitte reichen Sie den Mietvertrag und Ihren Ausweis nach.");
        await caseworker.Locator("form[action$='/status'] button").ClickAsync();
        await Assertions.Expect(caseworker.Locator(".status-tag").First).ToHaveTextAsync("Unterlagen nachgefordert");
        await AxeAsync(caseworker, violations, $"case-asked-{name}");

        var applicant = await browser.NewPageAsync(javaScript);
        await applicant.GotoAsync(statusUrl);
        await Assertions.Expect(applicant.Locator(".status-authority")).ToContainTextAsync("Sozialamt Teststadt");
        await Assertions.Expect(applicant.Locator("main")).ToContainTextAsync("Bitte reichen Sie den Mietvertrag und Ihren Ausweis nach.");
        await AxeAsync(applicant, violations, $"status-asked-{name}");
        await applicant.Locator("#nachricht").FillAsync("Hier sind Mietvertrag und Ausweis.");
        await applicant.Locator("#dateien").SetInputFilesAsync([
            new FilePayload { Name = "mietvertrag.pdf", MimeType = "application/pdf", Buffer = Pdf },
            new FilePayload { Name = "ausweis.png", MimeType = "image/png", Buffer = Png },
        ]);
        await applicant.Locator("form[action$='/nachreichen'] button").ClickAsync();
        await Assertions.Expect(applicant.Locator(".case-receipt")).ToContainTextAsync($"{reference}-N1");
        await Assertions.Expect(applicant.Locator(".case-message--handin")).ToContainTextAsync("mietvertrag.pdf");
        await AxeAsync(applicant, violations, $"status-handed-in-{name}");

        await caseworker.GotoAsync(detailUrl);
        var handIn = caseworker.Locator(".case-timeline__entry--handin");
        await Assertions.Expect(handIn).ToContainTextAsync("Hier sind Mietvertrag und Ausweis.");
        await Assertions.Expect(handIn).ToContainTextAsync("mietvertrag.pdf");
        await Assertions.Expect(handIn).ToContainTextAsync("ausweis.png");
        await caseworker.Locator("#erledigt-identitaet").CheckAsync();
        await caseworker.Locator("#erledigt-einkommen").CheckAsync();
        await caseworker.Locator("form[action$='/checkliste'] button").ClickAsync();
        await Assertions.Expect(caseworker.Locator("#erledigt-einkommen")).ToBeCheckedAsync();
        await Assertions.Expect(caseworker.Locator("main")).ToContainTextAsync("2 von 3 erledigt");
        await caseworker.Locator("#mitteilung").FillAsync("Ihr Bescheid liegt bei.");
        await caseworker.Locator("#bescheid").SetInputFilesAsync(new FilePayload { Name = "Bescheid.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await caseworker.Locator("form[action$='/mitteilungen'] button").ClickAsync();
        await Assertions.Expect(caseworker.Locator(".case-timeline__entry--decision .case-opened")).ToHaveTextAsync("Noch nicht geöffnet");
        await AxeAsync(caseworker, violations, $"case-decided-{name}");

        await applicant.GotoAsync(statusUrl);
        var decision = applicant.Locator(".case-message--decision");
        await Assertions.Expect(decision).ToContainTextAsync("Ihr Bescheid liegt bei.");
        var href = await decision.Locator("a").First.GetAttributeAsync("href");
        var download = await applicant.APIRequest.GetAsync(new Uri(new Uri(applicant.Url), href).ToString());
        download.Status.ShouldBe(200);
        (await download.BodyAsync()).ShouldBe(Pdf);
        await AxeAsync(applicant, violations, $"status-decision-{name}");

        await caseworker.GotoAsync(detailUrl);
        await Assertions.Expect(caseworker.Locator(".case-timeline__entry--decision .case-opened")).ToContainTextAsync("Geöffnet am");
        await caseworker.Locator("#ziel").SelectOptionAsync("jobcenter-test");
        await caseworker.Locator("#weiterleitung").FillAsync("Zuständig ist das Jobcenter (Bürgergeld).");
        await caseworker.Locator("form[action$='/weiterleitung'] button").ClickAsync();
        await Assertions.Expect(caseworker.Locator(".case-stub")).ToContainTextAsync("Jobcenter Teststadt");
        await AxeAsync(caseworker, violations, $"case-stub-{name}");
        (await caseworker.APIRequest.GetAsync(new Uri(new Uri(caseworker.Url), detailUrl + "/antrag.json").ToString())).Status.ShouldBe(404, "the Sozialamt lost access to the content");

        var jobcenter = await SignInAsync($"jc-{name}", javaScript);
        await jobcenter.GotoAsync(detailUrl);
        await Assertions.Expect(jobcenter.Locator(".case-timeline__entry--handin")).ToContainTextAsync("mietvertrag.pdf");
        await Assertions.Expect(jobcenter.Locator("main")).ToContainTextAsync("Zuständig ist das Jobcenter (Bürgergeld).");
        await Assertions.Expect(jobcenter.Locator("#erledigt-einkommen")).ToBeCheckedAsync();
        await AxeAsync(jobcenter, violations, $"case-forwarded-{name}");

        await applicant.GotoAsync(statusUrl);
        await Assertions.Expect(applicant.Locator(".status-authority")).ToContainTextAsync("Jobcenter Teststadt");
        await AxeAsync(applicant, violations, $"status-forwarded-{name}");

        await using var context = Service<SozialDatabase>().CreateContext();
        (await context.Attachments.Where(a => a.SubmissionId == accepted.Submission.Id && a.Purpose == AttachmentPurpose.HandIn).Select(a => a.FileName).ToListAsync())
            .ShouldBe(["mietvertrag.pdf", "ausweis.png"], ignoreOrder: true);
        violations.ShouldBeEmpty();
    }

    private async Task<IPage> SignInAsync(string login, bool javaScript)
    {
        var page = await browser.NewPageAsync(javaScript);
        await page.GotoAsync("/posteingang/anmelden");
        await page.Locator("#login").FillAsync(login);
        await page.Locator("#password").FillAsync(Password);
        await page.Locator("form.inbox-login button").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Anträge");
        return page;
    }

    private T Service<T>() where T : notnull => browser.Portal.Services.GetRequiredService<T>();

    /// <summary>The household sample's valid answers, accepted for the Sozialamt and delivered into its inbox.</summary>
    private async Task<AcceptResult> ReceivedCaseAsync()
    {
        var form = Service<FormCatalog>().Latest("haushalt")!;
        var answers = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Samples, "forms", "haushalt", form.Version, "answers", "valid.json")))!.AsObject();
        var result = form.Engine.Validate(answers);
        var accepted = await Service<SubmissionStore>().AcceptAsync(new NewSubmission
        {
            TenantId = "test", FormId = form.Id, FormVersion = form.Version, ContentHash = form.Definition.ContentHash, FormTitle = form.Definition.Title.Get("de"),
            Language = "de", AnswersJson = result.CleanAnswers.ToJsonString(), IdempotencyKey = Guid.NewGuid().ToString("N"), PostalCode = "12345", Pdf = Pdf,
        }, [new Destination("sozialamt-test", "inbox")]);
        await Service<OutboxDispatcher>().RunOnceAsync();
        return accepted;
    }
}
