using Microsoft.AspNetCore.SignalR.Client;
using HubException = Microsoft.AspNetCore.SignalR.HubException;
using Sozialplattform.Counselling.Tests.Infrastructure;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Counselling.Tests.Web;

/// <summary>
/// Live updates through the SignalR hub with the .NET client: the seeker's thread and the counsellor's desk hear
/// "changed" (the conversation's id, no content) when the other side posts; another seeker, another centre's
/// counsellor, a colleague and a stranger cannot join the conversation's group and hear nothing. The pages carry the
/// scripts but work without them.
/// </summary>
public sealed class CounsellingLiveTests(CounsellingPortal portal) : IClassFixture<CounsellingPortal>
{
    private string DeskA => $"/beratungsstellen-verwaltung/de/online-beratung/{portal.CentreA}";

    [Fact]
    public async Task The_seeker_hears_of_the_counsellors_reply_and_the_desk_hears_of_the_seekers_message()
    {
        var seeker = portal.Browse();
        var page = await seeker.EnquiryAsync("Live-1", (await portal.ReadyAsync()).CentreA, "Live-Frage");
        var id = page.ConversationId();
        page.Document.QuerySelector($"[data-live-conversation='{id}']").ShouldNotBeNull();
        page.Document.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")).ShouldContain("/_content/Sozialplattform.Counselling.Web/signalr.min.js");
        (await seeker.Http.GetAsync("/_content/Sozialplattform.Counselling.Web/signalr.min.js")).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        var (anna, _) = await portal.CounsellorAsync("live-anna@traeger");
        await using var seekerLive = await LiveClient.ConnectAsync(seeker, portal.Server.BaseAddress);
        await seekerLive.Connection.InvokeAsync("FollowConversation", id);
        await using var deskLive = await LiveClient.ConnectAsync(anna, portal.Server.BaseAddress, staff: true);
        await deskLive.Connection.InvokeAsync("FollowDesk", portal.CentreA);

        var taken = await anna.PostAsync($"{DeskA}/gespraech/{id}/uebernehmen", [(await anna.GetAsync(DeskA)).AntiforgeryToken]);
        (await seekerLive.NextAsync()).ShouldBe(id);
        (await deskLive.NextAsync()).ShouldBe(id);
        await using var conversationLive = await LiveClient.ConnectAsync(anna, portal.Server.BaseAddress, staff: true);
        await conversationLive.Connection.InvokeAsync("FollowConversation", id);

        await anna.PostAsync($"{DeskA}/gespraech/{id}/antworten", [taken.AntiforgeryToken, ("message", "Antwort live")]);
        (await seekerLive.NextAsync()).ShouldBe(id);

        var thread = await seeker.GetAsync($"/de/online-beratung/gespraech/{id}");
        await seeker.SubmitFormAsync(thread, "reply", new Dictionary<string, string> { ["message"] = "Antwort ohne JavaScript" });
        (await conversationLive.NextAsync()).ShouldBe(id);
        (await deskLive.NextAsync()).ShouldBe(id);
    }

    [Fact]
    public async Task Another_seeker_another_centre_a_colleague_and_a_stranger_cannot_follow_a_conversation()
    {
        var seeker = portal.Browse();
        var id = (await seeker.EnquiryAsync("Live-2", (await portal.ReadyAsync()).CentreA, "Nur für mich")).ConversationId();
        var other = portal.Browse();
        await other.EnquiryAsync("Live-3", portal.CentreA, "Andere");
        var (anna, _) = await portal.CounsellorAsync("live-anna2@traeger");
        var (arne, _) = await portal.CounsellorAsync("live-arne2@traeger");
        var (bernd, _) = await portal.CounsellorAsync("live-bernd2@bonn", "online-b");
        var (editor, _) = await portal.CounsellorAsync("live-ohne-rolle@traeger", role: null);
        var taken = await anna.PostAsync($"{DeskA}/gespraech/{id}/uebernehmen", [(await anna.GetAsync(DeskA)).AntiforgeryToken]);

        var outsiders = new List<LiveClient>();
        foreach (var (browser, staff) in new[] { (other, false), (arne, true), (bernd, true), (editor, true), (portal.Browse(), false), (portal.Browse(), true) })
        {
            var live = await LiveClient.ConnectAsync(browser, portal.Server.BaseAddress, staff);
            (await Should.ThrowAsync<HubException>(() => live.Connection.InvokeAsync("FollowConversation", id))).Message.ShouldContain("refused");
            outsiders.Add(live);
        }

        var bernds = outsiders[2];
        await Should.ThrowAsync<HubException>(() => bernds.Connection.InvokeAsync("FollowDesk", portal.CentreA));
        await Should.ThrowAsync<HubException>(() => outsiders[0].Connection.InvokeAsync("FollowDesk", portal.CentreA));
        await using var seekerLive = await LiveClient.ConnectAsync(seeker, portal.Server.BaseAddress);
        await seekerLive.Connection.InvokeAsync("FollowConversation", id);

        await anna.PostAsync($"{DeskA}/gespraech/{id}/antworten", [taken.AntiforgeryToken, ("message", "Nur für Live-2")]);
        (await seekerLive.NextAsync()).ShouldBe(id, "the message reached the group");
        // the seeker heard it, so it was sent to the group; every outsider had its answer before and is in no group
        foreach (var live in outsiders) live.HeardSoFar().ShouldBeEmpty();
        (await portal.AuditAsync()).Count(a => a.Action == "counselling.follow.refused" && a.Details!.Contains(id.ToString())).ShouldBe(2, "another seeker and the colleague; another centre and no role are refused before the conversation");
        foreach (var live in outsiders) await live.DisposeAsync();
    }
}
