using System.Net;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Microsoft.EntityFrameworkCore;
using Sozialplattform.Delivery.Answers;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Web.Catalog;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Web.Tests.Inbox;

/// <summary>A caseworker's day: find, read, download, export, change the status, note, follow up — all of it audited.</summary>
public sealed class InboxWorkTests(InboxHost host) : IClassFixture<InboxHost>
{
    private InboxPortal Portal => host.Portal;

    [Fact]
    public async Task Every_view_download_export_and_change_of_a_submission_is_written_to_the_audit_log()
    {
        await Portal.CaseworkerAsync("w-audit", InboxPortal.AuthorityA);
        var accepted = await Portal.SubmitAsync(InboxPortal.AuthorityA);
        await Portal.DeliverAsync();
        var client = await Portal.SignInAsync("w-audit");
        var id = accepted.Submission.Id;

        var detail = await client.GetAsync($"/posteingang/antraege/{id}");
        detail.Status.ShouldBe(HttpStatusCode.OK);
        detail.Text("h1").ShouldStartWith(accepted.Submission.ReferenceNumber);
        detail.Html.ShouldContain("Grundschule am Park", customMessage: "the answers are shown as the submission document");
        var pdf = await client.Http.GetAsync(detail.Document.QuerySelector("a[href*='/dateien/']")!.GetAttribute("href"));
        (await pdf.Content.ReadAsByteArrayAsync()).ShouldBe(InboxPortal.Pdf);
        var upload = detail.Document.QuerySelectorAll("a[href*='/dateien/']").Single(a => a.TextContent == "Lohnabrechnung Oktober.pdf");
        (await client.Http.GetAsync(upload.GetAttribute("href"))).Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("Lohnabrechnung Oktober.pdf");
        await client.Http.GetAsync($"/posteingang/antraege/{id}/antrag.json");
        await client.Http.GetAsync($"/posteingang/antraege/{id}/antrag.xml");
        detail = await client.SubmitAsync(detail, "/status", new Dictionary<string, string?> { ["status"] = "InReview" });
        detail = await client.SubmitAsync(detail, "/notizen", new Dictionary<string, string?> { ["notiz"] = "Mietvertrag fehlt." });
        detail = await client.SubmitAsync(detail, "/wiedervorlagen", new Dictionary<string, string?> { ["datum"] = "2026-12-01", ["grund"] = "Mietvertrag da?" });
        detail = await client.SubmitAsync(detail, "/erledigt");
        detail.Text(".inbox-saved").ShouldBe("Gespeichert.");

        await using var context = Portal.Get<SozialDatabase>().CreateContext();
        var trail = await context.AuditLog.Where(a => a.SubmissionId == id).OrderBy(a => a.Id).ToListAsync();
        trail.Select(a => a.Action).ShouldBe([
            "inbox.received", "submission.view", "submission.download", "submission.download", "submission.export", "submission.export",
            "submission.status", "submission.view", "submission.note", "submission.view", "submission.follow-up", "submission.view", "submission.follow-up-done", "submission.view",
        ]);
        trail.Skip(1).ShouldAllBe(a => a.Actor == "w-audit");
        trail.Where(a => a.Action == "submission.export").Select(a => a.Details).ShouldBe(["json", "xml"]);
    }

    [Fact]
    public async Task The_JSON_export_is_valid_against_the_forms_schema_and_the_XML_export_against_the_generated_XSD()
    {
        await Portal.CaseworkerAsync("w-export", InboxPortal.AuthorityA);
        var accepted = await Portal.SubmitAsync(InboxPortal.AuthorityA);
        await Portal.DeliverAsync();
        var client = await Portal.SignInAsync("w-export");
        var engine = Portal.Get<FormCatalog>().Latest("haushalt")!.Engine;

        var json = await client.Http.GetAsync($"/posteingang/antraege/{accepted.Submission.Id}/antrag.json");
        json.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var text = await json.Content.ReadAsStringAsync();
        var schema = await NJsonSchema.JsonSchema.FromJsonAsync(engine.ExportJsonSchema().ToJsonString());
        schema.Validate(text).ShouldBeEmpty();
        JsonNode.Parse(text)!["antragsteller"]!["nachname"]!.GetValue<string>().ShouldBe("Yılmaz");

        var xml = XDocument.Parse(await (await client.Http.GetAsync($"/posteingang/antraege/{accepted.Submission.Id}/antrag.xml")).Content.ReadAsStringAsync());
        xml.Root!.Name.ShouldBe(AnswersXml.Namespace("haushalt", "1.0.0") + "antrag");
        xml.Root.Attribute("referenceNumber")!.Value.ShouldBe(accepted.Submission.ReferenceNumber);
        var schemas = new XmlSchemaSet();
        var xsd = AnswersXsd.FromJsonSchema(System.Text.Json.JsonSerializer.SerializeToElement(engine.ExportJsonSchema()), "haushalt", "1.0.0");
        schemas.Add(null, xsd.CreateReader());
        var problems = new List<string>();
        xml.Validate(schemas, (_, e) => problems.Add(e.Message));
        problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_status_change_with_a_message_is_what_the_applicant_sees_on_the_status_page()
    {
        await Portal.CaseworkerAsync("w-status", InboxPortal.AuthorityA);
        var accepted = await Portal.SubmitAsync(InboxPortal.AuthorityA);
        await Portal.DeliverAsync();
        var client = await Portal.SignInAsync("w-status");
        var detail = await client.GetAsync($"/posteingang/antraege/{accepted.Submission.Id}");

        var refused = await client.SubmitAsync(detail, "/status", new Dictionary<string, string?> { ["status"] = "DocumentsRequested", ["nachricht"] = "  " });
        refused.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        refused.SummaryErrors.ShouldBe(["Bitte schreiben Sie eine Nachricht: welche Unterlagen fehlen bzw. was entschieden wurde."]);
        refused.Document.QuerySelector("#nachricht")!.GetAttribute("aria-describedby").ShouldBe("nachricht-hint nachricht-error");
        refused.Document.QuerySelector("#status option[selected]")!.GetAttribute("value").ShouldBe("DocumentsRequested");

        var saved = await client.SubmitAsync(refused, "/status", new Dictionary<string, string?> { ["status"] = "DocumentsRequested", ["nachricht"] = "Bitte reichen Sie den Mietvertrag nach." });
        saved.Text(".inbox-saved").ShouldBe("Gespeichert.");
        saved.Text(".status-tag").ShouldBe("Unterlagen nachgefordert");

        var applicant = Portal.Browse();
        var status = await applicant.GetAsync($"/de/status/{accepted.Submission.ReferenceNumber}?key={Uri.EscapeDataString(accepted.StatusSecret)}");
        status.Text(".status-tag").ShouldBe("Unterlagen nachgefordert");
        status.Document.QuerySelectorAll(".timeline li").Length.ShouldBe(2);
        status.Text(".timeline li:last-child p").ShouldBe("Bitte reichen Sie den Mietvertrag nach.");
        await using var context = Portal.Get<SozialDatabase>().CreateContext();
        (await context.StatusEvents.CountAsync(e => e.SubmissionId == accepted.Submission.Id)).ShouldBe(2, "the refused change stored nothing");
    }

    [Fact]
    public async Task The_list_finds_by_whole_name_without_accents_and_by_part_of_the_reference_and_filters_by_status_form_date_and_due_follow_ups()
    {
        await Portal.CaseworkerAsync("w-search", InboxPortal.AuthorityB);
        var mueller = await Portal.SubmitAsync(InboxPortal.AuthorityB, change: a => a["antragsteller"]!["nachname"] = "Müller-Lüdenscheidt");
        var other = await Portal.SubmitAsync(InboxPortal.AuthorityB, "kontakt", a => a["name"] = "Jo Beispiel");
        await Portal.DeliverAsync();
        var client = await Portal.SignInAsync("w-search");

        References(await client.GetAsync("/posteingang?q=mueller")).ShouldBeEmpty("whole words after folding: ü is u, not ue");
        References(await client.GetAsync("/posteingang?q=MULLER")).ShouldBe([mueller.Submission.ReferenceNumber]);
        References(await client.GetAsync("/posteingang?q=ayse+l%C3%BCdenscheidt")).ShouldBe([mueller.Submission.ReferenceNumber]);
        References(await client.GetAsync("/posteingang?q=Mehmet")).ShouldBe([mueller.Submission.ReferenceNumber], "household members' names are indexed too");
        References(await client.GetAsync("/posteingang?q=Mull")).ShouldBeEmpty("no parts of names");
        References(await client.GetAsync($"/posteingang?q={other.Submission.ReferenceNumber[^4..].ToLowerInvariant()}")).ShouldBe([other.Submission.ReferenceNumber]);
        var list = await client.GetAsync("/posteingang?form=kontakt");
        References(list).ShouldBe([other.Submission.ReferenceNumber]);
        list.Document.QuerySelector($"a[href='/posteingang/antraege/{mueller.Submission.Id}']").ShouldBeNull();
        (await client.GetAsync("/posteingang")).Text(".inbox-table").ShouldContain("Müller-Lüdenscheidt, Ayşe");

        var detail = await client.GetAsync($"/posteingang/antraege/{other.Submission.Id}");
        detail = await client.SubmitAsync(detail, "/status", new Dictionary<string, string?> { ["status"] = "Decided", ["nachricht"] = "Bewilligt." });
        await client.SubmitAsync(detail, "/wiedervorlagen", new Dictionary<string, string?> { ["datum"] = "01.01.2020", ["grund"] = "Bescheid raus?" });
        References(await client.GetAsync("/posteingang?status=Decided")).ShouldBe([other.Submission.ReferenceNumber]);
        References(await client.GetAsync("/posteingang?faellig=1")).ShouldBe([other.Submission.ReferenceNumber]);
        References(await client.GetAsync("/posteingang?von=2000-01-01&bis=2000-12-31")).ShouldBeEmpty();
        (await client.GetAsync("/posteingang?von=2026-13-45")).SummaryErrors.ShouldBe(["Bitte geben Sie ein Datum im Format TT.MM.JJJJ ein."]);

        var deadlines = await client.GetAsync("/posteingang/fristen");
        deadlines.Text(".inbox-table tbody").ShouldContain("Bescheid raus?");
        deadlines.Text(".inbox-overdue").ShouldBe("(überfällig)");
    }

    [Fact]
    public async Task Only_a_team_lead_reads_the_audit_trail_of_a_submission()
    {
        await Portal.CaseworkerAsync("w-plain", InboxPortal.AuthorityA);
        await Portal.CaseworkerAsync("w-lead", InboxPortal.AuthorityA, CaseworkerRole.Lead);
        var accepted = await Portal.SubmitAsync(InboxPortal.AuthorityA);
        await Portal.DeliverAsync();

        (await (await Portal.SignInAsync("w-plain")).GetAsync($"/posteingang/antraege/{accepted.Submission.Id}")).Html.ShouldNotContain("Protokoll");
        var lead = await (await Portal.SignInAsync("w-lead")).GetAsync($"/posteingang/antraege/{accepted.Submission.Id}");
        lead.Text("h2:last-of-type").ShouldBe("Protokoll (nur Teamleitung)");
        lead.Html.ShouldContain("w-plain");
    }

    private static List<string> References(PortalPage page) =>
        page.Document.QuerySelectorAll(".inbox-table tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ToList();
}
