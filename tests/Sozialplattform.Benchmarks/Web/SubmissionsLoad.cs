using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Sozialplattform.Benchmarks.Web;

/// <summary>
/// Citizens who apply, as a browser without JavaScript would, against a running portal (behind nginx in
/// <c>scale-out-load.sh</c>): service page, start, place, the form's page, summary, submit — each citizen with its own
/// cookies, one application after another, <c>concurrency</c> of them at once. Counts the applications that ended on
/// the receipt page (accepted) per second. Parses only what a browser would send back (the forms' hidden inputs), with
/// regular expressions, so that the client costs little of the machine it shares with the hosts.
/// </summary>
public static partial class SubmissionsLoad
{
    public static async Task<int> RunAsync(string baseUrl, TimeSpan duration, int concurrency, string formId, TextWriter output)
    {
        var (accepted, failed) = (0, 0);
        var submitTimes = new List<double>();
        var applicationTimes = new List<double>();
        var errors = new Dictionary<string, int>();
        var until = Stopwatch.StartNew();
        async Task CitizenAsync()
        {
            while (until.Elapsed < duration)
            {
                var watch = Stopwatch.StartNew();
                try
                {
                    var submit = await ApplyAsync(baseUrl, formId);
                    lock (submitTimes)
                    {
                        accepted++;
                        submitTimes.Add(submit.TotalMilliseconds);
                        applicationTimes.Add(watch.Elapsed.TotalMilliseconds);
                    }
                }
                catch (Exception error) when (error is HttpRequestException or InvalidOperationException or TaskCanceledException)
                {
                    lock (submitTimes)
                    {
                        failed++;
                        var key = error.Message.Length > 120 ? error.Message[..120] : error.Message;
                        errors[key] = errors.GetValueOrDefault(key) + 1;
                    }
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(CitizenAsync)));
        var seconds = until.Elapsed.TotalSeconds;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"accepted: {accepted} applications in {seconds:0.0} s = {accepted / seconds:0.0}/s with {concurrency} citizens at once; failed: {failed}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"submit step: p50 {Percentile(submitTimes, 0.5):0} ms, p99 {Percentile(submitTimes, 0.99):0} ms; whole application (6 requests and 3 pages): p50 {Percentile(applicationTimes, 0.5):0} ms, p99 {Percentile(applicationTimes, 0.99):0} ms"));
        foreach (var (message, count) in errors) output.WriteLine($"  {count} x {message}");
        return failed == 0 ? 0 : 1;
    }

    /// <summary>One application from the service page to the receipt; returns how long the submit took.</summary>
    private static async Task<TimeSpan> ApplyAsync(string baseUrl, string formId)
    {
        using var http = Citizen(baseUrl, new CookieContainer());
        var summary = await FillAsync(http, formId);
        var submit = Stopwatch.StartNew();
        var receipt = await PostFormAsync(http, summary, "/absenden", []);
        if (!receipt.Path.StartsWith("/de/eingang/", StringComparison.Ordinal)) throw new InvalidOperationException($"after the submit: {receipt.Path}, not the receipt");
        return submit.Elapsed;
    }

    /// <summary>A browser of one citizen: its own cookies, redirects followed.</summary>
    internal static HttpClient Citizen(string baseUrl, CookieContainer cookies) =>
        new(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = true, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(2),
        };

    /// <summary>From the service page to the summary of a filled application (the contact form's answers), ready to submit.</summary>
    internal static async Task<Page> FillAsync(HttpClient http, string formId)
    {
        var service = await GetAsync(http, $"/de/leistungen/{formId}");
        var place = await PostFormAsync(http, service, "/starten", []);
        var chosen = await PostFormAsync(http, place, "/ort/waehlen", [("ort", "12345")]);
        var first = FirstPage().Match(chosen.Html) is { Success: true } link ? WebUtility.HtmlDecode(link.Groups[1].Value) : throw new InvalidOperationException("no link to the form's first page after the place step");
        var page = await GetAsync(http, first);
        var summary = await PostFormAsync(http, page, "/senden",
            [("thema", "schulden"), ("nachricht", "Ein Antrag aus dem Lasttest."), ("telefon", "0201 123456"), ("action", "next")]);
        if (!summary.Path.EndsWith("/zusammenfassung", StringComparison.Ordinal)) throw new InvalidOperationException($"after the page: {summary.Path}, not the summary");
        return summary;
    }

    internal sealed record Page(Uri Url, string Html)
    {
        public string Path => Url.AbsolutePath;
    }

    private static async Task<Page> GetAsync(HttpClient http, string url)
    {
        using var response = await http.GetAsync(url);
        return await PageAsync(response);
    }

    /// <summary>Posts the page's form whose action contains <paramref name="actionPart"/>: its hidden inputs and the given values.</summary>
    private static async Task<Page> PostFormAsync(HttpClient http, Page page, string actionPart, IReadOnlyList<(string Name, string Value)> values)
    {
        var (action, fields) = FormOf(page, actionPart, values);
        using var response = await http.PostAsync(action, new FormUrlEncodedContent(fields));
        return await PageAsync(response);
    }

    /// <summary>The address and the fields a browser would post with the page's form whose action contains <paramref name="actionPart"/>.</summary>
    internal static (Uri Action, IEnumerable<KeyValuePair<string, string>> Fields) FormOf(Page page, string actionPart, IReadOnlyList<(string Name, string Value)> values)
    {
        var form = Forms().Matches(page.Html).FirstOrDefault(f => WebUtility.HtmlDecode(f.Groups["action"].Value).Contains(actionPart, StringComparison.Ordinal))
                   ?? throw new InvalidOperationException($"no form with '{actionPart}' on {page.Path}");
        var fields = Inputs().Matches(form.Groups["body"].Value)
            .Where(i => Attribute(i.Value, "type") == "hidden" && Attribute(i.Value, "name") is not null)
            .Select(i => (Name: Attribute(i.Value, "name")!, Value: Attribute(i.Value, "value") ?? ""))
            .Where(f => values.All(v => v.Name != f.Name))
            .Concat(values)
            .Select(f => new KeyValuePair<string, string>(f.Name, f.Value));
        return (new Uri(page.Url, WebUtility.HtmlDecode(form.Groups["action"].Value)), fields.ToList());
    }

    private static async Task<Page> PageAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{(int)response.StatusCode} for {response.RequestMessage!.Method} {response.RequestMessage.RequestUri!.AbsolutePath}");
        return new Page(response.RequestMessage!.RequestUri!, await response.Content.ReadAsStringAsync());
    }

    private static string? Attribute(string tag, string name) =>
        Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"") is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;

    internal static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0) return 0;
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];
    }

    [GeneratedRegex("<form\\b[^>]*\\saction=\"(?<action>[^\"]*)\"[^>]*>(?<body>.*?)</form>", RegexOptions.Singleline)]
    private static partial Regex Forms();

    [GeneratedRegex("<input\\b[^>]*>", RegexOptions.Singleline)]
    private static partial Regex Inputs();

    [GeneratedRegex("href=\"(/de/antrag/[^\"]+)\"")]
    private static partial Regex FirstPage();
}
