using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Sozialplattform.Benchmarks.Counselling;

/// <summary>
/// The online counselling under load against a real portal (started by <c>Web/counselling-load.sh</c>): seekers register
/// and write enquiries through the real pages, counsellors sign in (password + second factor) and take them, then every
/// seeker and a counsellor's tab per conversation connect to the hub over WebSockets and follow their conversation
/// through the hub's real access checks. Timed: replies posted by one side until the other side's connection hears
/// <c>changed</c>; then a conversation of 500 messages, its page requested again and again on both sides.
/// Usage: <c>counselling-live &lt;base url&gt; &lt;portal pid&gt; [connections] [posts] [page requests]</c>.
/// </summary>
public static class CounsellingLoad
{
    private const string Password = "Lange-Nacht-am-Rhein";
    private const string StaffPassword = "Benchmark-Beratung-2026";
    private const int Counsellors = 10;
    private const int PageMessages = 500;

    private static readonly string Text =
        "Guten Tag, ich habe seit dem Frühjahr Schulden bei zwei Banken und beim Vermieter. Die Mahnungen werden mehr, und ich weiß nicht, "
        + "welche Rechnung ich zuerst bezahlen soll. Können Sie mir sagen, was ich jetzt tun kann und welche Unterlagen Sie brauchen?";

    public static async Task RunAsync(string[] args)
    {
        var baseUrl = new Uri(args[0]);
        var pid = int.Parse(args[1], CultureInfo.InvariantCulture);
        var connections = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1000;
        var posts = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1000;
        var pageRequests = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 300;
        var atOnce = args.Length > 5 ? int.Parse(args[5], CultureInfo.InvariantCulture) : Counsellors;
        var conversations = connections / 2;
        var clock = Stopwatch.StartNew();

        var staff = await Task.WhenAll(Enumerable.Range(0, Counsellors).Select(async i =>
        {
            var session = new PortalSession(baseUrl);
            await session.SignInStaffAsync($"berater-{i}", StaffPassword);
            return session;
        }));
        var home = await staff[0].GetAsync("/beratungsstellen-verwaltung/de");
        var centreId = Guid.Parse(home.Document.QuerySelectorAll("a[href*='/online-beratung/']").Select(a => a.GetAttribute("href")!.Split('/')[^1]).First());
        var desk = $"/beratungsstellen-verwaltung/de/online-beratung/{centreId}";
        var tokens = await Task.WhenAll(staff.Select(async s => Token((await s.GetAsync(desk)).Document)));
        Console.WriteLine($"{Counsellors} counsellors signed in ({clock.Elapsed.TotalSeconds:0} s)");

        var seekers = new (PortalSession Session, Guid Conversation)[conversations];
        await Parallel.ForEachAsync(Enumerable.Range(0, conversations), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
            seekers[i] = await EnquiryAsync(baseUrl, centreId, $"Last-{i}-{Guid.NewGuid().ToString("N")[..6]}"));
        Console.WriteLine($"{conversations} seekers registered with an enquiry ({clock.Elapsed.TotalSeconds:0} s)");
        await Parallel.ForEachAsync(Enumerable.Range(0, conversations), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
        {
            using var response = await staff[i % Counsellors].Http.PostAsync($"{desk}/gespraech/{seekers[i].Conversation}/uebernehmen", new FormUrlEncodedContent(tokens[i % Counsellors]));
            response.EnsureSuccessStatusCode();
        });
        Console.WriteLine($"{conversations} conversations taken ({clock.Elapsed.TotalSeconds:0} s)");

        var heardBySeeker = new ConcurrentDictionary<Guid, TaskCompletionSource<long>>();
        var heardByStaff = new ConcurrentDictionary<Guid, TaskCompletionSource<long>>();
        var hubs = new HubConnection[conversations * 2];
        await Parallel.ForEachAsync(Enumerable.Range(0, conversations * 2), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (n, _) =>
        {
            var (i, seekerSide) = (n / 2, n % 2 == 0);
            var cookies = seekerSide ? seekers[i].Session.Cookies : staff[i % Counsellors].Cookies;
            var path = seekerSide ? "/online-beratung/live" : "/beratungsstellen-verwaltung/online-beratung/live";
            var hub = new HubConnectionBuilder().WithUrl(new Uri(baseUrl, path), o => { o.Cookies = cookies; o.Transports = HttpTransportType.WebSockets; }).Build();
            var heard = seekerSide ? heardBySeeker : heardByStaff;
            hub.On<Guid>("changed", id => { if (heard.TryGetValue(id, out var waiting)) waiting.TrySetResult(Stopwatch.GetTimestamp()); });
            await hub.StartAsync();
            await hub.InvokeAsync("FollowConversation", seekers[i].Conversation);
            hubs[n] = hub;
        });
        Console.WriteLine($"{hubs.Length} SignalR connections open over WebSockets, each following its conversation ({clock.Elapsed.TotalSeconds:0} s)");

        // Replies from both sides, each timed from the start of its post until the counterpart's connection hears of it.
        var seekerPages = new PortalSession.Page[conversations];
        await Parallel.ForEachAsync(Enumerable.Range(0, conversations), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
            seekerPages[i] = await seekers[i].Session.GetAsync($"/de/online-beratung/gespraech/{seekers[i].Conversation}"));
        var latencies = new ConcurrentBag<(bool FromSeeker, double Ms, double PostMs)>();
        var lost = 0;
        var cpuBefore = CpuSeconds(pid);
        var timed = Stopwatch.StartNew();
        // The conversations get their replies in turn (seeker, counsellor, …): one post at a time per conversation,
        // atOnce posters at once (default: one per counsellor; 1 measures delivery without queueing behind other posts).
        await Task.WhenAll(Enumerable.Range(0, atOnce).Select(w => Task.Run(async () =>
        {
            var mine = Enumerable.Range(0, conversations).Where(i => i % atOnce == w).ToArray();
            for (var k = 0; k < posts / atOnce; k++)
            {
                var i = mine[k % mine.Length];
                var fromSeeker = k / mine.Length % 2 == 0;
                var conversation = seekers[i].Conversation;
                var waiting = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
                var heard = fromSeeker ? heardByStaff : heardBySeeker;
                heard[conversation] = waiting;
                var start = Stopwatch.GetTimestamp();
                // like a browser: the post, then the page it is sent on to (read, not parsed: parsing is the browser's work, not the server's)
                var (session, url, form) = fromSeeker
                    ? (seekers[i].Session, seekerPages[i].Url.PathAndQuery, PortalSession.Fields(BlazorForm(seekerPages[i], "reply")))
                    : (staff[i % Counsellors], $"{desk}/gespraech/{conversation}/antworten", new Dictionary<string, string>(tokens[i % Counsellors]));
                form["message"] = Text;
                using (var response = await session.Http.PostAsync(url, new FormUrlEncodedContent(form)))
                {
                    response.EnsureSuccessStatusCode();
                    await response.Content.ReadAsByteArrayAsync();
                }

                var posted = Stopwatch.GetTimestamp();
                try
                {
                    var arrived = await waiting.Task.WaitAsync(TimeSpan.FromSeconds(30));
                    latencies.Add((fromSeeker, Stopwatch.GetElapsedTime(start, arrived).TotalMilliseconds, Stopwatch.GetElapsedTime(start, posted).TotalMilliseconds));
                }
                catch (TimeoutException)
                {
                    Interlocked.Increment(ref lost);
                }
                finally
                {
                    heard.TryRemove(conversation, out _);
                }
            }
        })));
        var cpu = CpuSeconds(pid) - cpuBefore;
        Console.WriteLine($"{latencies.Count} replies timed in {timed.Elapsed.TotalSeconds:0.0} s ({latencies.Count / timed.Elapsed.TotalSeconds:0} per second, {atOnce} at a time), {lost} not heard within 30 s; "
            + $"portal CPU {cpu:0.0} s = {cpu * 1000 / Math.Max(1, latencies.Count):0.0} ms per reply (post, redirected page, hub)");
        Report("posted → counterpart heard 'changed' (all)", latencies.Select(l => l.Ms));
        Report("  counsellor → seeker", latencies.Where(l => !l.FromSeeker).Select(l => l.Ms));
        Report("  seeker → counsellor", latencies.Where(l => l.FromSeeker).Select(l => l.Ms));
        Report("  of which the post itself (until its response)", latencies.Select(l => l.PostMs));

        await PageAsync(baseUrl, pid, centreId, desk, staff[0], tokens[0], pageRequests);
        await Task.WhenAll(hubs.Select(h => h.DisposeAsync().AsTask()));
    }

    /// <summary>A conversation with 500 messages (half each side), then its page requested one after another on both sides.</summary>
    private static async Task PageAsync(Uri baseUrl, int pid, Guid centreId, string desk, PortalSession counsellor, Dictionary<string, string> token, int requests)
    {
        var (seeker, conversation) = await EnquiryAsync(baseUrl, centreId, "Seiten-" + Guid.NewGuid().ToString("N")[..6]);
        (await counsellor.Http.PostAsync($"{desk}/gespraech/{conversation}/uebernehmen", new FormUrlEncodedContent(token))).EnsureSuccessStatusCode();
        var seekerUrl = $"/de/online-beratung/gespraech/{conversation}";
        var page = await seeker.GetAsync(seekerUrl);
        for (var n = 1; n < PageMessages; n++)
        {
            if (n % 2 == 1)
                (await counsellor.Http.PostAsync($"{desk}/gespraech/{conversation}/antworten", new FormUrlEncodedContent(new Dictionary<string, string>(token) { ["message"] = $"{n}: {Text}" }))).EnsureSuccessStatusCode();
            else page = await seeker.SubmitBlazorAsync(page, "reply", new Dictionary<string, string> { ["message"] = $"{n}: {Text}" });
        }

        foreach (var (who, session, url) in new[] { ("seeker's page", seeker, seekerUrl), ("desk's page", counsellor, $"{desk}/gespraech/{conversation}") })
        {
            var shown = (await session.GetAsync(url)).Document.QuerySelectorAll("li.thread__message").Length;
            if (shown != PageMessages) throw new InvalidOperationException($"the {who} shows {shown} messages, not {PageMessages}");
            for (var w = 0; w < 50; w++) await Fetch(session, url);
            var cpuBefore = CpuSeconds(pid);
            var times = new List<double>();
            for (var r = 0; r < requests; r++) times.Add(await Fetch(session, url));
            var cpu = CpuSeconds(pid) - cpuBefore;
            Report($"conversation of {PageMessages} messages, the {who} ({requests} requests one after another; portal CPU {cpu * 1000 / requests:0.0} ms per page)", times);
        }
    }

    private static AngleSharp.Html.Dom.IHtmlFormElement BlazorForm(PortalSession.Page page, string name) =>
        (AngleSharp.Html.Dom.IHtmlFormElement)page.Document.QuerySelector($"form:has(input[name=_handler][value={name}])")!;

    /// <summary>The staff session's antiforgery token, as every form of the desk carries it.</summary>
    private static Dictionary<string, string> Token(AngleSharp.Html.Dom.IHtmlDocument page) =>
        new() { ["__RequestVerificationToken"] = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")! };

    private static async Task<double> Fetch(PortalSession session, string url)
    {
        var start = Stopwatch.GetTimestamp();
        using var response = await session.Http.GetAsync(url, HttpCompletionOption.ResponseContentRead);
        response.EnsureSuccessStatusCode();
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    private static async Task<(PortalSession Session, Guid Conversation)> EnquiryAsync(Uri baseUrl, Guid centreId, string pseudonym)
    {
        var session = new PortalSession(baseUrl);
        var register = await session.GetAsync($"/de/online-beratung/registrieren?stelle={centreId}&thema=schuldnerberatung");
        var recovery = await session.SubmitBlazorAsync(register, "register", new Dictionary<string, string> { ["pseudonym"] = pseudonym, ["password"] = Password, ["email"] = "" });
        if (recovery.Document.QuerySelector("#recovery-code") is null) throw new InvalidOperationException($"{pseudonym} not registered: {recovery.Document.QuerySelector(".error-summary")?.TextContent}");
        var enquiry = await session.GetAsync($"/de/online-beratung/anfrage?stelle={centreId}&thema=schuldnerberatung");
        var conversation = await session.SubmitBlazorAsync(enquiry, "enquiry", new Dictionary<string, string> { ["message"] = Text });
        return (session, Guid.Parse(conversation.Url.AbsolutePath.Split('/')[^1]));
    }

    private static void Report(string what, IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return;
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        Console.WriteLine(FormattableString.Invariant($"{what}: n={sorted.Length} p50 {At(0.5):0.0} ms, p90 {At(0.9):0.0} ms, p99 {At(0.99):0.0} ms, max {sorted[^1]:0.0} ms; over 100 ms: {sorted.Count(v => v > 100)}"));
    }

    /// <summary>User + system CPU of the portal's process so far (from /proc: the machine is shared, so CPU time says more than wall time).</summary>
    private static double CpuSeconds(int pid)
    {
        var fields = File.ReadAllText($"/proc/{pid}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }
}
