using System.Net;
using Sozialplattform.Counselling.Storage;
using Sozialplattform.Counselling.Tests.Infrastructure;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Counselling.Tests.Web;

/// <summary>
/// Text blocks: a lead keeps them, a counsellor fills the reply box with one without JavaScript (a GET form), script
/// payloads stay text on both pages; counsellors cannot keep them, another centre neither reads nor deletes them, bad
/// blocks store nothing.
/// </summary>
public sealed class CounsellingTextBlockTests(CounsellingPortal portal) : IClassFixture<CounsellingPortal>
{
    private const string Payload = "<script>alert('baustein')</script>";

    private string DeskA => $"/beratungsstellen-verwaltung/de/online-beratung/{portal.CentreA}";

    [Fact]
    public async Task A_lead_adds_a_block_and_a_counsellor_fills_the_reply_with_it_as_text()
    {
        var id = (await portal.Browse().EnquiryAsync("Baustein-1", (await portal.ReadyAsync()).CentreA, "Hallo")).ConversationId();
        var (lead, _) = await portal.CounsellorAsync("baustein-leitung@traeger", role: TeamRole.Lead);
        var (counsellor, _) = await portal.CounsellorAsync("baustein-beratung@traeger");
        var blocks = await lead.GetAsync(DeskA + "/textbausteine");
        (await lead.PostAsync(DeskA + "/textbausteine", [blocks.AntiforgeryToken, ("action", "hinzufuegen"), ("title", "Begrüßung " + Payload), ("body", "Guten Tag,\nwir sind für Sie da. " + Payload)]))
            .Path.ShouldBe(DeskA + "/textbausteine");
        var list = await lead.GetAsync(DeskA + "/textbausteine");
        list.Html.ShouldNotContain(Payload);
        list.Text("main h2").ShouldBe("Begrüßung " + Payload);

        var page = await counsellor.PostAsync($"{DeskA}/gespraech/{id}/uebernehmen", [(await counsellor.GetAsync(DeskA)).AntiforgeryToken]);
        var option = page.Document.QuerySelector("#baustein option")!;
        option.TextContent.ShouldBe("Begrüßung " + Payload);
        var filled = await counsellor.GetAsync($"{DeskA}/gespraech/{id}?baustein={option.GetAttribute("value")}");
        filled.Document.QuerySelector("textarea#message")!.TextContent.ShouldBe("Guten Tag,\nwir sind für Sie da. " + Payload);
        filled.Html.ShouldNotContain(Payload);
        var unknown = await counsellor.GetAsync($"{DeskA}/gespraech/{id}?baustein={Guid.NewGuid()}");
        unknown.Text(".error-summary").ShouldBe("Diesen Textbaustein gibt es nicht (mehr).");
        unknown.Document.QuerySelector("textarea#message")!.TextContent.ShouldBeEmpty();
    }

    [Fact]
    public async Task Counsellors_and_another_centre_neither_keep_nor_read_a_centres_blocks_and_bad_blocks_store_nothing()
    {
        await portal.ReadyAsync();
        var (lead, _) = await portal.CounsellorAsync("baustein-leitung-2@traeger", role: TeamRole.Lead);
        var (counsellor, _) = await portal.CounsellorAsync("baustein-beratung-2@traeger");
        var (otherLead, _) = await portal.CounsellorAsync("baustein-leitung@bonn", "online-b", TeamRole.Lead);
        var token = (await lead.GetAsync(DeskA + "/textbausteine")).AntiforgeryToken;
        await lead.PostAsync(DeskA + "/textbausteine", [token, ("action", "hinzufuegen"), ("title", "Nur für A"), ("body", "Text von A")]);
        var blockId = (await lead.GetAsync(DeskA + "/textbausteine")).Document.QuerySelectorAll("main li").Single(li => li.QuerySelector("h2")!.TextContent == "Nur für A")
            .QuerySelector("input[name='block']")!.GetAttribute("value")!;
        var deskB = $"/beratungsstellen-verwaltung/de/online-beratung/{portal.CentreB}";
        var otherToken = (await otherLead.GetAsync(deskB)).AntiforgeryToken;

        (await counsellor.GetAsync(DeskA + "/textbausteine")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await counsellor.PostAsync(DeskA + "/textbausteine", [(await counsellor.GetAsync(DeskA)).AntiforgeryToken, ("action", "loeschen"), ("block", blockId)])).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await otherLead.GetAsync(DeskA + "/textbausteine")).Status.ShouldBe(HttpStatusCode.NotFound);
        (await otherLead.PostAsync(deskB + "/textbausteine", [otherToken, ("action", "loeschen"), ("block", blockId)])).Status.ShouldBe(HttpStatusCode.NotFound);
        (await otherLead.GetAsync(deskB + "/textbausteine")).Html.ShouldNotContain("Nur für A");
        (await lead.PostAsync(DeskA + "/textbausteine", [("__RequestVerificationToken", "gefälscht"), ("action", "loeschen"), ("block", blockId)])).Status.ShouldBe(HttpStatusCode.BadRequest);

        foreach (var (title, body, error) in new[] { ("", "Text", "Bitte geben Sie einen Titel ein."), (new string('t', 81), "Text", "Der Titel darf höchstens 80 Zeichen haben."), ("Titel", " ", "Bitte schreiben Sie eine Nachricht.") })
        {
            var refused = await lead.PostAsync(DeskA + "/textbausteine", [token, ("action", "hinzufuegen"), ("title", title), ("body", body)]);
            refused.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
            refused.FieldErrors.ShouldBe([error]);
        }

        var kept = await lead.GetAsync(DeskA + "/textbausteine");
        kept.Document.QuerySelectorAll("main li h2").Select(h => h.TextContent).Where(t => !t.StartsWith("Begrüßung")).ShouldBe(["Nur für A"]);
        (await lead.PostAsync(DeskA + "/textbausteine", [token, ("action", "loeschen"), ("block", blockId)])).Path.ShouldBe(DeskA + "/textbausteine");
        (await lead.GetAsync(DeskA + "/textbausteine")).Html.ShouldNotContain("Nur für A");
        (await portal.AuditAsync()).Where(a => a.Actor == "centre-account:baustein-leitung-2@traeger").Select(a => a.Action).ShouldBe(["counselling.textblock.added", "counselling.textblock.deleted"]);
    }
}
