using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sozialplattform.Counselling.Conversations;
using Sozialplattform.Counselling.Storage;
using Sozialplattform.Counselling.Tests.Infrastructure;
using Sozialplattform.Counselling.Web.Live;
using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Web.Tests.Infrastructure;
using HubException = Microsoft.AspNetCore.SignalR.HubException;

namespace Sozialplattform.Counselling.Tests.Web;

/// <summary>
/// A host with the tenant's STUN and TURN servers (coturn's shared secret, relay only), 3 calls per counsellor an hour,
/// and video calls on a clock the tests move by hand (only the calls': cookies and second factors keep real time).
/// </summary>
public sealed class VideoPortal : IDisposable
{
    public const string TurnSecret = "coturn-geheimnis";

    public VideoPortal() =>
        Portal = CounsellingPortal.With(builder =>
        {
            builder.UseSetting("Sozialplattform:Counselling:Video:IceServers:0:Urls:0", "stun:stun.example.org:3478");
            builder.UseSetting("Sozialplattform:Counselling:Video:IceServers:1:Urls:0", "turn:turn.example.org:3478?transport=udp");
            builder.UseSetting("Sozialplattform:Counselling:Video:IceServers:1:Urls:1", "turns:turn.example.org:5349");
            builder.UseSetting("Sozialplattform:Counselling:Video:TurnSecret", TurnSecret);
            builder.UseSetting("Sozialplattform:Counselling:Video:RelayOnly", "true");
            builder.UseSetting("Sozialplattform:Counselling:Video:CallsPerCounsellorPerHour", "3");
            builder.ConfigureTestServices(services => services.AddSingleton(provider => new VideoCalls(provider.GetRequiredService<ConversationStore>(),
                provider.GetRequiredService<CounsellorDesk>(), provider.GetRequiredService<SeekerConversations>(), TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(120), Clock)));
        });

    public ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);

    public CounsellingPortal Portal { get; }

    public void Dispose() => Portal.Dispose();
}

/// <summary>
/// Video calls over the hub with the .NET SignalR client and each browser's cookies: the counsellor who reads the open
/// conversation calls, its seeker accepts, offer, answer and candidates reach the other side only; anyone else — another
/// seeker, another centre, a colleague, a role-less account, a stranger, the seeker starting — is refused and audited;
/// a second accept, an accept after the hang-up or after the ring time, signalling after the call's time and hostile
/// descriptions are refused with a sentence; the tenant's STUN/TURN servers go to the two participants only; the limit
/// per counsellor holds under parallel starts.
/// </summary>
public sealed class CounsellingVideoTests(VideoPortal video) : IClassFixture<VideoPortal>
{
    private const string Sdp = "v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\n"
        + "c=IN IP4 0.0.0.0\r\na=mid:0\r\na=sendrecv\r\na=rtpmap:96 VP8/90000\r\n";
    private const string Candidate = "candidate:842163049 1 udp 1677729535 192.0.2.10 46154 typ host generation 0";

    private CounsellingPortal Portal => video.Portal;

    private string DeskA => $"/beratungsstellen-verwaltung/de/online-beratung/{Portal.CentreA}";

    [Fact]
    public async Task The_counsellor_calls_the_seeker_accepts_and_offer_answer_and_candidates_reach_only_the_other_side()
    {
        var (seeker, id, anna) = await OpenConversationAsync("v1");
        await using var seekerPage = await VideoClient.ConnectAsync(seeker, Portal.Server.BaseAddress);
        await using var seekerTab = await VideoClient.ConnectAsync(seeker, Portal.Server.BaseAddress);
        (await seekerPage.WatchAsync(id)).ShouldBeNull("nothing rings yet");
        await seekerTab.WatchAsync(id);
        await using var desk = await VideoClient.ConnectAsync(anna, Portal.Server.BaseAddress, staff: true);

        var started = await desk.StartAsync(id);
        started.ExpiresAt.ShouldBe(video.Clock.GetUtcNow().UtcDateTime.AddMinutes(3), TimeSpan.FromSeconds(1));
        (await seekerPage.NextAsync()).ShouldBe(new VideoClient.Heard(ConversationHub.CallRinging, started.CallId, []), VideoHeard.Same);
        (await seekerTab.NextAsync()).Method.ShouldBe(ConversationHub.CallRinging);
        (await seekerTab.WatchAsync(id))!.CallId.ShouldBe(started.CallId, "a page opened later sees the call ringing");

        var accepted = await seekerPage.AcceptAsync(started.CallId);
        accepted.CallId.ShouldBe(started.CallId);
        accepted.ExpiresAt.ShouldBe(video.Clock.GetUtcNow().UtcDateTime.AddMinutes(120), TimeSpan.FromSeconds(1));
        (await desk.NextAsync()).Method.ShouldBe(ConversationHub.CallAccepted);
        (await seekerTab.NextAsync()).Method.ShouldBe(ConversationHub.CallClosed, "the other tab stops ringing");

        await desk.Connection.InvokeAsync("SendOffer", started.CallId, Sdp);
        var offer = await seekerPage.NextAsync();
        (offer.Method, offer.Values[0]).ShouldBe((ConversationHub.Offer, (object?)Sdp));
        await seekerPage.Connection.InvokeAsync("SendAnswer", started.CallId, Sdp);
        (await desk.NextAsync()).Method.ShouldBe(ConversationHub.Answer);
        await desk.Connection.InvokeAsync("SendCandidate", started.CallId, Candidate, "0", 0);
        var candidate = await seekerPage.NextAsync();
        candidate.Values.ShouldBe(new object?[] { Candidate, "0", 0 });
        await seekerPage.Connection.InvokeAsync("SendCandidate", started.CallId, "", "0", 0);
        (await desk.NextAsync()).Method.ShouldBe(ConversationHub.Candidate, "the end of candidates passes too");

        var replay = await Should.ThrowAsync<HubException>(() => seekerTab.AcceptAsync(started.CallId));
        replay.Message.ShouldContain("schon angenommen, abgelehnt oder beendet");
        (await Should.ThrowAsync<HubException>(() => seekerTab.Connection.InvokeAsync("SendOffer", started.CallId, Sdp))).Message.ShouldContain("nicht für Sie bestimmt");

        await seekerPage.Connection.InvokeAsync("HangUp", started.CallId);
        var ended = await desk.NextAsync();
        (ended.Method, ended.Values[0]).ShouldBe((ConversationHub.CallEnded, (object?)"ended"));
        (await Should.ThrowAsync<HubException>(() => desk.Connection.InvokeAsync("SendOffer", started.CallId, Sdp))).Message.ShouldContain("beendet");
        (await Should.ThrowAsync<HubException>(() => seekerPage.AcceptAsync(started.CallId))).Message.ShouldContain("schon angenommen");

        seekerPage.HeardSoFar().ShouldBeEmpty("the seeker heard only what was meant for it, nothing of its own");
        seekerTab.HeardSoFar().Where(h => h.Method is ConversationHub.Offer or ConversationHub.Answer or ConversationHub.Candidate).ShouldBeEmpty();
        var audit = (await Portal.AuditAsync()).Where(a => a.Details?.Contains(id.ToString()) == true && a.Action.StartsWith("counselling.video.")).Select(a => a.Action).ToList();
        audit.ShouldContain("counselling.video.started");
        audit.ShouldContain("counselling.video.accepted");
        audit.ShouldContain("counselling.video.ended");
        audit.Count(a => a == "counselling.video.refused").ShouldBe(4, "the replayed accept, the other tab's offer, the offer and the accept after the hang-up");
    }

    [Fact]
    public async Task Another_seeker_another_centre_a_colleague_a_role_less_account_a_stranger_and_the_seeker_cannot_start_watch_accept_or_signal_and_each_is_audited()
    {
        var (seeker, id, anna) = await OpenConversationAsync("v2");
        var other = Portal.Browse();
        await other.EnquiryAsync("Video-andere", Portal.CentreA, "Andere Frage");
        var (arne, _) = await Portal.CounsellorAsync("video-arne@traeger");
        var (bernd, _) = await Portal.CounsellorAsync("video-bernd@bonn", "online-b");
        var (noRole, _) = await Portal.CounsellorAsync("video-ohne-rolle@traeger", role: null);
        var outsiders = new List<VideoClient>();
        foreach (var (browser, staff) in new[] { (other, false), (arne, true), (bernd, true), (noRole, true), (Portal.Browse(), false), (Portal.Browse(), true) })
            outsiders.Add(await VideoClient.ConnectAsync(browser, Portal.Server.BaseAddress, staff));
        await using var seekerPage = await VideoClient.ConnectAsync(seeker, Portal.Server.BaseAddress);
        var before = await RefusalsAsync(id);

        foreach (var outsider in outsiders)
        {
            (await Should.ThrowAsync<HubException>(() => outsider.StartAsync(id))).Message.ShouldContain("nicht für Sie bestimmt");
            (await Should.ThrowAsync<HubException>(() => outsider.WatchAsync(id))).Message.ShouldContain("nicht für Sie bestimmt");
        }

        (await Should.ThrowAsync<HubException>(() => seekerPage.StartAsync(id))).Message.ShouldContain("nicht für Sie bestimmt", customMessage: "only the counsellor starts");
        await seekerPage.WatchAsync(id);
        await using var desk = await VideoClient.ConnectAsync(anna, Portal.Server.BaseAddress, staff: true);
        var call = await desk.StartAsync(id);
        (await seekerPage.NextAsync()).CallId.ShouldBe(call.CallId);
        foreach (var outsider in outsiders)
        {
            (await Should.ThrowAsync<HubException>(() => outsider.AcceptAsync(call.CallId))).Message.ShouldContain("nicht für Sie bestimmt");
            (await Should.ThrowAsync<HubException>(() => outsider.Connection.InvokeAsync("SendOffer", call.CallId, Sdp))).Message.ShouldContain("nicht für Sie bestimmt");
            (await Should.ThrowAsync<HubException>(() => outsider.Connection.InvokeAsync("HangUp", call.CallId))).Message.ShouldContain("nicht für Sie bestimmt");
        }

        (await RefusalsAsync(id) - before).ShouldBe(outsiders.Count * 5 + 1, "every refused call is in the audit log, once");
        foreach (var outsider in outsiders) outsider.HeardSoFar().ShouldBeEmpty("no outsider joined the ringing or the call's group");
        desk.HeardSoFar().ShouldBeEmpty("the call still rings; nobody accepted or ended it");
        (await CallAsync(call.CallId)).State.ShouldBe(CallState.Ringing);
        var actors = (await Portal.AuditAsync()).Where(a => a.Action == "counselling.video.refused").Select(a => a.Actor).ToList();
        actors.ShouldContain("anonymous");
        actors.ShouldContain("centre-account:video-arne@traeger");
        actors.ShouldContain("centre-account:video-bernd@bonn");
        actors.ShouldContain("centre-account:video-ohne-rolle@traeger");
        foreach (var outsider in outsiders) await outsider.DisposeAsync();
    }

    [Fact]
    public async Task An_accept_after_the_ring_time_signalling_after_the_calls_time_and_an_accept_of_a_replaced_call_are_refused()
    {
        var (seeker, id, anna) = await OpenConversationAsync("v3");
        await using var seekerPage = await VideoClient.ConnectAsync(seeker, Portal.Server.BaseAddress);
        await using var desk = await VideoClient.ConnectAsync(anna, Portal.Server.BaseAddress, staff: true);

        var late = await desk.StartAsync(id);
        video.Clock.Advance(TimeSpan.FromMinutes(3) + TimeSpan.FromSeconds(1));
        (await Should.ThrowAsync<HubException>(() => seekerPage.AcceptAsync(late.CallId))).Message.ShouldEndWith(
            "HubException: Die Zeit für diesen Videoanruf ist abgelaufen.", customMessage: "the sentence is all the server says");
        (await seekerPage.WatchAsync(id)).ShouldBeNull("an expired call no longer rings");

        var replaced = await desk.StartAsync(id);
        var call = await desk.StartAsync(id);
        (await desk.NextAsync()).ShouldBe(new VideoClient.Heard(ConversationHub.CallEnded, late.CallId, ["replaced"]), VideoHeard.Same, "a start ends the expired call too");
        (await desk.NextAsync()).ShouldBe(new VideoClient.Heard(ConversationHub.CallEnded, replaced.CallId, ["replaced"]), VideoHeard.Same);
        (await Should.ThrowAsync<HubException>(() => seekerPage.AcceptAsync(replaced.CallId))).Message.ShouldContain("schon angenommen, abgelehnt oder beendet");
        await seekerPage.AcceptAsync(call.CallId);
        (await desk.NextAsync()).Method.ShouldBe(ConversationHub.CallAccepted);
        (await seekerPage.NextAsync()).CallId.ShouldBe(replaced.CallId, "its ringing");
        (await seekerPage.NextAsync()).CallId.ShouldBe(call.CallId, "its ringing");
        await desk.Connection.InvokeAsync("SendOffer", call.CallId, Sdp);
        (await seekerPage.NextAsync()).Method.ShouldBe(ConversationHub.Offer);

        video.Clock.Advance(TimeSpan.FromMinutes(120));
        (await Should.ThrowAsync<HubException>(() => desk.Connection.InvokeAsync("SendOffer", call.CallId, Sdp))).Message.ShouldContain("abgelaufen");
        (await Should.ThrowAsync<HubException>(() => seekerPage.Connection.InvokeAsync("SendAnswer", call.CallId, Sdp))).Message.ShouldContain("abgelaufen");
        seekerPage.HeardSoFar().ShouldBeEmpty("the refused offer reached nobody");
        var details = (await Portal.AuditAsync()).Where(a => a.Action == "counselling.video.refused" && a.Details!.Contains(id.ToString())).Select(a => a.Details!).ToList();
        details.ShouldContain(d => d.Contains($"call {late.CallId}; expired"));
        details.ShouldContain(d => d.Contains($"call {replaced.CallId}; ended"));
    }

    [Fact]
    public async Task A_closed_conversation_and_an_enquiry_in_the_pool_have_no_calls()
    {
        var (_, id, anna) = await OpenConversationAsync("v4");
        var pool = (await Portal.Browse().EnquiryAsync("Video-pool", Portal.CentreA, "Noch niemand hat übernommen")).ConversationId();
        await using var desk = await VideoClient.ConnectAsync(anna, Portal.Server.BaseAddress, staff: true);
        (await Should.ThrowAsync<HubException>(() => desk.StartAsync(pool))).Message.ShouldContain("nur in einem offenen Gespräch");
        var page = await anna.GetAsync($"{DeskA}/gespraech/{id}");
        await anna.PostAsync($"{DeskA}/gespraech/{id}/abschliessen", [page.AntiforgeryToken]);
        (await Should.ThrowAsync<HubException>(() => desk.StartAsync(id))).Message.ShouldContain("nur in einem offenen Gespräch");
        await using var context = Portal.Services.GetRequiredService<CounsellingDatabase>().CreateContext();
        (await context.VideoCalls.CountAsync(v => v.ConversationId == id || v.ConversationId == pool)).ShouldBe(0);
    }

    [Fact]
    public async Task Huge_malformed_and_script_carrying_descriptions_and_candidates_are_refused_with_a_sentence_and_never_relayed()
    {
        var (seeker, id, anna) = await OpenConversationAsync("v5");
        await using var seekerPage = await VideoClient.ConnectAsync(seeker, Portal.Server.BaseAddress, lang: "en");
        await using var desk = await VideoClient.ConnectAsync(anna, Portal.Server.BaseAddress, staff: true);
        var call = await desk.StartAsync(id);
        await seekerPage.AcceptAsync(call.CallId);
        (await desk.NextAsync()).Method.ShouldBe(ConversationHub.CallAccepted);

        async Task<string> RefusedAsync(string method, params object?[] args) =>
            (await Should.ThrowAsync<HubException>(() => desk.Connection.InvokeCoreAsync(method, [call.CallId, .. args]))).Message;

        (await RefusedAsync("SendOffer", Sdp + new string('a', 20_000))).ShouldContain("Die Verbindungsbeschreibung ist zu groß (höchstens 20 KB).");
        (await RefusedAsync("SendOffer", "<script>alert(1)</script>")).ShouldContain("nicht die erwartete Form");
        (await RefusedAsync("SendOffer", Sdp + "a=x:<img src=x onerror=alert(1)>\r\n")).ShouldContain("nicht die erwartete Form");
        (await RefusedAsync("SendOffer", Sdp + "<not a line>\r\n")).ShouldContain("nicht die erwartete Form");
        (await RefusedAsync("SendAnswer", "")).ShouldContain("nicht die erwartete Form");
        (await RefusedAsync("SendCandidate", "candidate:1 1 udp 1 <script> 1 typ host", "0", 0)).ShouldContain("(ICE-Kandidat) hat nicht die erwartete Form");
        (await RefusedAsync("SendCandidate", Candidate, "0\"><script>", 0)).ShouldContain("ICE-Kandidat");
        (await RefusedAsync("SendCandidate", "javascript:alert(1)", "0", 0)).ShouldContain("ICE-Kandidat");
        (await RefusedAsync("SendCandidate", Candidate + new string('1', 1_000), "0", 0)).ShouldContain("ICE-Kandidat");
        (await Should.ThrowAsync<HubException>(() => seekerPage.Connection.InvokeAsync("SendAnswer", call.CallId, "<b>x</b>"))).Message
            .ShouldContain("The connection description does not have the expected form.", customMessage: "in the language the page connected with");

        await desk.Connection.InvokeAsync("SendOffer", call.CallId, Sdp);
        var relayed = await seekerPage.NextAsync();
        (relayed.Method, relayed.Values[0]).ShouldBe((ConversationHub.Offer, (object?)Sdp), "the first thing relayed is the good offer after the refusals");
        (await CallAsync(call.CallId)).State.ShouldBe(CallState.Accepted, "refused input changed nothing");
    }

    [Fact]
    public async Task The_tenants_STUN_and_TURN_servers_go_to_both_participants_with_TURN_credentials_that_end_with_the_call()
    {
        var (seeker, id, anna) = await OpenConversationAsync("v6");
        await using var seekerPage = await VideoClient.ConnectAsync(seeker, Portal.Server.BaseAddress);
        await using var desk = await VideoClient.ConnectAsync(anna, Portal.Server.BaseAddress, staff: true);
        var started = await desk.StartAsync(id);
        var accepted = await seekerPage.AcceptAsync(started.CallId);

        foreach (var (join, until) in new[] { (started, started.ExpiresAt.AddMinutes(120)), (accepted, accepted.ExpiresAt) })
        {
            join.IceTransportPolicy.ShouldBe("relay", "RelayOnly: neither side learns the other's address");
            join.IceServers.Count.ShouldBe(2);
            join.IceServers[0].Urls.ShouldBe(["stun:stun.example.org:3478"]);
            join.IceServers[0].Username.ShouldBeNull();
            var turn = join.IceServers[1];
            turn.Urls.ShouldBe(["turn:turn.example.org:3478?transport=udp", "turns:turn.example.org:5349"]);
            var expiry = long.Parse(turn.Username!.Split(':')[0], System.Globalization.CultureInfo.InvariantCulture);
            DateTimeOffset.FromUnixTimeSeconds(expiry).UtcDateTime.ShouldBe(until, TimeSpan.FromSeconds(1));
            turn.Username.ShouldEndWith(":" + started.CallId.ToString("N"));
            turn.Credential.ShouldBe(Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(VideoPortal.TurnSecret), Encoding.UTF8.GetBytes(turn.Username))),
                "coturn's use-auth-secret: HMAC-SHA1 of the user name under the shared secret");
        }

        var settings = new Sozialplattform.Counselling.Web.Hosting.VideoOptions
        {
            IceServers = [new() { Urls = ["turn:turn.example.org"] }, new() { Urls = ["http://stun.example.org"] }], RelayOnly = true, RingMinutes = 0,
        };
        settings.Problems().ShouldBe([
            "Sozialplattform:Counselling:Video:IceServers:0: the TURN server 'turn:turn.example.org' needs TurnSecret (coturn use-auth-secret) or Username and Credential.",
            "Sozialplattform:Counselling:Video:IceServers:1: 'http://stun.example.org' is not a stun:, stuns:, turn: or turns: address.",
            "Sozialplattform:Counselling:Video:RingMinutes must be 1 to 30.",
        ]);
        new Sozialplattform.Counselling.Web.Hosting.VideoOptions().Problems().ShouldBeEmpty("without servers browsers connect directly");
    }

    [Fact]
    public async Task Twelve_parallel_starts_of_one_counsellor_create_three_calls_and_leave_one_live()
    {
        var (_, id, anna) = await OpenConversationAsync("v7");
        var pages = new List<VideoClient>();
        for (var i = 0; i < 12; i++) pages.Add(await VideoClient.ConnectAsync(anna, Portal.Server.BaseAddress, staff: true));

        var outcomes = await Task.WhenAll(pages.Select(page => Task.Run(async () =>
        {
            try
            {
                return (await page.StartAsync(id)).CallId.ToString();
            }
            catch (HubException refused)
            {
                return refused.Message;
            }
        })));

        outcomes.Count(o => Guid.TryParse(o, out _)).ShouldBe(3);
        outcomes.Where(o => !Guid.TryParse(o, out _)).ShouldAllBe(o => o.Contains("zu viele Videoanrufe begonnen. Bitte versuchen Sie es in 60 Minute(n) noch einmal."));
        await using (var context = Portal.Services.GetRequiredService<CounsellingDatabase>().CreateContext())
        {
            var calls = await context.VideoCalls.Where(v => v.ConversationId == id).ToListAsync();
            calls.Count.ShouldBe(3);
            calls.Count(c => c.State == CallState.Ringing).ShouldBe(1, "each start ended the one before");
        }

        foreach (var page in pages) await page.DisposeAsync();
    }

    [Fact]
    public async Task A_closed_page_ends_its_call_for_the_other_side()
    {
        var (seeker, id, anna) = await OpenConversationAsync("v8");
        await using var seekerPage = await VideoClient.ConnectAsync(seeker, Portal.Server.BaseAddress);
        var desk = await VideoClient.ConnectAsync(anna, Portal.Server.BaseAddress, staff: true);
        var call = await desk.StartAsync(id);
        await seekerPage.AcceptAsync(call.CallId);
        await desk.DisposeAsync();

        (await seekerPage.NextAsync()).ShouldBe(new VideoClient.Heard(ConversationHub.CallEnded, call.CallId, ["left"]), VideoHeard.Same);
        (await CallAsync(call.CallId)).State.ShouldBe(CallState.Ended);
    }

    [Fact]
    public async Task The_conversation_pages_carry_the_video_panel_its_script_and_allow_camera_and_microphone_and_other_pages_do_not()
    {
        var (seeker, id, anna) = await OpenConversationAsync("v9");
        var page = await seeker.GetAsync($"/de/online-beratung/gespraech/{id}");
        page.Text("[data-video-fallback]").ShouldBe("Ein Videogespräch braucht JavaScript und einen aktuellen Browser (zum Beispiel Firefox, Chrome, Edge oder Safari). Das schriftliche Gespräch funktioniert auch ohne.");
        page.Document.QuerySelector("[data-video-ready]")!.HasAttribute("hidden").ShouldBeTrue("the controls appear only with the script");
        page.Document.QuerySelector("[data-video]")!.GetAttribute("data-video-role").ShouldBe("seeker");
        page.Document.QuerySelectorAll("script").ShouldAllBe(s => s.HasAttribute("src"), "CSP script-src 'self': no inline script");
        page.Document.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")).ShouldContain("/_content/Sozialplattform.Counselling.Web/counselling-video.js");
        page.Document.QuerySelectorAll("[data-video] button").ShouldAllBe(b => b.TextContent.Trim().Length > 0 && b.GetAttribute("type") == "button");
        page.Response.Headers.GetValues("Permissions-Policy").ShouldBe(["camera=(self), microphone=(self), geolocation=()"]);
        var script = await seeker.Http.GetAsync("/_content/Sozialplattform.Counselling.Web/counselling-video.js");
        script.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);

        var deskPage = await anna.GetAsync($"{DeskA}/gespraech/{id}");
        deskPage.Document.QuerySelector("[data-video]")!.GetAttribute("data-video-role").ShouldBe("counsellor");
        deskPage.Document.QuerySelector("[data-video]")!.GetAttribute("data-video-hub").ShouldBe("/beratungsstellen-verwaltung/online-beratung/live?lang=de");
        deskPage.Response.Headers.GetValues("Permissions-Policy").ShouldBe(["camera=(self), microphone=(self), geolocation=()"]);
        var english = await seeker.GetAsync($"/en/online-beratung/gespraech/{id}");
        english.Text("[data-video-fallback]").ShouldStartWith("A video call needs JavaScript");

        foreach (var elsewhere in new[] { await seeker.GetAsync("/de/online-beratung"), await anna.GetAsync(DeskA) })
            elsewhere.Response.Headers.GetValues("Permissions-Policy").ShouldBe(["camera=(), microphone=(), geolocation=()"]);
        await anna.PostAsync($"{DeskA}/gespraech/{id}/abschliessen", [deskPage.AntiforgeryToken]);
        (await seeker.GetAsync($"/de/online-beratung/gespraech/{id}")).Document.QuerySelector("[data-video]").ShouldBeNull("an ended conversation has no calls");
    }

    /// <summary>A seeker's enquiry to centre A, taken by a new counsellor of A: the seeker's browser, the conversation, the counsellor's browser.</summary>
    private async Task<(PortalClient Seeker, Guid Id, PortalClient Counsellor)> OpenConversationAsync(string tag)
    {
        await Portal.ReadyAsync();
        var seeker = Portal.Browse();
        var id = (await seeker.EnquiryAsync("Video-" + tag, Portal.CentreA, "Können wir sprechen?")).ConversationId();
        var (anna, _) = await Portal.CounsellorAsync($"video-anna-{tag}@traeger");
        await anna.PostAsync($"{DeskA}/gespraech/{id}/uebernehmen", [(await anna.GetAsync(DeskA)).AntiforgeryToken]);
        return (seeker, id, anna);
    }

    private async Task<int> RefusalsAsync(Guid conversationId) =>
        (await Portal.AuditAsync()).Count(a => a.Action == "counselling.video.refused" && a.Details?.Contains(conversationId.ToString()) == true);

    private async Task<VideoCallRow> CallAsync(Guid callId)
    {
        await using var context = Portal.Services.GetRequiredService<CounsellingDatabase>().CreateContext();
        return await context.VideoCalls.SingleAsync(v => v.Id == callId);
    }
}

/// <summary>Heard items compared by method, call and values (the values are an array).</summary>
internal sealed class VideoHeard : IEqualityComparer<VideoClient.Heard>
{
    public static VideoHeard Same { get; } = new();

    public bool Equals(VideoClient.Heard? x, VideoClient.Heard? y) =>
        x is not null && y is not null && x.Method == y.Method && x.CallId == y.CallId && x.Values.SequenceEqual(y.Values);

    public int GetHashCode(VideoClient.Heard obj) => HashCode.Combine(obj.Method, obj.CallId);
}
