using System.Net;
using System.Text.Json;
using Sozialplattform.Counselling.Tests.Infrastructure;
using Sozialplattform.Web.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace Sozialplattform.Counselling.Tests.Web;

/// <summary>
/// Files with messages over HTTP without JavaScript: the seeker attaches to the enquiry and a reply, the counsellor to a
/// reply; each side downloads them (as attachments, never inline); the export lists them with their hash; disguised,
/// oversized and too many files are refused beside the field and change nothing; strangers get 404.
/// </summary>
public sealed class CounsellingAttachmentTests(CounsellingPortal portal) : IClassFixture<CounsellingPortal>
{
    private const string ScriptName = "<img src=x onerror=alert(1)>.pdf";

    private string DeskA => $"/beratungsstellen-verwaltung/de/online-beratung/{portal.CentreA}";

    [Fact]
    public async Task Seeker_and_counsellor_attach_files_and_each_side_downloads_them_and_the_export_lists_them()
    {
        await portal.ReadyAsync();
        var seeker = portal.Browse();
        (await seeker.RegisterAsync("Anhang-1", portal.CentreA)).Status.ShouldBe(HttpStatusCode.OK);
        var enquiry = await seeker.GetAsync($"/de/online-beratung/anfrage?stelle={portal.CentreA}&thema=schuldnerberatung");
        enquiry.Document.QuerySelector("form input[type=file]#files")!.GetAttribute("accept")!.ShouldContain("application/pdf");
        var pdf = TestFiles.Pdf("mahnung");
        var page = await seeker.SubmitFormAsync(enquiry, "enquiry", new Dictionary<string, string> { ["message"] = "Meine Mahnung anbei" },
            [("files", ScriptName, pdf)]);
        var id = page.ConversationId();
        page.Html.ShouldNotContain("<img src=x");
        var link = page.Document.QuerySelector(".thread__files a")!;
        link.TextContent.ShouldBe(ScriptName);

        var download = await seeker.Http.GetAsync(link.GetAttribute("href"));
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(pdf);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        download.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        download.Headers.CacheControl!.NoStore.ShouldBeTrue();

        var (anna, _) = await portal.CounsellorAsync("anhang-anna@traeger");
        var taken = await anna.PostAsync($"{DeskA}/gespraech/{id}/uebernehmen", [(await anna.GetAsync(DeskA)).AntiforgeryToken]);
        var deskLink = taken.Document.QuerySelector(".thread__files a")!.GetAttribute("href")!;
        deskLink.ShouldStartWith($"{DeskA}/gespraech/{id}/datei/");
        (await (await anna.Http.GetAsync(deskLink)).Content.ReadAsByteArrayAsync()).ShouldBe(pdf);
        (await portal.AuditAsync()).ShouldContain(a => a.Action == "counselling.file.opened" && a.Actor == "centre-account:anhang-anna@traeger");

        var replied = await anna.PostAsync($"{DeskA}/gespraech/{id}/antworten", [taken.AntiforgeryToken, ("message", "Ein Merkblatt für Sie")],
            [("files", "Merkblatt.png", TestFiles.Png), ("files", "Foto.jpg", TestFiles.Jpeg)]);
        replied.Path.ShouldBe($"{DeskA}/gespraech/{id}");
        var thread = await seeker.GetAsync($"/de/online-beratung/gespraech/{id}");
        thread.Document.QuerySelectorAll(".thread__files a").Select(a => a.TextContent).ShouldBe([ScriptName, "Merkblatt.png", "Foto.jpg"]);
        var png = await seeker.Http.GetAsync(thread.Document.QuerySelectorAll(".thread__files a")[1].GetAttribute("href"));
        png.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");

        var reply = await seeker.SubmitFormAsync(thread, "reply", new Dictionary<string, string> { ["message"] = "Danke, noch ein Brief" }, [("files", "Brief.pdf", TestFiles.Pdf("brief"))]);
        reply.Document.QuerySelectorAll(".thread__files a").Count().ShouldBe(4);

        using var json = JsonDocument.Parse(await seeker.Http.GetStringAsync($"/de/online-beratung/gespraech/{id}/export.json"));
        var files = json.RootElement.GetProperty("messages").EnumerateArray().SelectMany(m => m.GetProperty("files").EnumerateArray()).ToList();
        files.Select(f => f.GetProperty("name").GetString()).ShouldBe([ScriptName, "Merkblatt.png", "Foto.jpg", "Brief.pdf"]);
        files[0].GetProperty("sha256").GetString().ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)));
        using var exported = PdfDocument.Open(await seeker.Http.GetByteArrayAsync($"/de/online-beratung/gespraech/{id}/export.pdf"));
        var text = string.Join(" ", exported.GetPages().Select(p => p.Text));
        text.ShouldContain("Merkblatt.png");
        text.ShouldContain("Anhang:");
    }

    [Fact]
    public async Task Disguised_oversized_and_too_many_files_are_refused_beside_the_field_and_nothing_changes()
    {
        var seeker = portal.Browse();
        var page = await seeker.EnquiryAsync("Anhang-2", (await portal.ReadyAsync()).CentreA, "Erste Nachricht");
        var id = page.ConversationId();
        var before = await portal.SnapshotAsync();

        var disguised = await seeker.SubmitFormAsync(page, "reply", new Dictionary<string, string> { ["message"] = "Anbei" }, [("files", "rechnung.pdf", TestFiles.HtmlPretendingToBePdf)]);
        disguised.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        disguised.Text("#files-error").ShouldEndWith("Die Datei „rechnung.pdf“ ist kein PDF, JPEG oder PNG. Bitte wählen Sie eine solche Datei.");
        disguised.Text("#message").ShouldBe("Anbei");

        var large = await seeker.SubmitFormAsync(page, "reply", new Dictionary<string, string> { ["message"] = "Gross" }, [("files", "gross.pdf", TestFiles.LargePdf(5 * 1024 * 1024 + 1))]);
        large.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        large.Text("#files-error").ShouldContain("ist zu groß. Erlaubt sind höchstens 5 MB.");

        var many = await seeker.SubmitFormAsync(page, "reply", new Dictionary<string, string> { ["message"] = "Viele" },
            [.. Enumerable.Range(1, 4).Select(i => ("files", $"{i}.pdf", TestFiles.Pdf()))]);
        many.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        many.Text("#files-error").ShouldEndWith("Sie können höchstens 3 Dateien auf einmal anhängen.");

        var (anna, _) = await portal.CounsellorAsync("anhang-anna2@traeger");
        var taken = await anna.PostAsync($"{DeskA}/gespraech/{id}/uebernehmen", [(await anna.GetAsync(DeskA)).AntiforgeryToken]);
        before = await portal.SnapshotAsync();
        var desk = await anna.PostAsync($"{DeskA}/gespraech/{id}/antworten", [taken.AntiforgeryToken, ("message", "Bild")], [("files", "bild.png", "GIF89a........"u8.ToArray())]);
        desk.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        desk.Text("#files-error").ShouldContain("„bild.png“ ist kein PDF, JPEG oder PNG");
        (await portal.SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Another_seeker_no_session_another_centre_and_a_colleague_get_404_for_a_file()
    {
        await portal.ReadyAsync();
        var seeker = portal.Browse();
        (await seeker.RegisterAsync("Anhang-3", portal.CentreA)).Status.ShouldBe(HttpStatusCode.OK);
        var enquiry = await seeker.GetAsync($"/de/online-beratung/anfrage?stelle={portal.CentreA}&thema=schuldnerberatung");
        var page = await seeker.SubmitFormAsync(enquiry, "enquiry", new Dictionary<string, string> { ["message"] = "Mit Datei" }, [("files", "a.pdf", TestFiles.Pdf())]);
        var id = page.ConversationId();
        var file = page.Document.QuerySelector(".thread__files a")!.GetAttribute("href")!;
        var other = portal.Browse();
        await other.EnquiryAsync("Anhang-4", portal.CentreA, "Andere");

        (await other.Http.GetAsync(file)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await portal.Browse().Http.GetAsync(file)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await seeker.Http.GetAsync($"/de/online-beratung/gespraech/{id}/datei/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var (anna, _) = await portal.CounsellorAsync("anhang-anna3@traeger");
        var (arne, _) = await portal.CounsellorAsync("anhang-arne3@traeger");
        var (bernd, _) = await portal.CounsellorAsync("anhang-bernd3@bonn", "online-b");
        var taken = await anna.PostAsync($"{DeskA}/gespraech/{id}/uebernehmen", [(await anna.GetAsync(DeskA)).AntiforgeryToken]);
        var deskFile = taken.Document.QuerySelector(".thread__files a")!.GetAttribute("href")!;
        (await arne.Http.GetAsync(deskFile)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await bernd.Http.GetAsync(deskFile)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await bernd.Http.GetAsync(deskFile.Replace(portal.CentreA.ToString(), portal.CentreB.ToString()))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await portal.Browse().GetAsync(deskFile)).Path.ShouldBe("/beratungsstellen-verwaltung/de/anmelden");
        (await portal.AuditAsync()).Count(a => a.Action == "counselling.file.refused" && a.Details!.Contains(id.ToString())).ShouldBe(3);
    }
}
