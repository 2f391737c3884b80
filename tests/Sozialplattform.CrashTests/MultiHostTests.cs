using System.Collections.Concurrent;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Sozialplattform.Storage.Database;
using Sozialplattform.Storage.Entities;
using Sozialplattform.Web.Tests.Infrastructure;
using Sozialplattform.Web.Tests.Operations;

namespace Sozialplattform.CrashTests;

/// <summary>
/// Two hosts of the platform, each its own process, on one PostgreSQL database behind Debian's nginx (round robin, no
/// sticky sessions): citizens' journeys go through with their requests alternating between the hosts (antiforgery,
/// draft, submit), and so do a caseworker's and an author's sessions; a version an author publishes in the designer's
/// editor through nginx (a Blazor circuit over a WebSocket) is served by both hosts without restart; under a steady stream of applications one host is killed with SIGKILL and restarted — every
/// application the citizen got a receipt for is stored once and delivered exactly once, and a request that failed on the
/// killed host is repeated by the client without creating a second application.
/// </summary>
public sealed partial class MultiHostTests(PostgresPortals database) : IClassFixture<PostgresPortals>
{
    private const int Applications = 24;
    private const int KillAfter = 6;
    private const int RestartAfter = 14;

    [SkippableFact]
    public async Task Journeys_alternate_between_two_hosts_behind_nginx_and_a_host_killed_under_load_loses_and_doubles_nothing()
    {
        PostgresPortals.RequireServer();
        var chromium = RequireChromium();
        using var folders = new CrashFolders();
        await using var receiver = new XtaReceiver(folders.ReceiverLog, answerBeforeHold: int.MaxValue - 1);
        await receiver.StartAsync();
        folders.WriteTenant(receiver.Url);

        var hostA = HostProcess.Start(Settings(folders, "a"), folders.HostLog);
        try
        {
            await hostA.WaitUntilReadyAsync();
            using var hostB = HostProcess.Start(Settings(folders, "b"), folders.HostLog);
            await hostB.WaitUntilReadyAsync();
            using var nginx = NginxBalancer.Start(Path.Combine(folders.Root, "nginx"), [hostA.BaseUrl, hostB.BaseUrl]);
            await nginx.WaitUntilListeningAsync();

            // One citizen's whole journey through the balancer: its requests were answered by both hosts in turn.
            var first = await ApplyWithRepeatsAsync(nginx.BaseUrl, 0);
            var journey = nginx.Requests();
            journey.Select(r => r.Host).Distinct().Count().ShouldBe(2, "round robin sent the one browser's requests to both hosts");
            journey.ShouldAllBe(r => r.Status < 400, "antiforgery cookies, tokens and the draft are understood by both hosts");
            await StaffSessionsAlternateAsync(nginx);
            await PublishedInTheDesignerServedByBothHostsAsync(nginx, chromium);

            // A steady stream from two citizens at a time; host A dies after a few receipts and comes back later.
            var receipts = new ConcurrentBag<string> { first };
            var (next, killed) = (0, 0);
            async Task CitizenAsync()
            {
                int number;
                while ((number = Interlocked.Increment(ref next)) < Applications)
                {
                    receipts.Add(await ApplyWithRepeatsAsync(nginx.BaseUrl, number));
                    if (receipts.Count >= KillAfter && Interlocked.Exchange(ref killed, 1) == 0) hostA.Kill();
                }
            }

            var restarted = Task.Run(async () =>
            {
                while (receipts.Count < RestartAfter) await Task.Delay(100);
                var address = hostA.BaseUrl;
                hostA.Dispose();
                hostA = HostProcess.Start(Settings(folders, "a"), folders.HostLog, address);
                await hostA.WaitUntilReadyAsync();
            });
            await Task.WhenAll(CitizenAsync(), CitizenAsync());
            await restarted;

            // After the restart, host A is back in the rotation: the last citizen's requests go to both hosts again.
            var before = nginx.Requests().Count;
            receipts.Add(await ApplyWithRepeatsAsync(nginx.BaseUrl, Applications));
            nginx.Requests().Skip(before).Select(r => r.Host).Distinct().Count().ShouldBe(2, "the restarted host serves again");

            await WaitUntilDeliveredAsync(folders);
            var submissions = await SubmissionsAsync();
            receipts.Count.ShouldBe(Applications + 1);
            receipts.ShouldBeUnique();
            submissions.ShouldBe(receipts, ignoreOrder: true, "every receipt is stored, and nothing without a receipt");
            var outbox = await OutboxAsync();
            outbox.ShouldAllBe(e => e.Status == OutboxStatus.Delivered);
            outbox.Count.ShouldBe(Applications + 1, "one entry per application");
            (await FormPdfsAsync()).ShouldBe(outbox.Select(e => e.SubmissionId), ignoreOrder: true, "each PDF rendered after its accept, stored once by one of the hosts");
            var fresh = receiver.Log().Where(l => l.IsNew).ToList();
            fresh.Select(l => l.DeliveryId).ShouldBeUnique("no delivery arrived twice as new");
            fresh.Select(l => l.Reference).ShouldBe(receipts, ignoreOrder: true, "every application reached the authority exactly once");
            var requests = nginx.Requests();
            requests.Select(r => r.Host).Distinct().Count().ShouldBe(2);
            Console.WriteLine($"multi-host test: {Applications + 1} applications through nginx, {requests.Count} requests " +
                              $"({string.Join(", ", requests.GroupBy(r => r.Host).Select(g => $"{g.Count()} answered by {g.Key}"))}), " +
                              $"{requests.Count(r => r.Status >= 500)} failed with 5xx while host A was killed, {_repeats} step(s) repeated by the citizens");
        }
        finally
        {
            hostA.Dispose();
        }
    }

    private IReadOnlyDictionary<string, string> Settings(CrashFolders folders, string host)
    {
        var settings = new Dictionary<string, string>(folders.Settings())
        {
            ["Sozialplattform:Storage:DataDirectory"] = Path.Combine(folders.Root, "data-" + host),
            ["Sozialplattform:Storage:Provider"] = "Postgres",
            ["Sozialplattform:Storage:ConnectionString"] = database.ConnectionString,
            ["Sozialplattform:Storage:EncryptionKey"] = PostgresPortals.DataKey,
            ["Sozialplattform:Portal:RunDispatcher"] = "true",
            ["Designer:RequireSecondFactor"] = "false",
        };
        return settings;
    }

    /// <summary>
    /// The sample contact form through the balancer, as a citizen's browser without JavaScript; a step that fails because
    /// its host died (502, or the connection dropped) is repeated — the submit too, with the same form (idempotent).
    /// </summary>
    private static async Task<string> ApplyWithRepeatsAsync(string baseUrl, int number)
    {
        var client = new PortalClient(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(baseUrl) });
        var page = await RepeatAsync(() => Journeys.FirstPageAsync(client, "kontakt"));
        var summary = await RepeatAsync(() => client.SubmitAsync(page, "/senden", new Dictionary<string, string?>
        {
            ["thema"] = "schulden", ["nachricht"] = $"Antrag Nummer {number} im Mehrrechnertest.", ["telefon"] = "0201 123456",
        }, "next"));
        summary.Path.ShouldEndWith("/zusammenfassung");
        var receipt = await RepeatAsync(() => client.SubmitAsync(summary, "/absenden"));
        receipt.Path.ShouldStartWith("/de/eingang/");
        return receipt.Text(".confirmation__reference");
    }

    private static int _repeats;

    private static async Task<PortalPage> RepeatAsync(Func<Task<PortalPage>> step)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var page = await step();
                if (page.Status is not (HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout)) return page;
                if (attempt >= 20) return page;
            }
            catch (HttpRequestException) when (attempt < 20)
            {
                // the connection to the balancer dropped with the dying host: repeat
            }

            Interlocked.Increment(ref _repeats);
            await Task.Delay(200 * Math.Min(attempt, 5));
        }
    }

    private async Task<List<string>> SubmissionsAsync()
    {
        await using var context = (await OpenAsync()).CreateContext();
        return await context.Submissions.AsNoTracking().Select(s => s.ReferenceNumber).ToListAsync();
    }

    private async Task<List<OutboxEntry>> OutboxAsync()
    {
        await using var context = (await OpenAsync()).CreateContext();
        return await context.Outbox.AsNoTracking().ToListAsync();
    }

    private async Task<List<Guid>> FormPdfsAsync()
    {
        await using var context = (await OpenAsync()).CreateContext();
        return await context.Attachments.AsNoTracking().Where(a => a.Purpose == AttachmentPurpose.Form).Select(a => a.SubmissionId!.Value).ToListAsync();
    }

    private Task<SozialDatabase> OpenAsync() => SozialDatabase.OpenAsync(new StorageOptions
    {
        Provider = StorageProvider.Postgres, ConnectionString = database.ConnectionString, EncryptionKey = PostgresPortals.DataKey,
        DataDirectory = Path.Combine(Path.GetTempPath(), "sozial-multihost-reader"),
    });

    /// <summary>Polls the outbox (bounded: 120 s) until every entry is delivered.</summary>
    private async Task WaitUntilDeliveredAsync(CrashFolders folders)
    {
        for (var i = 0; i < 480; i++)
        {
            var outbox = await OutboxAsync();
            if (outbox.Count > 0 && outbox.All(e => e.Status == OutboxStatus.Delivered)) return;
            await Task.Delay(250);
        }

        throw new TimeoutException($"The outbox was not delivered 120 s after the load:\n{File.ReadAllText(folders.HostLog)}");
    }
}
