using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Sozialplattform.Benchmarks.Web;

/// <summary>
/// Accepted submissions per second, the final submit alone (<c>scale-out-load.sh</c>): first <c>drafts</c> citizens fill
/// the contact form up to its summary page (not measured), then their submits are fired, <c>concurrency</c> at once, as
/// the summary page's form posts them (cookies of each citizen, the page's hidden inputs). A submit counts as accepted
/// when it answers with the redirect to the receipt (<c>/de/eingang/…</c>): the submission, its PDF and its outbox item
/// are committed by then. The redirect is not followed (the receipt page is a page view, measured with the pages). The
/// hosts' CPU time during the submits is read from <c>/proc</c> of the given process ids.
/// </summary>
public static class SubmitsLoad
{
    public static async Task<int> RunAsync(string baseUrl, int drafts, int concurrency, IReadOnlyList<int> hostPids, TextWriter output)
    {
        var prepare = Stopwatch.StartNew();
        var filled = new (CookieContainer Cookies, SubmissionsLoad.Page Summary)?[drafts];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < drafts; i = Interlocked.Increment(ref next))
            {
                var cookies = new CookieContainer();
                using var citizen = SubmissionsLoad.Citizen(baseUrl, cookies);
                try { filled[i] = (cookies, await SubmissionsLoad.FillAsync(citizen, "kontakt")); }
                catch (Exception error) when (error is HttpRequestException or InvalidOperationException or TaskCanceledException) { }
            }
        })));
        var ready = filled.OfType<(CookieContainer Cookies, SubmissionsLoad.Page Summary)>().ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"prepared {ready.Count} of {drafts} filled drafts in {prepare.Elapsed.TotalSeconds:0.0} s"));

        // scale-out-load.sh starts a trace here when asked (SOZIAL_TRACE_SUBMITS): the submits only, not the filling.
        if (Environment.GetEnvironmentVariable("SOZIAL_BEFORE_SUBMITS") is { Length: > 0 } command)
        {
            using var started = Process.Start(new ProcessStartInfo("bash", ["-c", command]));
            await started!.WaitForExitAsync();
        }

        // One shared client without cookies or redirects: each post carries its citizen's cookies.
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = concurrency })
        {
            Timeout = TimeSpan.FromMinutes(2),
        };
        var (accepted, failed) = (0, 0);
        var times = new List<double>();
        var errors = new Dictionary<string, int>();
        next = -1;
        var cpuBefore = CpuTicks(hostPids);
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < ready.Count; i = Interlocked.Increment(ref next))
            {
                var (cookies, summary) = ready[i];
                var (action, fields) = SubmissionsLoad.FormOf(summary, "/absenden", []);
                using var request = new HttpRequestMessage(HttpMethod.Post, action) { Content = new FormUrlEncodedContent(fields) };
                request.Headers.Add("Cookie", cookies.GetCookieHeader(action));
                var one = Stopwatch.StartNew();
                string? problem;
                try
                {
                    using var response = await http.SendAsync(request);
                    var location = response.Headers.Location?.OriginalString ?? "";
                    problem = (int)response.StatusCode is 302 or 303 && location.StartsWith("/de/eingang/", StringComparison.Ordinal)
                        ? null : $"{(int)response.StatusCode} → {(location.Length > 60 ? location[..60] : location)}";
                }
                catch (Exception error) when (error is HttpRequestException or TaskCanceledException) { problem = error.Message; }

                lock (times)
                {
                    if (problem is null) { accepted++; times.Add(one.Elapsed.TotalMilliseconds); }
                    else { failed++; errors[problem] = errors.GetValueOrDefault(problem) + 1; }
                }
            }
        })));
        var seconds = watch.Elapsed.TotalSeconds;
        var cpuMs = (CpuTicks(hostPids) - cpuBefore) * 1000.0 / 100; // USER_HZ is 100 on Linux
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"submits accepted: {accepted} in {seconds:0.00} s = {accepted / seconds:0.0}/s with {concurrency} at once; failed: {failed}; p50 {SubmissionsLoad.Percentile(times, 0.5):0.0} ms, p99 {SubmissionsLoad.Percentile(times, 0.99):0.0} ms"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"hosts' CPU during the submits: {cpuMs:0} ms = {(accepted > 0 ? cpuMs / accepted : 0):0.00} ms per accepted submit ({hostPids.Count} processes)"));
        foreach (var (message, count) in errors) output.WriteLine($"  {count} x {message}");
        return failed == 0 && accepted > 0 ? 0 : 1;
    }

    /// <summary>User and system time of the processes, in clock ticks (fields 14 and 15 of /proc/&lt;pid&gt;/stat).</summary>
    private static long CpuTicks(IEnumerable<int> pids) => pids.Sum(pid =>
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    });
}
