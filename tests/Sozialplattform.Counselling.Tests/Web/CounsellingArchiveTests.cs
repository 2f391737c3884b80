using System.Net;
using Sozialplattform.Counselling.Tests.Infrastructure;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Counselling.Tests.Web;

/// <summary>The archive over HTTP: "Archivieren" moves a conversation from the desk to the archive page, read-only; strangers and forged tokens change nothing.</summary>
public sealed class CounsellingArchiveTests(CounsellingPortal portal) : IClassFixture<CounsellingPortal>
{
    private string DeskA => $"/beratungsstellen-verwaltung/de/online-beratung/{portal.CentreA}";

    [Fact]
    public async Task A_counsellor_archives_a_conversation_which_is_then_read_only_in_the_archive()
    {
        var id = (await portal.Browse().EnquiryAsync("Archiv-1", (await portal.ReadyAsync()).CentreA, "Archiv <script>alert(1)</script>")).ConversationId();
        var (anna, _) = await portal.CounsellorAsync("archiv-anna@traeger");
        var (bernd, _) = await portal.CounsellorAsync("archiv-bernd@bonn", "online-b");
        var page = await anna.PostAsync($"{DeskA}/gespraech/{id}/uebernehmen", [(await anna.GetAsync(DeskA)).AntiforgeryToken]);
        var before = await portal.SnapshotAsync();

        (await bernd.PostAsync($"{DeskA}/gespraech/{id}/archivieren", [(await bernd.GetAsync("/beratungsstellen-verwaltung/de")).AntiforgeryToken])).Status.ShouldBe(HttpStatusCode.NotFound);
        (await anna.PostAsync($"{DeskA}/gespraech/{id}/archivieren", [("__RequestVerificationToken", "gefälscht")])).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await portal.SnapshotAsync()).ShouldBe(before);

        var archive = await anna.PostAsync($"{DeskA}/gespraech/{id}/archivieren", [page.AntiforgeryToken]);
        archive.Path.ShouldBe($"{DeskA}/archiv");
        archive.Text("h1").ShouldBe("Archiv");
        archive.Document.QuerySelectorAll(".conversations a").Select(a => a.GetAttribute("href")).ShouldBe([$"{DeskA}/gespraech/{id}"]);
        (await anna.GetAsync(DeskA)).Html.ShouldNotContain(id.ToString());
        var read = await anna.GetAsync($"{DeskA}/gespraech/{id}");
        read.Text(".info").ShouldStartWith("Dieses Gespräch ist seit");
        read.Document.QuerySelectorAll("form[action*='/gespraech/'], textarea").ShouldBeEmpty();
        read.Html.ShouldNotContain("<script>alert(1)");
    }
}
