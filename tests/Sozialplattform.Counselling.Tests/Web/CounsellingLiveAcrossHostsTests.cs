using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR.Client;
using Sozialplattform.Counselling.Tests.Infrastructure;
using Sozialplattform.Delivery.Tests.Infrastructure;
using Sozialplattform.Web.Tests.Infrastructure;

namespace Sozialplattform.Counselling.Tests.Web;

/// <summary>
/// Two hosts on one PostgreSQL database with SignalR's Redis backplane (Debian's redis-server), as behind a load balancer:
/// a page connected to one host hears of a change made on the other. Without the backplane nothing would reach it, and
/// the test would fail after its minute of waiting.
/// </summary>
public sealed class CounsellingLiveAcrossHostsTests(CounsellingLiveAcrossHostsTests.TwoHosts hosts) : IClassFixture<CounsellingLiveAcrossHostsTests.TwoHosts>
{
    /// <summary>A fresh database, a Redis server and two hosts on both, with the same data key.</summary>
    public sealed class TwoHosts : IAsyncLifetime
    {
        private static readonly string DataKey = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(i * 5)).ToArray());

        public PostgresTarget Database { get; } = new();

        public RedisServer Redis { get; } = new();

        public CounsellingPortal? A { get; private set; }

        public CounsellingPortal? B { get; private set; }

        public async Task InitializeAsync()
        {
            await Database.InitializeAsync();
            await Redis.InitializeAsync();
        }

        /// <summary>The two started hosts (skips without PostgreSQL or redis-server locally).</summary>
        public async Task<(CounsellingPortal A, CounsellingPortal B)> StartAsync()
        {
            PostgresTarget.RequireServer();
            RedisServer.Require();
            if (A is null)
            {
                A = await Host().ReadyAsync();
                B = await Host().ReadyAsync();
            }

            return (A, B!);
        }

        private CounsellingPortal Host() => CounsellingPortal.With(builder =>
        {
            builder.UseSetting("Sozialplattform:Storage:Provider", "Postgres");
            builder.UseSetting("Sozialplattform:Storage:ConnectionString", Database.ConnectionString);
            builder.UseSetting("Sozialplattform:Storage:EncryptionKey", DataKey);
            builder.UseSetting("Sozialplattform:Redis", Redis.Configuration);
        });

        public async Task DisposeAsync()
        {
            A?.Dispose();
            B?.Dispose();
            await Redis.DisposeAsync();
            await Database.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task A_seeker_connected_to_one_host_hears_of_the_counsellors_take_and_reply_on_the_other()
    {
        var (a, b) = await hosts.StartAsync();
        var seeker = a.Browse();
        var id = (await seeker.EnquiryAsync("Zwei-Hosts", a.CentreA, "Frage über zwei Hosts")).ConversationId();
        await using var seekerLive = await LiveClient.ConnectAsync(seeker, a.Server.BaseAddress);
        await seekerLive.Connection.InvokeAsync("FollowConversation", id);

        var (counsellor, _) = await b.CounsellorAsync("zwei-hosts@traeger");
        var desk = $"/beratungsstellen-verwaltung/de/online-beratung/{b.CentreA}";
        var taken = await counsellor.PostAsync($"{desk}/gespraech/{id}/uebernehmen", [(await counsellor.GetAsync(desk)).AntiforgeryToken]);
        (await seekerLive.NextAsync()).ShouldBe(id, "the take on host B reaches the seeker's page on host A");

        await counsellor.PostAsync($"{desk}/gespraech/{id}/antworten", [taken.AntiforgeryToken, ("message", "Antwort von Host B")]);
        (await seekerLive.NextAsync()).ShouldBe(id, "and so does the reply");
        (await seeker.GetAsync($"/de/online-beratung/gespraech/{id}")).Text("main").ShouldContain("Antwort von Host B");
    }
}
