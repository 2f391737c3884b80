using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Sozialplattform.Centres.Records;
using Sozialplattform.Centres.Storage;
using Sozialplattform.Centres.Tests.Infrastructure;
using Sozialplattform.Delivery.Outbox;
using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Storage.Database;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Centres.Tests.Contact;

/// <summary>
/// The counselling forms as contact requests to the centre chosen in the finder: "Kontakt aufnehmen" on the centre's page
/// starts the form with that centre (no place step), the summary names it, the receipt says "Anfrage", and the outbox
/// delivers it over the e-mail channel to the centre's own address at the real SMTP server — nowhere else, with script
/// payloads as plain text. A centre that is unknown, not public, of another tenant or without an address starts nothing
/// and is refused with its reason; one that disappears before sending stops the submit and stores nothing.
/// </summary>
public sealed class ContactRequestTests : IAsyncLifetime
{
    private const string Script = "<script>alert(1)</script>";
    private readonly int _port = FreePort.Next();
    private CentresPortal _portal = null!;
    private SmtpTestServer _smtp = null!;

    public async Task InitializeAsync()
    {
        _portal = CentresPortal.WithMail(_port);
        _smtp = await SmtpTestServer.StartAsync(_port);
    }

    public async Task DisposeAsync()
    {
        await _smtp.DisposeAsync();
        _portal.Dispose();
    }

    private static JsonObject ValidAnswers(string formId) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.LatestForm(formId), "answers", "valid.json")))!.AsObject();

    private async Task<PortalPage> StartFromCentreAsync(PortalClient client, Guid centre, string formId)
    {
        var detail = await client.GetAsync($"/de/beratungsstellen/{centre}");
        detail.Document.QuerySelector($"form[action='/de/leistungen/{formId}/starten'] input[name=ziel]")!.GetAttribute("value").ShouldBe($"centre:{centre}");
        return await client.SubmitAsync(detail, $"/leistungen/{formId}/starten");
    }

    private async Task<int> CountAsync(Func<SozialDbContext, Task<int>> count)
    {
        await using var context = _portal.Services.GetRequiredService<SozialDatabase>().CreateContext();
        return await count(context);
    }

    [Theory]
    [InlineData("schuldnerberatung", "schuldnerberatung")]
    [InlineData("suchtberatung", "sucht-alkohol")]
    [InlineData("wohnungsnotfallhilfe", "wohnungsnotfallhilfe")]
    public async Task A_request_started_at_a_centre_reaches_that_centres_mailbox_and_no_other(string formId, string topic)
    {
        var ids = await _portal.ImportAsync(
            TestCentres.Centre("gewaehlt", TestCentres.Koeln, TestCentres.Offer(topic, "50667")) with { Email = "gewaehlt@beratung.example", Name = Texts.De($"Stelle {Script}") },
            TestCentres.Centre("andere", TestCentres.Koeln, TestCentres.Offer(topic, "50667")) with { Email = "andere@beratung.example" });
        var client = _portal.Browse();

        var first = await StartFromCentreAsync(client, ids[0], formId);
        first.Path.ShouldContain("/seite/", customMessage: "a contact request has no place step");
        first.Document.QuerySelector(".steps")!.TextContent.ShouldNotContain("Ort");
        var answers = ValidAnswers(formId);
        answers["nachricht"] = $"Bitte melden {Script}";
        var summary = await new WizardWalker(client, answers).WalkAsync(first, p => !p.Path.Contains("/seite/", StringComparison.Ordinal));
        summary.Path.ShouldEndWith("/zusammenfassung");
        System.Net.WebUtility.HtmlDecode(summary.Html).ShouldContain($"Stelle {Script}");
        summary.Html.ShouldNotContain(Script);
        summary.Text("form[action$='/absenden'] button[type=submit]").ShouldBe("Anfrage an die Beratungsstelle senden");

        var receipt = await client.SubmitAsync(summary, "/absenden", new Dictionary<string, string?> { ["einwilligung"] = "true" });
        receipt.Path.ShouldStartWith("/de/eingang/SP-", customMessage: string.Join(" | ", receipt.SummaryErrors));
        receipt.Text("h1").ShouldBe("Ihre Anfrage ist eingegangen");
        var reference = receipt.Text(".confirmation__reference");

        var report = await _portal.Services.GetRequiredService<OutboxDispatcher>().RunOnceAsync();
        report.Delivered.ShouldBe(1);
        var mail = _smtp.Received().ShouldHaveSingleItem();
        mail.To.Mailboxes.Single().Address.ShouldBe("gewaehlt@beratung.example");
        mail.Subject.ShouldBe($"Kontaktanfrage {reference}", "the subject names no topic");
        mail.HtmlBody.ShouldBeNull("plain text only: nothing of the request can become markup");
        mail.TextBody!.ShouldContain($"Kontaktanfrage für Stelle {Script} eingegangen");
        var attachments = mail.Attachments.OfType<MimePart>().ToDictionary(a => a.FileName ?? "", Read);
        attachments.Keys.ShouldContain("antrag.json");
        JsonNode.Parse(attachments["antrag.json"])!["nachricht"]!.GetValue<string>().ShouldBe($"Bitte melden {Script}");
        attachments["antrag.xml"].ShouldContain("Bitte melden &lt;script&gt;alert(1)&lt;/script&gt;");
        attachments["antrag.xml"].ShouldNotContain(Script);
    }

    private static string Read(MimePart part)
    {
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public async Task A_centre_that_is_unknown_not_public_of_another_tenant_or_without_address_starts_nothing_and_says_why()
    {
        var ids = await _portal.ImportAsync(TestCentres.Centre("offen", TestCentres.Koeln),
            TestCentres.Centre("ohne-mail", TestCentres.Bonn) with { Email = null });
        var store = _portal.Services.GetRequiredService<CentreStore>();
        var draft = await store.CreateDraftAsync("test", TestCentres.Centre("entwurf", TestCentres.Koeln), "test");
        var (_, elsewhere) = await store.ImportAsync("anderes-land", TestCentres.Centre("fremd", TestCentres.Koeln), "test");
        var client = _portal.Browse();
        var detail = await client.GetAsync($"/de/beratungsstellen/{ids[0]}");
        (await client.GetAsync($"/de/beratungsstellen/{ids[1]}")).Document.QuerySelector("form[action$='/starten']").ShouldBeNull("no e-mail address: no contact form");
        var drafts = await CountAsync(c => c.Drafts.CountAsync());

        foreach (var (target, code, text) in new (string?, string, string)[]
                 {
                     ($"centre:{Guid.NewGuid()}", "unknown", "Diese Beratungsstelle kennen wir nicht."),
                     ($"centre:{elsewhere}", "unknown", "Diese Beratungsstelle kennen wir nicht."),
                     ("centre:kein-guid", "unknown", "Diese Beratungsstelle kennen wir nicht."),
                     ($"authority:{Script}", "unknown", "Diese Beratungsstelle kennen wir nicht."),
                     ($"centre:{draft}", "inactive", "nicht mehr im Verzeichnis"),
                     ($"centre:{ids[1]}", "noAddress", "keine E-Mail-Adresse hinterlegt"),
                     (null, "missing", "Wählen Sie zuerst eine Beratungsstelle"),
                 })
        {
            var page = await client.SubmitAsync(detail, "/leistungen/schuldnerberatung/starten", new Dictionary<string, string?> { ["ziel"] = target });
            page.Url.Query.ShouldBe($"?ziel={code}", target);
            page.Path.ShouldBe("/de/leistungen/schuldnerberatung");
            System.Net.WebUtility.HtmlDecode(page.Text("[role=alert]")).ShouldContain(text);
            page.Html.ShouldNotContain(Script);
        }

        (await CountAsync(c => c.Drafts.CountAsync())).ShouldBe(drafts, "a refused destination starts no draft");
        (await CountAsync(c => c.Submissions.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task A_centre_that_leaves_the_directory_before_the_request_is_sent_stops_the_submit_and_nothing_is_stored()
    {
        var ids = await _portal.ImportAsync(TestCentres.Centre("geht", TestCentres.Koeln) with { Email = "geht@beratung.example" });
        var client = _portal.Browse();
        var summary = await new WizardWalker(client, ValidAnswers("schuldnerberatung"))
            .WalkAsync(await StartFromCentreAsync(client, ids[0], "schuldnerberatung"), p => !p.Path.Contains("/seite/", StringComparison.Ordinal));
        await using (var context = _portal.Services.GetRequiredService<CentresDatabase>().CreateContext())
            await context.Centres.Where(c => c.Id == ids[0]).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CentreStatus.Archived).SetProperty(c => c.Revision, c => c.Revision + 1));
        await WaitForAsync(async () => await _portal.Services.GetRequiredService<Sozialplattform.Centres.Search.CentreFinder>().FindAsync(ids[0]) is null);

        var refused = await client.SubmitAsync(summary, "/absenden", new Dictionary<string, string?> { ["einwilligung"] = "true" });

        refused.Path.ShouldEndWith("/zusammenfassung");
        refused.SummaryErrors.ShouldContain(e => e.Contains("nimmt über das Portal zurzeit keine Anfragen an"));
        (await CountAsync(c => c.Submissions.CountAsync())).ShouldBe(0);
        (await CountAsync(c => c.Outbox.CountAsync())).ShouldBe(0);
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!await condition()) await Task.Delay(50, timeout.Token);
    }
}
