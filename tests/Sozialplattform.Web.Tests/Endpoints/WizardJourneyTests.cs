using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Storage.Database;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Endpoints;

/// <summary>The whole journey without JavaScript: every button is a form post, every page a server rendering.</summary>
[Collection(nameof(SharedPortal))]
public sealed class WizardJourneyTests(SharedPortal portal)
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

    [Fact]
    public async Task A_citizen_without_JavaScript_applies_from_the_service_page_to_the_status_page()
    {
        var client = portal.Factory.Browse();
        var place = await Journeys.StartAsync(client, "haushalt");
        place.Text(".panel").ShouldContain("Sozialamt Teststadt");

        var first = await client.GetAsync(place.Document.QuerySelector(".panel a.button")!.GetAttribute("href")!);
        var refused = await client.SubmitAsync(first, "/senden", button: "next");
        refused.Path.ShouldEndWith("/seite/antragsteller");
        refused.SummaryErrors.ShouldContain("Bitte machen Sie eine Angabe zu „Vorname“.");
        refused.Document.QuerySelector(".error-summary a[href='#f-antragsteller-vorname']").ShouldNotBeNull();
        refused.Document.QuerySelector("#f-antragsteller-vorname")!.GetAttribute("aria-describedby").ShouldBe("f-antragsteller-vorname-error");

        var household = await client.SubmitAsync(refused, "/senden", Journeys.Applicant, "next");
        household.Path.ShouldEndWith("/seite/haushalt");
        household.Document.QuerySelector("[data-path=mitglieder]")!.HasAttribute("hidden").ShouldBeTrue();

        var withMembers = await client.SubmitAsync(household, "/senden", new Dictionary<string, string?> { ["weiterePersonen"] = "true" }, "update");
        withMembers.Document.QuerySelector("[data-path=mitglieder]")!.HasAttribute("hidden").ShouldBeFalse();
        withMembers.Document.QuerySelectorAll("fieldset.repeat__row").Length.ShouldBe(1);

        var twoRows = await client.SubmitAsync(withMembers, "/senden", button: "add:mitglieder");
        twoRows.Document.QuerySelectorAll("[data-path=mitglieder] > fieldset.repeat__row").Length.ShouldBe(2);

        var filled = await client.SubmitAsync(twoRows, "/senden", new Dictionary<string, string?>
        {
            ["mitglieder[0].vorname"] = "Mehmet", ["mitglieder[0].geburtsdatum"] = "1983-09-30", ["mitglieder[0].beziehung"] = "partner",
            ["mitglieder[1].vorname"] = "Elif", ["mitglieder[1].geburtsdatum"] = "2015-03-01", ["mitglieder[1].beziehung"] = "kind",
        }, "add:mitglieder[0].einkommen");
        filled.Document.QuerySelector("[data-path='mitglieder[1].schule']")!.HasAttribute("hidden").ShouldBeFalse("a child of school age gets the school question after the round trip");

        var uploaded = await client.SubmitAsync(filled, "/senden", new Dictionary<string, string?>
        {
            ["mitglieder[0].einkommen[0].art"] = "lohn", ["mitglieder[0].einkommen[0].betrag"] = "1.450,50", ["mitglieder[1].schule"] = "Grundschule am Park",
        }, "update", [("mitglieder[0].einkommen[0].nachweis", "lohn.pdf", Pdf)]);
        uploaded.Text("[data-path='mitglieder[0].einkommen[0].nachweis'] .file-list").ShouldContain("lohn.pdf");

        var overview = await client.SubmitAsync(uploaded, "/senden", button: "next");
        overview.Path.ShouldEndWith("/seite/uebersicht");
        overview.Text("[data-path=personen] output").ShouldBe("3");
        overview.Text("[data-path=gesamteinkommen] output").ShouldBe("1.450,50 €");

        var summary = await client.SubmitAsync(overview, "/senden", button: "next");
        summary.Path.ShouldEndWith("/zusammenfassung");
        summary.Html.ShouldContain("Grundschule am Park");

        var declarationMissing = await client.SubmitAsync(summary, "/absenden");
        declarationMissing.Path.ShouldEndWith("/zusammenfassung");
        declarationMissing.SummaryErrors.ShouldContain(e => e.StartsWith("Bitte bestätigen Sie"));

        var receipt = await client.SubmitAsync(declarationMissing, "/absenden", new Dictionary<string, string?> { ["wahrheit"] = "true" });
        receipt.Status.ShouldBe(HttpStatusCode.OK);
        receipt.Path.ShouldStartWith("/de/eingang/SP-");
        var reference = receipt.Text(".confirmation__reference");
        reference.ShouldMatch("^SP-[0-9]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$");

        var status = await client.GetAsync(receipt.Document.QuerySelector("a[href*='/status/']")!.GetAttribute("href")!);
        status.Text(".status-tag").ShouldBe("Eingegangen");
        var pdf = await client.Http.GetAsync(receipt.Document.QuerySelector("a[href*='antrag.pdf']")!.GetAttribute("href")!);
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (await pdf.Content.ReadAsByteArrayAsync()).Take(5).ShouldBe("%PDF-"u8.ToArray());
    }

    [Fact]
    public async Task A_double_click_or_a_retry_of_submit_creates_one_submission()
    {
        var client = portal.Factory.Browse();
        var summary = await CompleteKontaktAsync(client);
        var form = PortalClient.Collect((AngleSharp.Html.Dom.IHtmlFormElement)summary.Document.QuerySelector("form[action$='/absenden']")!);
        var action = summary.Document.QuerySelector("form[action$='/absenden']")!.GetAttribute("action")!;

        var both = await Task.WhenAll(client.PostAsync(action, form), client.PostAsync(action, form));
        var retry = await client.PostAsync(action, form);

        both[0].Text(".confirmation__reference").ShouldBe(both[1].Text(".confirmation__reference"));
        retry.Text(".confirmation__reference").ShouldBe(both[0].Text(".confirmation__reference"));
        (await CountAsync("submissions", "FormId = 'kontakt'")).ShouldBeGreaterThan(0);
        (await CountAsync("submissions", $"ReferenceNumber = '{retry.Text(".confirmation__reference")}'")).ShouldBe(1);
    }

    [Fact]
    public async Task Soft_required_documents_show_a_warning_and_the_application_can_still_be_submitted()
    {
        var client = portal.Factory.Browse();
        var summary = await CompleteKontaktAsync(client);
        summary.Text(".warning-summary").ShouldContain("Telefon");
        var receipt = await client.SubmitAsync(summary, "/absenden");
        receipt.Path.ShouldStartWith("/de/eingang/");
    }

    [Fact]
    public async Task A_draft_is_resumed_in_another_browser_with_the_secret_link_and_is_not_found_without_it()
    {
        var client = portal.Factory.Browse();
        var first = await Journeys.FirstPageAsync(client, "haushalt");
        var saved = await client.SubmitAsync(first, "/senden", Journeys.Applicant, "save");
        saved.Path.ShouldEndWith("/gespeichert");
        var link = new Uri(saved.Document.QuerySelector("#resume-link")!.GetAttribute("value")!);

        var stranger = portal.Factory.Browse();
        var notYours = await stranger.GetAsync(first.Path);
        notYours.Status.ShouldBe(HttpStatusCode.NotFound);
        notYours.Text("h1").ShouldBe("Antrag nicht gefunden", "the page explains itself instead of a bare 404");
        notYours.Document.Body!.TextContent.ShouldNotContain("Ayşe");
        (await stranger.GetAsync(link.AbsolutePath + "?key=falsch")).Status.ShouldBe(HttpStatusCode.NotFound);

        var resumed = await stranger.GetAsync(link.PathAndQuery);
        resumed.Path.ShouldEndWith("/seite/haushalt");
        var back = await stranger.GetAsync(first.Path);
        back.Document.QuerySelector("#f-antragsteller-vorname")!.GetAttribute("value").ShouldBe("Ayşe");
    }

    [Fact]
    public async Task The_status_page_without_the_right_secret_says_nothing_about_the_application()
    {
        var client = portal.Factory.Browse();
        var receipt = await client.SubmitAsync(await CompleteKontaktAsync(client), "/absenden");
        var reference = receipt.Text(".confirmation__reference");

        var wrong = await portal.Factory.Browse().GetAsync($"/de/status/{reference}?key=falsch");
        wrong.Status.ShouldBe(HttpStatusCode.NotFound);
        wrong.Html.ShouldNotContain("Kontakt");
        (await portal.Factory.Browse().Http.GetAsync($"/de/eingang/{reference}/antrag.pdf?key=falsch")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var other = portal.Factory.Browse();
        var form = await other.GetAsync("/de/status");
        var found = await other.SubmitAsync(form, "/status/abfragen", new Dictionary<string, string?> { ["nummer"] = reference, ["code"] = "falsch" });
        found.Path.ShouldBe("/de/status", "back on the form, with the error beside the code (StatusFormTests)");
        found.Text("#code-error").ShouldNotBeEmpty();
        found.Html.ShouldNotContain("Kontakt");
    }

    [Fact]
    public async Task An_upload_of_a_question_hidden_at_submit_is_not_handed_over_and_is_deleted_with_the_draft()
    {
        var client = portal.Factory.Browse();
        var first = await Journeys.FirstPageAsync(client, "haushalt");
        var draftId = Guid.Parse(first.Path.Split('/')[3]);
        var household = await client.SubmitAsync(first, "/senden", Journeys.Applicant, "next");
        var withMembers = await client.SubmitAsync(household, "/senden", new Dictionary<string, string?> { ["weiterePersonen"] = "true" }, "update");
        var withIncome = await client.SubmitAsync(withMembers, "/senden", new Dictionary<string, string?>
        {
            ["mitglieder[0].vorname"] = "Mehmet", ["mitglieder[0].geburtsdatum"] = "1983-09-30", ["mitglieder[0].beziehung"] = "partner",
        }, "add:mitglieder[0].einkommen");
        var uploaded = await client.SubmitAsync(withIncome, "/senden", new Dictionary<string, string?>
        {
            ["mitglieder[0].einkommen[0].art"] = "lohn", ["mitglieder[0].einkommen[0].betrag"] = "1.450,50",
        }, "update", [("mitglieder[0].einkommen[0].nachweis", "lohn.pdf", Pdf)]);
        uploaded.Text("[data-path='mitglieder[0].einkommen[0].nachweis'] .file-list").ShouldContain("lohn.pdf");
        (await FilesAsync(draftId, null)).ShouldBe([Storage.Entities.AttachmentPurpose.Attachment], "the upload is stored with the draft");

        var alone = await client.SubmitAsync(uploaded, "/senden", new Dictionary<string, string?> { ["weiterePersonen"] = "false" }, "next");
        var summary = await client.SubmitAsync(alone, "/senden", button: "next");
        summary.Path.ShouldEndWith("/zusammenfassung");
        var receipt = await client.SubmitAsync(summary, "/absenden", new Dictionary<string, string?> { ["wahrheit"] = "true" });

        receipt.Path.ShouldStartWith("/de/eingang/SP-");
        var reference = receipt.Text(".confirmation__reference");
        (await FilesAsync(draftId, null)).ShouldBeEmpty("the hidden question's upload is deleted, not left behind");
        (await FilesAsync(null, reference)).ShouldBeEmpty("an answer hidden at submit is not handed over, nor its file; the PDF is rendered after the accept");
        await using var lookup = portal.Factory.Services.GetRequiredService<SozialDatabase>().CreateContext();
        var submissionId = await lookup.Submissions.Where(s => s.ReferenceNumber == reference).Select(s => s.Id).SingleAsync();
        (await portal.Factory.Services.GetRequiredService<Delivery.Outbox.FormPdfs>().EnsureAsync(submissionId)).Pdf.ShouldNotBeNull();
        (await FilesAsync(null, reference)).ShouldBe([Storage.Entities.AttachmentPurpose.Form], "then only the PDF");
    }

    /// <summary>The one-page contact sample, filled and on the summary (telephone, a soft-required field, left empty).</summary>
    public static async Task<PortalPage> CompleteKontaktAsync(PortalClient client)
    {
        var page = await Journeys.FirstPageAsync(client, "kontakt");
        return await client.SubmitAsync(page, "/senden", new Dictionary<string, string?>
        {
            ["thema"] = "schulden", ["nachricht"] = "Ich brauche einen Termin.", ["name"] = "Sonnenblume", ["email"] = "sonne@example.org",
        }, "next");
    }

    /// <summary>The purposes of the files stored with a draft, or with the submission of a reference number.</summary>
    private async Task<List<Storage.Entities.AttachmentPurpose>> FilesAsync(Guid? draftId, string? reference)
    {
        await using var context = portal.Factory.Services.GetRequiredService<SozialDatabase>().CreateContext();
        var submission = reference is null ? (Guid?)null : await context.Submissions.Where(s => s.ReferenceNumber == reference).Select(s => s.Id).SingleAsync();
        return await context.Attachments.Where(a => draftId != null ? a.DraftId == draftId : a.SubmissionId == submission).Select(a => a.Purpose).ToListAsync();
    }

    private async Task<long> CountAsync(string table, string where)
    {
        var database = portal.Factory.Services.GetRequiredService<SozialDatabase>();
        await using var context = database.CreateContext();
        // The connection belongs to the (pooled) context: opened through it, never disposed here.
        await context.Database.OpenConnectionAsync();
        var connection = context.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE {where}";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
