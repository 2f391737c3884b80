using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Counselling.Storage;
using Sozialplattform.Counselling.Tests.Infrastructure;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Counselling.Tests.Web;

/// <summary>
/// Hand-over over HTTP: the colleague gets the conversation and a content-free notice; a counsellor of another centre
/// cannot be chosen even by id, strangers and forged tokens change nothing.
/// </summary>
public sealed class CounsellingHandOverTests(CounsellingPortal portal) : IClassFixture<CounsellingPortal>
{
    private string DeskA => $"/beratungsstellen-verwaltung/de/online-beratung/{portal.CentreA}";

    [Fact]
    public async Task The_colleague_gets_the_conversation_and_a_notice_without_content_and_the_giver_loses_it()
    {
        var id = (await portal.Browse().EnquiryAsync("Uebergabe-1", (await portal.ReadyAsync()).CentreA, "Geheimer Inhalt der Übergabe")).ConversationId();
        var (anna, _) = await portal.CounsellorAsync("uebergabe-anna@traeger");
        var (arne, arneAccount) = await portal.CounsellorAsync("uebergabe-arne@traeger", noticeEmail: "arne@stelle.example.org");
        var (_, bernd) = await portal.CounsellorAsync("uebergabe-bernd@bonn", "online-b");
        var page = await anna.PostAsync($"{DeskA}/gespraech/{id}/uebernehmen", [(await anna.GetAsync(DeskA)).AntiforgeryToken]);
        page.Document.QuerySelectorAll("#colleague option").Select(o => o.GetAttribute("value")).ShouldContain(arneAccount.Id.ToString());
        page.Document.QuerySelectorAll("#colleague option").Select(o => o.GetAttribute("value")).ShouldNotContain(bernd.Id.ToString());
        var before = await portal.SnapshotAsync();

        var foreign = await anna.PostAsync($"{DeskA}/gespraech/{id}/uebergeben", [page.AntiforgeryToken, ("colleague", bernd.Id.ToString())]);
        foreign.Status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        foreign.Text(".error-summary").ShouldBe("Bitte wählen Sie eine Kollegin oder einen Kollegen aus dem Team dieser Stelle.");
        (await anna.PostAsync($"{DeskA}/gespraech/{id}/uebergeben", [("__RequestVerificationToken", "gefälscht"), ("colleague", arneAccount.Id.ToString())])).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await arne.PostAsync($"{DeskA}/gespraech/{id}/uebergeben", [page.AntiforgeryToken, ("colleague", arneAccount.Id.ToString())])).Status.ShouldBe(HttpStatusCode.BadRequest, "another session's token");
        (await portal.SnapshotAsync()).ShouldBe(before);

        var noticesBefore = (await portal.NoticesAsync()).Count;
        (await anna.PostAsync($"{DeskA}/gespraech/{id}/uebergeben", [page.AntiforgeryToken, ("colleague", arneAccount.Id.ToString())])).Path.ShouldBe(DeskA);

        (await anna.GetAsync($"{DeskA}/gespraech/{id}")).Status.ShouldBe(HttpStatusCode.NotFound);
        var arnesDesk = await arne.GetAsync(DeskA);
        arnesDesk.Document.QuerySelector($"a[href='{DeskA}/gespraech/{id}']").ShouldNotBeNull();
        (await arne.PostAsync($"{DeskA}/gespraech/{id}/antworten", [arnesDesk.AntiforgeryToken, ("message", "Ich übernehme.")])).Status.ShouldBe(HttpStatusCode.OK);
        var notice = (await portal.NoticesAsync()).Skip(noticesBefore).Single(n => n.To == "arne@stelle.example.org");
        notice.TextBody.ShouldContain("Sie haben eine neue Nachricht auf der Sozialplattform.");
        notice.TextBody.ShouldNotContain("Geheimer");
        notice.TextBody.ShouldNotContain("Uebergabe-1");
        (await portal.AuditAsync()).ShouldContain(a => a.Actor == "centre-account:uebergabe-anna@traeger" && a.Action == "counselling.conversation.handedover");
    }

    [Fact]
    public async Task A_counsellor_of_another_centre_cannot_hand_over_or_take_a_conversation_by_id()
    {
        var id = (await portal.Browse().EnquiryAsync("Uebergabe-2", (await portal.ReadyAsync()).CentreA, "Nur für A")).ConversationId();
        var (anna, _) = await portal.CounsellorAsync("uebergabe-2@traeger");
        await anna.PostAsync($"{DeskA}/gespraech/{id}/uebernehmen", [(await anna.GetAsync(DeskA)).AntiforgeryToken]);
        var (bernd, berndAccount) = await portal.CounsellorAsync("uebergabe-2@bonn", "online-b");
        var deskB = $"/beratungsstellen-verwaltung/de/online-beratung/{portal.CentreB}";
        var token = (await bernd.GetAsync(deskB)).AntiforgeryToken;
        var before = await portal.SnapshotAsync();

        (await bernd.PostAsync($"{DeskA}/gespraech/{id}/uebergeben", [token, ("colleague", berndAccount.Id.ToString())])).Status.ShouldBe(HttpStatusCode.NotFound);
        (await bernd.PostAsync($"{deskB}/gespraech/{id}/uebergeben", [token, ("colleague", berndAccount.Id.ToString())])).Status.ShouldBe(HttpStatusCode.NotFound);

        (await portal.SnapshotAsync()).ShouldBe(before);
        await using var context = portal.Services.GetRequiredService<CounsellingDatabase>().CreateContext();
        (await context.Conversations.FindAsync(id))!.CounsellorId.ShouldNotBe(berndAccount.Id);
    }
}
