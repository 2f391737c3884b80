using System.Net;
using System.Text.Json;
using Sozialplattform.Counselling.Tests.Infrastructure;
using Sozialplattform.Web.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace Sozialplattform.Counselling.Tests.Web;

/// <summary>
/// The seeker's export (DSGVO Art. 15/20): JSON with every message and a PDF through the platform's renderer, script
/// payloads as text in both; only for the seeker whose conversation it is.
/// </summary>
public sealed class CounsellingExportTests(CounsellingPortal portal) : IClassFixture<CounsellingPortal>
{
    private const string Payload = "<script>alert('export')</script>";

    [Fact]
    public async Task The_seeker_exports_the_conversation_as_json_and_pdf_with_script_payloads_as_text()
    {
        var seeker = portal.Browse();
        var id = (await seeker.EnquiryAsync("Export-1", (await portal.ReadyAsync()).CentreA, "Meine Frage " + Payload)).ConversationId();
        var (anna, _) = await portal.CounsellorAsync("export-1@traeger");
        var desk = $"/beratungsstellen-verwaltung/de/online-beratung/{portal.CentreA}";
        var page = await anna.PostAsync($"{desk}/gespraech/{id}/uebernehmen", [(await anna.GetAsync(desk)).AntiforgeryToken]);
        await anna.PostAsync($"{desk}/gespraech/{id}/antworten", [page.AntiforgeryToken, ("message", "Antwort mit Umlauten: äöü ß")]);

        var json = await seeker.Http.GetAsync($"/de/online-beratung/gespraech/{id}/export.json");
        json.StatusCode.ShouldBe(HttpStatusCode.OK);
        json.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var raw = await json.Content.ReadAsStringAsync();
        raw.ShouldNotContain("<script>");
        using var document = JsonDocument.Parse(raw);
        document.RootElement.GetProperty("pseudonym").GetString().ShouldBe("Export-1");
        document.RootElement.GetProperty("messages").EnumerateArray().Select(m => (m.GetProperty("author").GetString(), m.GetProperty("text").GetString()))
            .ShouldBe([("seeker", "Meine Frage " + Payload), ("centre", "Antwort mit Umlauten: äöü ß")]);
        raw.ShouldNotContain("export-1@traeger");

        var pdf = await seeker.Http.GetAsync($"/de/online-beratung/gespraech/{id}/export.pdf");
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        using var read = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
        var text = string.Join(" ", read.GetPages().Select(p => p.Text));
        text.ShouldContain("Online-Beratung – Ihr Gespräch");
        text.ShouldContain("alert('export')");
        text.ShouldContain("äöü");
        (await seeker.Http.GetAsync($"/ar/online-beratung/gespraech/{id}/export.pdf")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Another_seeker_and_no_session_get_no_export()
    {
        var id = (await portal.Browse().EnquiryAsync("Export-2", (await portal.ReadyAsync()).CentreA, "Nur meins")).ConversationId();
        var other = portal.Browse();
        await other.EnquiryAsync("Export-3", portal.CentreA, "Andere");

        foreach (var format in new[] { "json", "pdf" })
        {
            (await other.Http.GetAsync($"/de/online-beratung/gespraech/{id}/export.{format}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await portal.Browse().GetAsync($"/de/online-beratung/gespraech/{id}/export.{format}")).Path.ShouldBe("/de/online-beratung/anmelden");
        }

        (await other.Http.GetAsync($"/de/online-beratung/gespraech/{id}/export.html")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await portal.AuditAsync()).Count(a => a.Action == "counselling.open.refused" && a.Details!.Contains(id.ToString())).ShouldBe(2);
    }
}
